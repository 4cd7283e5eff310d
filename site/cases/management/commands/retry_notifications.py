"""Deliver notifications that are queued or due for a retry (cron, or after an outage)."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from cases.models import Notification
from cases.tasks import deliver_notification


class Command(BaseCommand):
    help = "Retry notifications that are waiting (queued, or due for another attempt)."

    def handle(self, *args, **options):
        due = Notification.objects.filter(
            Q(status=Notification.Status.QUEUED)
            | Q(status=Notification.Status.RETRYING, next_attempt_at__lte=timezone.now())
        ).values_list("pk", flat=True)
        count = 0
        for pk in list(due):
            deliver_notification.enqueue(pk)
            count += 1
        self.stdout.write(f"Queued {count} notification(s).")
