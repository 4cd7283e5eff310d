"""Delete evidence uploaded to wizards that were never submitted (the scheduler runs it
daily; portal/schedule.py). Form data lives FORM_DATA_HOURS (ADR 0039); so do its files."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from cases.models import PurgeRecord
from cases.services.evidence import purge_abandoned


class Command(BaseCommand):
    help = (
        "Delete pending evidence uploads older than --hours (default FORM_DATA_HOURS, 24) "
        "from private storage, and record the purge."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=None)

    def handle(self, *args, hours, **options):
        hours = hours or settings.FORM_DATA_HOURS
        removed = purge_abandoned(hours)
        PurgeRecord.objects.create(
            kind=PurgeRecord.Kind.ABANDONED_UPLOADS,
            count=removed,
            detail=f"untouched for {hours} hours",
            created_at=timezone.now(),
        )
        self.stdout.write(f"Removed {removed} abandoned upload folder(s).")
