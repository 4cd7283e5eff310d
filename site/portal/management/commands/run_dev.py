"""Serve the site and run the task worker together; one Ctrl-C stops both."""

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
        processes = [
            subprocess.Popen([sys.executable, manage, "db_worker", "--interval", "1"]),  # noqa: S603
            subprocess.Popen([sys.executable, manage, "runserver", addr]),  # noqa: S603
        ]
        try:
            while all(process.poll() is None for process in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGINT)
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
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
