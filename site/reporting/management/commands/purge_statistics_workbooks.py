"""Delete statistics workbooks older than their retention period (scheduled daily)."""

from django.core.management.base import BaseCommand

from reporting import workbooks


class Command(BaseCommand):
    help = (
        f"Delete the statistics workbooks (every table, asked for on the statistics page) "
        f"older than {workbooks.RETENTION_DAYS} days, with their files."
    )

    def handle(self, *args, **options):
        deleted = workbooks.purge()
        self.stdout.write(f"Deleted {deleted} statistics workbook(s).")
