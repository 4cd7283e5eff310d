"""Restore a backup archive into an empty installation, or only check it (ADR 0041)."""

from django.core.management.base import BaseCommand, CommandError

from portal.backups.errors import BackupError
from portal.backups.restore import restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Restore ARCHIVE (made by `backup`) into this installation: refused when it holds "
        "cases unless --force. Every checksum is verified before anything is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="ARCHIVE")
        parser.add_argument(
            "--verify", action="store_true", help="Only check the archive; write nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace an installation that already holds cases.",
        )

    def handle(self, *args, archive, verify=False, force=False, **options):
        try:
            document = verify_backup(archive) if verify else restore_backup(archive, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        files = len(document["files"]) - 1
        summary = (
            f"{document['database']['vendor']} database and {files} file(s), "
            f"taken {document['created_at']}"
        )
        if verify:
            self.stdout.write(f"OK: {archive} is complete and intact ({summary}).")
        else:
            self.stdout.write(f"Restored {archive}: {summary}.")
