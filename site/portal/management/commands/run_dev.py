"""`make dev`: get the site ready, then run the development server (DEBUG, autoreload), the
task worker and the scheduler together; one Ctrl-C stops them all.

`make run` is the production-shaped counterpart (gunicorn, DEBUG off, the Procfile).
Start-up time matters here: the preparation runs in this process (`prepare_site`), and
runserver is started directly as the autoreloader's child, with this command restarting it
when it exits to reload (exit code 3), as Django's own reloader parent would. That saves the
reloader parent's own Django start-up.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from portal.management.commands.prepare_site import banner


class Command(BaseCommand):
    help = "Run the development server, the task worker and the scheduler (make dev)."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-prepare",
            action="store_true",
            help="Serve without building translations, migrating or loading the demo first.",
        )

    def handle(self, *args, addr, no_prepare, **options):
        # Ctrl-C and SIGTERM both mean "stop everything", even when started in the background.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        if not no_prepare:
            call_command("prepare_site", stdout=self.stdout)
            connections.close_all()
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        self.stdout.write(banner(addr))
        worker = [sys.executable, manage, "db_worker", "--interval", "1"]
        scheduler = [sys.executable, manage, "run_scheduler"]
        server = [sys.executable, manage, "runserver", addr]
        server_env = {**os.environ, DJANGO_AUTORELOAD_ENV: "true"}
        processes = {
            "worker": _spawn(worker),
            "scheduler": _spawn(scheduler),
            "server": _spawn(server, server_env),
        }
        try:
            while True:
                time.sleep(0.5)
                if processes["server"].poll() == 3:  # the reloader saw a change
                    processes["server"] = _spawn(server, server_env)
                if any(process.poll() is not None for process in processes.values()):
                    break
        except KeyboardInterrupt:
            pass
        finally:
            _stop(processes.values())
        self.stdout.write("Stopped the site, the task worker and the scheduler.")


def _spawn(command, env=None):
    # Each child leads its own process group, so that its own children stop with it.
    return subprocess.Popen(command, env=env, start_new_session=True)  # noqa: S603


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def _signal_group(process, signum):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def _stop(processes):
    for process in processes:
        _signal_group(process, signal.SIGINT)
    for process in processes:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        _signal_group(process, signal.SIGKILL)
