"""Restore an archive into this installation: only once `reader` has checked all of it.

The archive is unpacked into a staging folder beside the data (under VAR_DIR) while it is
checked, so what gets installed is exactly what was verified. Then the database snapshot
is loaded, the files are moved into place (each replaced atomically), migrations bring
the schema up to this code, and every cache is cleared. An installation that holds cases
is refused unless `force` (a restore replaces the database).
"""

import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from . import database
from .errors import BackupError
from .reader import read_archive
from .writer import file_roots


def cases_present(connection) -> int:
    """How many cases the installation holds (0 when its tables do not exist yet)."""
    from cases.models import Case

    if Case._meta.db_table not in connection.introspection.table_names():
        return 0
    try:
        return Case.objects.using(connection.alias).count()
    except DatabaseError:
        return 0


def verify_backup(path, using=DEFAULT_DB_ALIAS) -> dict:
    """Every check of a restore, writing nothing; returns the manifest."""
    return read_archive(path, staging=None, using=using)


def restore_backup(path, *, force=False, using=DEFAULT_DB_ALIAS) -> dict:
    connection = connections[using]
    present = cases_present(connection)
    if present and not force:
        raise BackupError(
            f"This installation already holds {present} case(s); restore only into an empty "
            "installation, or pass --force to replace everything."
        )
    staging_root = Path(settings.VAR_DIR)
    staging_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="restore-", dir=staging_root) as work:
        staging = Path(work)
        document = read_archive(path, staging=staging, using=using)
        database.load(connection, staging / document["database"]["path"])
        roots = file_roots()
        for entry in document["files"]:
            folder, _, relative = entry["path"].partition("/")
            if folder in roots:
                _install(staging / entry["path"], roots[folder] / relative)
    call_command("migrate", interactive=False, verbosity=0, database=using)
    for cache in caches.all():
        cache.clear()
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    return document


def _install(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".{target.name}.restoring"
    shutil.copyfile(source, temporary)
    os.chmod(temporary, settings.FILE_UPLOAD_PERMISSIONS or 0o640)
    os.replace(temporary, target)
