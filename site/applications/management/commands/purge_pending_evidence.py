"""Delete evidence uploaded to wizards that were never submitted (the scheduler runs it
daily; portal/schedule.py)."""

from django.core.management.base import BaseCommand

from cases.services.evidence import purge_abandoned


class Command(BaseCommand):
    help = "Delete pending evidence uploads older than --hours (default 48) from private storage."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48)

    def handle(self, *args, hours, **options):
        removed = purge_abandoned(hours)
        self.stdout.write(f"Removed {removed} abandoned upload folder(s).")
