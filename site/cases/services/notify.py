"""The messages a new case sends: composed before its transaction, recorded and queued in
it; delivery happens in background tasks (tasks.py)."""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from cases import next_steps
from cases.models import Notification
from directory.models import AgencyMembership

logger = logging.getLogger(__name__)


def liaison_emails(agency) -> list[str]:
    """The active liaisons' addresses of an agency, sorted, each once."""
    emails = AgencyMembership.objects.filter(
        agency=agency, role=AgencyMembership.Role.LIAISON, user__is_active=True
    ).values_list("user__email", flat=True)
    return sorted({email for email in emails.order_by() if email})


def verify_url() -> str:
    """Every SMS names the page where anyone can check it really comes from us (/verify/)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("applications:verify")


def compose(case, decision) -> list[Notification]:
    """The messages a new case sends, not yet saved: reads and renders only, so it runs
    before the case's transaction (the case need not be saved; its reference is set)."""
    context = {
        "case": case,
        "decision": decision,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
        "track_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("applications:track"),
        "verify_url": verify_url(),
    }
    steps = next_steps.next_steps(case)
    context["next_steps"] = next_steps.as_text(steps)
    context["next_step_headline"] = next_steps.headline(steps)
    planned = []
    subject = _("New application %(reference)s") % {"reference": case.reference}
    body = render_to_string("emails/new_case.txt", context)
    for address in liaison_emails(decision.agency):
        planned.append(message(case, "email", "new_case", address, subject, body))
    copy_subject = _("For information: application %(reference)s") % {"reference": case.reference}
    for agency in decision.also_notify:
        copy_body = render_to_string("emails/case_copy.txt", {**context, "agency": agency})
        for address in liaison_emails(agency):
            planned.append(message(case, "email", "copy", address, copy_subject, copy_body))
    if case.applicant_email:
        planned.append(
            message(
                case,
                "email",
                "confirmation",
                case.applicant_email,
                _("We received your application %(reference)s") % {"reference": case.reference},
                render_to_string("emails/confirmation.txt", context),
            )
        )
    planned.append(
        message(
            case,
            "sms",
            "confirmation",
            case.applicant_phone,
            "",
            render_to_string("emails/confirmation_sms.txt", context).strip(),
        )
    )
    return planned


def record(planned: list[Notification]) -> list[Notification]:
    """Store composed messages inside the current transaction (after their case is saved)
    and queue their delivery with it. Every message of the site is recorded through here."""
    planned = Notification.objects.bulk_create(planned)
    queue_with_transaction(planned)
    return planned


def queue_with_transaction(notifications) -> None:
    """Queue delivery of notifications just created in the current transaction: with the
    database queue in the same transaction (all or nothing, no extra write), otherwise once
    it commits."""
    ids = [notification.pk for notification in notifications]
    if queue_is_transactional():
        queue(ids, swallow=False)
    else:
        transaction.on_commit(lambda: queue(ids))


def queue_is_transactional() -> bool:
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def message(case, channel, purpose, recipient, subject, body) -> Notification:
    """One message, not yet saved (`record` stores and queues a list of them)."""
    return Notification(
        case=case, channel=channel, purpose=purpose, recipient=recipient, subject=subject, body=body
    )


def queue(ids, swallow=True) -> None:
    """Hand the messages to the task queue. After the commit it never raises: a broken
    queue must not fail a submission already stored (the records stay `queued`, and
    `manage.py retry_notifications` sends them)."""
    from cases.tasks import deliver_notification

    for pk in ids:
        try:
            deliver_notification.enqueue(pk)
        except Exception:
            if not swallow:
                raise
            logger.exception("could not queue notification %s", pk)
