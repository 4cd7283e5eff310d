"""The scheduler process: enqueue every periodic job (portal.schedule) at its time.

APScheduler's cron triggers decide when; the job itself only enqueues a task, so the work
happens in the task worker, retried and recorded like any other task (ADR 0021).
"""

import logging
import signal
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from portal.schedule import BY_NAME, JOBS
from portal.tasks import run_scheduled_job

logger = logging.getLogger("portal.scheduler")


def trigger(job) -> CronTrigger:
    return CronTrigger.from_crontab(job.cron, timezone=ZoneInfo(settings.TIME_ZONE))


def enqueue(name: str) -> str:
    """Hand one job to the task worker; returns the task result's id."""
    result = run_scheduled_job.enqueue(name)
    logger.info("Enqueued scheduled job %s as task %s", name, result.id)
    return result.id


def enqueue_on_time(name: str) -> str:
    """What the long-running scheduler calls at a job's time: with fresh database
    connections, as a request would have (the process lives for months)."""
    close_old_connections()
    try:
        return enqueue(name)
    finally:
        close_old_connections()


def next_runs(now: datetime) -> list[tuple[str, datetime]]:
    return [(job.name, trigger(job).get_next_fire_time(None, now)) for job in JOBS]


class Command(BaseCommand):
    help = "Run the scheduler: enqueue each periodic job (portal/schedule.py) at its time."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list",
            dest="show",
            action="store_true",
            help="Print the jobs and their next run, then exit.",
        )
        parser.add_argument(
            "--enqueue",
            dest="job",
            metavar="JOB",
            help="Enqueue one job now for the worker, then exit.",
        )

    def handle(self, *args, show=False, job=None, **options):
        if show:
            now = datetime.now(ZoneInfo(settings.TIME_ZONE))
            for name, when in next_runs(now):
                declared = BY_NAME[name]
                self.stdout.write(
                    f"{name:24} {declared.cron:14} next {when:%Y-%m-%d %H:%M}  {declared.purpose}"
                )
            return
        if job is not None:
            if job not in BY_NAME:
                raise CommandError(f"Unknown job {job!r}; known: {', '.join(BY_NAME)}")
            self.stdout.write(f"Enqueued {job} as task {enqueue(job)}")
            return
        self._serve()

    def _serve(self):
        scheduler = BlockingScheduler(timezone=ZoneInfo(settings.TIME_ZONE))
        for job in JOBS:
            scheduler.add_job(
                enqueue_on_time,
                trigger(job),
                args=[job.name],
                id=job.name,
                name=job.name,
                coalesce=True,  # after a pause, one run, not one per missed slot
                max_instances=1,
                misfire_grace_time=600,
            )

        def stop(signum, frame):
            scheduler.shutdown(wait=False)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Scheduler running {len(JOBS)} jobs (Ctrl-C stops it).")
        self.stdout.flush()
        scheduler.start()
        self.stdout.write("Scheduler stopped.")
