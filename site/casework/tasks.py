"""Background casework jobs for the task worker (db_worker)."""

from django_tasks import task

from casework.services import digest


@task()
def send_deadline_digest() -> int:
    """Today's deadline digests (those not sent yet); returns how many were sent."""
    return len(digest.send())
