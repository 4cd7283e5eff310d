"""Delete evidence uploaded to wizards that were never submitted (cron, daily)."""

import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Delete pending evidence uploads older than --hours (default 48) from private storage."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48)

    def handle(self, *args, hours, **options):
        root = Path(settings.PRIVATE_MEDIA_ROOT) / "pending"
        cutoff = time.time() - hours * 3600
        removed = 0
        for folder in root.glob("*") if root.exists() else []:
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        self.stdout.write(f"Removed {removed} abandoned upload folder(s).")
