"""Tell both agencies' liaisons about a transfer (转办); delivered by the notification tasks."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.models import Notification
from cases.services import notify


def plan(case, sender, receiver, reason) -> list[Notification]:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "case": case,
        "sender": sender,
        "receiver": receiver,
        "reason": reason,
        "case_url": base + reverse("casework:case", args=[case.reference]),
    }
    planned = []
    for agency, purpose, template, subject in (
        (
            receiver,
            "transfer_in",
            "emails/case_transferred_in.txt",
            _("Case %(reference)s transferred to your agency"),
        ),
        (
            sender,
            "transfer_out",
            "emails/case_transferred_out.txt",
            _("Case %(reference)s transferred to another agency"),
        ),
    ):
        body = render_to_string(template, {**context, "agency": agency})
        for address in notify.liaison_emails(agency):
            planned.append(
                notify.message(
                    case, "email", purpose, address, subject % {"reference": case.reference}, body
                )
            )
    return notify.record(planned)
