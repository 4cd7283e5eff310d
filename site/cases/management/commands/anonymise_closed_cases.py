"""Anonymise cases closed longer ago than the retention period (the scheduler runs it
nightly; portal/schedule.py; ADR 0039)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cases.services.retention import anonymise_closed_cases


class Command(BaseCommand):
    help = (
        "Replace the personal data of cases closed more than PERSONAL_DATA_RETENTION_YEARS "
        "ago with placeholders and delete their evidence files; --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be anonymised; change nothing."
        )

    def handle(self, *args, dry_run, **options):
        outcome = anonymise_closed_cases(timezone.now(), dry_run=dry_run)
        before = timezone.localtime(outcome.before).strftime("%Y-%m-%d %H:%M")
        verb = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(
            f"{verb} {outcome.cases} case(s) closed before {before}, "
            f"{outcome.evidence_files} evidence file(s)."
        )
