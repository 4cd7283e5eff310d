"""Serve the site and run the task worker together; one Ctrl-C stops both."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo.admin_user import USERNAME, credentials_file


class Command(BaseCommand):
    help = "Run the development server and the background task worker (make run)."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args, addr, **options):
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        self._print_banner(addr)
        # Ctrl-C and SIGTERM both mean "stop everything", even when started in the background.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        commands = [
            [sys.executable, manage, "db_worker", "--interval", "1"],
            [sys.executable, manage, "runserver", addr],
        ]
        # Each child leads its own process group so that the reloader's grandchildren are
        # stopped with it.
        processes = [subprocess.Popen(command, start_new_session=True) for command in commands]  # noqa: S603
        try:
            while all(process.poll() is None for process in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            _stop(processes)
        self.stdout.write("Stopped the site and the task worker.")

    def _print_banner(self, addr):
        path = credentials_file()
        if path.exists():
            login = path.read_text(encoding="utf-8").strip().replace("\n", ", ")
        else:
            login = f"username: {USERNAME}, password: the value of DEMO_PASSWORD"
        self.stdout.write(
            "\n".join(
                [
                    "",
                    f"  Site:   http://{addr}/",
                    f"  Admin:  http://{addr}/admin/   ({login})",
                    f"  Health: http://{addr}/healthz",
                    "  Task worker: running (db_worker). Press Ctrl-C once to stop both.",
                    "",
                ]
            )
        )


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
