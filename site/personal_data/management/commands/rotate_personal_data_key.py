"""Re-encrypt all stored personal data with the first of PERSONAL_DATA_KEYS (ADR 0038)."""

from django.core.management.base import BaseCommand

from personal_data.rotation import BATCH, rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored personal value with the first key of PERSONAL_DATA_KEYS. "
        "Run after putting a new key first; remove the old key afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH, help="Rows per transaction.")

    def handle(self, *args, batch, **options):
        for label, count in rotate_all(batch).items():
            self.stdout.write(f"{label}: {count} row(s) re-encrypted")
