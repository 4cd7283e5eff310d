"""Build the monthly statistics report (the scheduler runs it on the 1st at 06:00)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from reporting import monthly


class Command(BaseCommand):
    help = "Build the previous month's statistics report (or --month YYYY-MM) and mail it."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="The month to build, YYYY-MM (default: last month).")
        parser.add_argument("--force", action="store_true", help="Rebuild an existing report.")

    def handle(self, *args, month=None, force=False, **options):
        if month:
            try:
                first = datetime.datetime.strptime(month, "%Y-%m").date()
            except ValueError as error:
                raise CommandError("--month must look like 2026-11") from error
        else:
            first = monthly.previous_month()
        record = monthly.build(first, force=force)
        if record is None:
            self.stdout.write(f"The report for {first:%Y-%m} exists already (--force rebuilds it).")
        else:
            self.stdout.write(f"Built the report for {first:%Y-%m}.")
