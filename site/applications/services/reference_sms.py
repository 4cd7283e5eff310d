"""Send the applicant their reference again by SMS, on request from the confirmation page.

The confirmation SMS already carries it; a person who deleted it, or whose message was
lost, asks for another. At most REFERENCE_SMS_RATE_LIMIT per case (and the tracking limit
per address), so the button cannot be used to flood a phone.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from applications.services import ratelimit
from applications.services.client_address import client_ip
from cases.services import notify


def allowed(request, case) -> bool:
    return ratelimit.hit(
        "reference_sms",
        {"case": case.reference, "ip": client_ip(request)},
        settings.REFERENCE_SMS_RATE_LIMIT,
    )


def send(case):
    """Record and queue the SMS (delivered by the task worker, logged like every message)."""
    body = render_to_string(
        "emails/reference_sms.txt",
        {
            "case": case,
            "track_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("applications:track"),
            "verify_url": notify.verify_url(),
        },
    ).strip()
    with transaction.atomic():
        (sent,) = notify.record(
            [notify.message(case, "sms", "reference", case.applicant_phone, "", body)]
        )
    return sent
