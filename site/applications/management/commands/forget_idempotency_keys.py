"""Delete intake API idempotency keys older than their 24 hours (the scheduler runs it)."""

from django.core.management.base import BaseCommand

from applications.services.idempotency import forget_expired


class Command(BaseCommand):
    help = "Delete Idempotency-Key records past their 24-hour lifetime."

    def handle(self, *args, **options):
        self.stdout.write(f"Forgot {forget_expired()} expired idempotency key(s).")
