"""Tell the applicant what happened to their case: an SMS to the mobile number they gave,
and an email when they gave an address.

Sent for the actions that change what the applicant must know or do (accepted, declined
with the reason and advice, handed to another agency, a session's time and place, the
outcome, a withdrawal recorded, setup help started or completed; `Action.tells_applicant`
in workflow.py), recorded and queued in the action's transaction like every notification.
The text carries the reference, the news and the tracking address: no ID number, no
mobile number, nothing about the other party beyond what the applicant already knows.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.models import Notification
from cases.services import notify

PROGRESS = Notification.Purpose.PROGRESS


def headline(action_name: str) -> str:
    # One literal per message for the translation catalogue.
    return {
        "accept": _("Your application has been accepted"),
        "decline": _("Your application was not accepted"),
        "transfer": _("Your application has been passed to another agency, which will handle it"),
        "schedule_session": _("A mediation session has been arranged"),
        "record_agreement": _("A mediation agreement has been reached"),
        "record_no_agreement": _("Mediation has ended without an agreement"),
        "record_refusal": _("The other party declined mediation, so mediation has ended"),
        "withdraw": _("Your withdrawal has been recorded"),
        "start_work": _("Work on your request has started"),
        "complete": _("The guidance you asked for has been completed"),
    }[action_name]


def plan(case, action_name: str, detail: str = "") -> list[Notification]:
    """Record and queue the messages for `case` after `action_name` (inside its transaction)."""
    context = {
        "case": case,
        "headline": headline(action_name),
        "detail": " ".join(detail.split())[:300],
        "track_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("applications:track"),
        "verify_url": notify.verify_url(),
    }
    planned = []
    if case.applicant_phone:
        text = render_to_string("emails/case_progress_sms.txt", context).strip()
        planned.append(
            notify.message(case, Notification.Channel.SMS, PROGRESS, case.applicant_phone, "", text)
        )
    if case.applicant_email:
        subject = _("Your application %(reference)s: %(news)s") % {
            "reference": case.reference,
            "news": context["headline"],
        }
        body = render_to_string("emails/case_progress.txt", context)
        planned.append(
            notify.message(
                case, Notification.Channel.EMAIL, PROGRESS, case.applicant_email, subject, body
            )
        )
    return notify.record(planned)
