"""Cases made through the real intake service, and the demo staff users."""

import itertools

from django.contrib.auth import get_user_model

from cases.services import intake
from cases.services.submission import submit
from tests.applications.factories import EMPLOYER_CODE, api_mediation

_phones = itertools.count(1)


def staff(username):
    return get_user_model().objects.get(username=username)


def mediation_payload(region="zengdu", stage="pre_case", workers=1, phone=None):
    payload = api_mediation(region=region)
    payload["applicant"]["phone"] = phone or f"1380000{next(_phones):04d}"
    payload["dispute"]["stage"] = stage
    payload["dispute"]["workers_involved"] = workers
    if stage == "arbitration_pending":
        payload["dispute"]["arbitration_case_number"] = "随劳人仲案字〔2026〕1号"
    return payload


def union_payload(region="suixian"):
    return {
        "type": "union_setup",
        "region": region,
        "enterprise": {
            "name": "随州示例科技有限公司",
            "credit_code": EMPLOYER_CODE,
            "employee_count": 40,
            "union_status": "none",
            "contact_name": "李示例",
            "phone": f"1390000{next(_phones):04d}",
        },
        "consent": True,
    }


def make_case(payload=None, **kwargs):
    application = intake.parse(payload or mediation_payload(**kwargs))
    case, _created = submit(application)
    return case


def ready_for_agreement(case, actor=None):
    """What an agreement needs first (casework/actions/mediation.check_agreement_can_be_made):
    the respondent's consent, a mediator of the handling agency, a session and its minutes.
    Accepts the case if needed; leaves it in mediation."""
    import datetime

    from django.utils import timezone

    from casework.services.actions import perform
    from directory.models import Mediator

    actor = actor or staff(case.agency.code)
    if case.status == "submitted":
        perform(case, "accept", actor, {}, case.version)
    consent = {"given_on": timezone.localdate(), "channel": "phone"}
    perform(case, "record_consent", actor, consent, case.version)
    mediator = Mediator.objects.filter(agency=case.agency).first()
    perform(case, "assign", actor, {"mediator": mediator}, case.version)
    starts = timezone.now() + datetime.timedelta(hours=1)
    perform(case, "schedule_session", actor, {"starts_at": starts, "place": "调解室"}, case.version)
    session = case.sessions.latest("pk")
    perform(
        case,
        "record_minutes",
        actor,
        {"session": session, "minutes": "双方陈述意见。"},
        case.version,
    )
    return case
