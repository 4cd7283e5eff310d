"""Write a backup archive of this installation and print its path (ADR 0041)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backups.errors import BackupError
from portal.backups.retention import prune
from portal.backups.writer import create_backup


class Command(BaseCommand):
    help = (
        "Back up the database, private evidence files and media into one .tar.gz with a "
        "checksummed manifest (BACKUP_DIR by default). Keys are not included."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            metavar="PATH",
            help="A folder to write into, or the archive's file name (ending .tar.gz).",
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Afterwards keep only the newest BACKUP_KEEP archives of that folder.",
        )

    def handle(self, *args, output=None, **options):
        try:
            path = create_backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(path))
        if options["prune"]:
            removed = prune(Path(path).parent, settings.BACKUP_KEEP)
            if removed:
                self.stdout.write(
                    f"Removed {len(removed)} older backup(s); kept {settings.BACKUP_KEEP}."
                )
