"""Get a site ready in one process: translations, database, static files, demo content.

`make run` (production-shaped, then the Procfile) and `make dev` (runserver) both start
here. One process instead of four saves three Django start-ups (about 3 s of CPU each). An
empty SQLite database starts from the machine's schema cache when it has one
(portal.schema_cache). Static files are collected only when the site serves them from
STATIC_ROOT (DEBUG off); collectstatic skips files that did not change.
"""

import io
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import reloader

from home.demo.admin_user import USERNAME, credentials_file
from portal import schema_cache


def banner(addr: str) -> str:
    path = credentials_file()
    if path.exists():
        login = path.read_text(encoding="utf-8").strip().replace("\n", ", ")
    else:
        login = f"username: {USERNAME}, password: the value of DEMO_PASSWORD"
    return "\n".join(
        [
            "",
            f"  Site:   http://{addr}/",
            f"  Admin:  http://{addr}/admin/   ({login})",
            f"  Health: http://{addr}/healthz",
            "  Press Ctrl-C once to stop the site, the task worker and the scheduler.",
            "",
        ]
    )


class Command(BaseCommand):
    help = "Build translations, migrate (from the schema cache when fresh) and load the demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-schema-cache",
            action="store_true",
            help="Apply every migration even when a cached schema matches.",
        )
        parser.add_argument(
            "--addr", help="Print where the site will be served (host:port) when ready."
        )

    def handle(self, *args, no_schema_cache, addr=None, **options):
        self._step("Translations built", self._translations)
        self._step("Database ready", lambda: self._database(use_cache=not no_schema_cache))
        if not settings.DEBUG:
            self._step("Static files collected", self._static)
        self._step("Demo content checked", self._demo)
        # Pages cached by an earlier start may come from older templates or content.
        call_command("purge_page_cache", stdout=io.StringIO())
        if addr:
            self.stdout.write(banner(addr))

    def _step(self, label, action):
        started = time.monotonic()
        detail = action()
        seconds = time.monotonic() - started
        suffix = f": {detail}" if detail else ""
        self.stdout.write(f"{label} in {seconds:.1f} s{suffix}")

    def _translations(self):
        call_command("build_translations", verbosity=0, stdout=self.stdout)
        # Anything that translated a string before the .mo existed cached an empty
        # catalogue; drop it as Django's autoreloader does when a .mo changes.
        reloader.translation_file_changed(None, Path("django.mo"))

    def _database(self, use_cache):
        connection = connections[DEFAULT_DB_ALIAS]
        on_disk = connection.vendor == "sqlite" and not connection.is_in_memory_db()
        path = Path(connection.settings_dict["NAME"]) if on_disk else None
        fresh = path is not None and schema_cache.is_empty_database(path)
        key = None
        if fresh and use_cache:
            key = schema_cache.schema_key(MigrationLoader(None, ignore_no_migrations=True))
            if schema_cache.restore(key, path):
                call_command("migrate", interactive=False, verbosity=0)
                return f"from the schema cache {schema_cache.snapshot_path(key)}"
        call_command("migrate", interactive=False, verbosity=0)
        if key is not None:
            connection.ensure_connection()
            saved = schema_cache.save(key, connection.connection)
            if saved is not None:
                return f"migrated; schema cached as {saved}"
        return "migrated"

    def _static(self):
        output = io.StringIO()
        call_command("collectstatic", interactive=False, verbosity=1, stdout=output)
        return output.getvalue().strip().splitlines()[-1] if output.getvalue().strip() else ""

    def _demo(self):
        call_command("load_demo", stdout=self.stdout)
