"""Send each agency's liaisons today's deadline digest (cron, or --enqueue for the worker)."""

from django.core.management.base import BaseCommand

from casework.services import digest
from casework.tasks import send_deadline_digest


class Command(BaseCommand):
    help = (
        "Mail each agency's liaisons the agency's overdue and due-soon cases. One digest per "
        "agency per day: running it again the same day sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the job to the task worker (db_worker) instead of running it here.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = send_deadline_digest.enqueue()
            self.stdout.write(f"Queued the deadline digest task {result.id}.")
            return
        sent = digest.send()
        for record in sent:
            self.stdout.write(
                f"{record.agency.code}: {record.overdue} overdue, {record.due_soon} due soon, "
                f"{record.recipients} recipient(s)"
            )
        self.stdout.write(f"Sent {len(sent)} digest(s).")
