"""The task that runs a scheduled job (portal.schedule) in the task worker."""

import io
import logging

from django.core.management import call_command
from django_tasks import task

from portal.schedule import BY_NAME

logger = logging.getLogger(__name__)


@task()
def run_scheduled_job(name: str) -> str:
    """Run the job's management command; returns what it printed. Only declared jobs run:
    a task row naming anything else is refused."""
    job = BY_NAME.get(name)
    if job is None:
        raise ValueError(f"No scheduled job is named {name!r}.")
    output = io.StringIO()
    call_command(job.command, *job.args, stdout=output, stderr=output)
    logger.info("Scheduled job %s done: %s", name, output.getvalue().strip()[:500])
    return output.getvalue()
