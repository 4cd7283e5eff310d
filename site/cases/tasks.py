"""Background delivery of notifications, with retries and backoff."""

import logging
import re
import smtplib
from datetime import timedelta

from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import default_task_backend, task

from cases import sms
from cases.models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 60  # 1 min, 5 min, 25 min, ~2 h between the five attempts
RETRYABLE = (smtplib.SMTPException, OSError)  # sms.TemporaryFailure is an OSError
FINAL = (Notification.Status.SENT, Notification.Status.NOT_SENT, Notification.Status.FAILED)


SECRET_PURPOSES = {Notification.Purpose.ONE_TIME_CODE}
CODE = re.compile(r"(?<!\d)\d{6}(?!\d)")


def redacted(body: str) -> str:
    """A one-time code's message as the log keeps it once handed over (or given up on):
    the code is for the applicant only, not for staff reading the notification log."""
    return CODE.sub("******", body)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF_SECONDS * 5 ** (attempts - 1))


def _send(notification: Notification) -> str:
    """Hand the message over; the status it ends in (sent, or not sent when the SMS
    backend is configured not to send)."""
    if notification.channel == Notification.Channel.EMAIL:
        EmailMessage(notification.subject, notification.body, to=[notification.recipient]).send()
        return Notification.Status.SENT
    backend = sms.get_backend()
    backend.send(notification.recipient, notification.body, notification.purpose)
    return Notification.Status.SENT if backend.delivers else Notification.Status.NOT_SENT


@task()
def deliver_notification(notification_id: int) -> str:
    """Send one message. No transaction is held while talking to the mail server, so a
    slow or dead server never blocks the writers that create cases."""
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None:
        return "missing"
    if notification.status in FINAL:
        return notification.status
    notification.attempts += 1
    try:
        outcome = _send(notification)
    except sms.PermanentFailure as error:
        notification.last_error = f"{type(error).__name__}: {error}"[:500]
        notification.status = Notification.Status.FAILED
        notification.next_attempt_at = None
        logger.error("notification %s refused by the SMS gateway", notification.pk)
    except RETRYABLE as error:
        notification.last_error = f"{type(error).__name__}: {error}"[:500]
        if notification.attempts >= MAX_ATTEMPTS:
            notification.status = Notification.Status.FAILED
            notification.next_attempt_at = None
            logger.error(
                "notification %s failed after %s attempts", notification.pk, notification.attempts
            )
        else:
            notification.status = Notification.Status.RETRYING
            notification.next_attempt_at = timezone.now() + backoff(notification.attempts)
            logger.warning(
                "notification %s will be retried: %s", notification.pk, notification.last_error
            )
    else:
        notification.status = outcome
        notification.sent_at = timezone.now() if outcome == Notification.Status.SENT else None
        notification.next_attempt_at = None
        notification.last_error = (
            "" if outcome == Notification.Status.SENT else "SMS_BACKEND does not send messages"
        )
    fields = ["status", "attempts", "last_error", "next_attempt_at", "sent_at"]
    if notification.purpose in SECRET_PURPOSES and notification.status in FINAL:
        notification.body = redacted(notification.body)
        fields.append("body")
    notification.save(update_fields=fields)
    if notification.status == Notification.Status.RETRYING:
        schedule_retry(notification)
    return notification.status


def schedule_retry(notification: Notification) -> None:
    """Defer the next attempt where the backend can (the database worker); otherwise
    `manage.py retry_notifications` picks it up when it is due."""
    if default_task_backend.supports_defer:
        deliver_notification.using(run_after=notification.next_attempt_at).enqueue(notification.pk)
