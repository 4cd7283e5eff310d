"""Tracking answers for every status a case can reach, over the API and the web page:
each case is walked through a path of the workflow and tracked after every step (the API
used to answer 500 for anything past "submitted")."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from cases.choices import CaseStatus as S
from casework.services.actions import perform
from directory.models import Agency

from .factories import make_case, staff, union_payload

pytestmark = pytest.mark.usefixtures("casework_data")

HANDLER, HEAD = "hrss-zengdu", "hrss-zengdu-head"
TERMS = [{"text": "支付拖欠工资", "amount": "3000.00", "payment_method": "transfer"}]


def track_api(case):
    response = Client().post(
        "/api/v1/track",
        json.dumps({"reference": case.reference, "phone": case.applicant_phone}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def track_page(case):
    response = Client().post(
        "/track/", {"reference": case.reference, "phone": case.applicant_phone}
    )
    assert response.status_code == 200
    return response.content.decode()


def assert_tracked(case, status):
    case.refresh_from_db()
    assert case.status == status
    body = track_api(case)
    label = str(S(status).label)
    assert body["status"] == status and body["status_label"] == label
    assert body["reference"] == case.reference and body["timeline"]
    assert all(isinstance(entry["label"], str) for entry in body["timeline"])
    assert label in track_page(case)


def session_data():
    return {
        "starts_at": timezone.now() + datetime.timedelta(days=2),
        "place": "曾都区劳动争议调解工作室",
        "is_online": False,
    }


def own_mediator(case):
    from directory.models import Mediator

    return Mediator.objects.filter(agency=case.agency).first()


def minutes(case):
    return {"session": case.sessions.get(), "minutes": "双方陈述。"}


def answer(channel):
    return lambda case: {"given_on": timezone.localdate(), "channel": channel}


def walk(case, steps):
    assert_tracked(case, S.SUBMITTED)
    for name, user, data, status in steps:
        perform(case, name, staff(user), data(case) if callable(data) else data)
        assert_tracked(case, status)


def test_mediation_to_an_agreement_and_closed():
    walk(
        make_case(region="zengdu"),
        [
            ("accept", HANDLER, {}, S.ACCEPTED),
            ("record_consent", HANDLER, answer("phone"), S.ACCEPTED),
            ("assign", HANDLER, lambda case: {"mediator": own_mediator(case)}, S.ACCEPTED),
            ("schedule_session", HANDLER, session_data(), S.IN_MEDIATION),
            ("record_minutes", HANDLER, minutes, S.IN_MEDIATION),
            ("record_agreement", HANDLER, {"terms": TERMS, "summary": "达成协议"}, S.AGREEMENT),
            ("close", HEAD, {}, S.CLOSED),
        ],
    )


def test_transferred_then_no_agreement_and_closed():
    case = make_case(region="zengdu")
    arbitration = Agency.objects.get(code="arbitration-zengdu")
    transfer = {"agency": arbitration, "reason": "已申请仲裁"}
    walk(case, [("transfer", HANDLER, transfer, S.SUBMITTED)])
    assert track_api(case)["agency"] == arbitration.name
    walk(
        case,
        [
            ("accept", "arbitration-zengdu", {}, S.ACCEPTED),
            ("record_no_agreement", "arbitration-zengdu", {"summary": "未能达成"}, S.NO_AGREEMENT),
            ("close", "arbitration-zengdu-head", {}, S.CLOSED),
        ],
    )


def test_respondent_declines_mediation_and_the_applicant_sees_the_advice():
    case = make_case(region="zengdu")
    walk(
        case,
        [
            ("accept", HANDLER, {}, S.ACCEPTED),
            ("record_refusal", HANDLER, answer("in_person"), S.NO_AGREEMENT),
            ("close", HEAD, {}, S.CLOSED),
        ],
    )
    assert "不同意调解" in json.dumps(track_api(case), ensure_ascii=False)


def test_declined_then_closed():
    walk(
        make_case(region="zengdu"),
        [
            ("decline", HEAD, {"reason": "不属于劳动争议", "advice": "向法院起诉"}, S.REJECTED),
            ("close", HEAD, {}, S.CLOSED),
        ],
    )


def test_withdrawn():
    walk(
        make_case(region="zengdu"),
        [
            ("accept", HANDLER, {}, S.ACCEPTED),
            ("withdraw", HANDLER, {"summary": "申请人电话撤回"}, S.WITHDRAWN),
        ],
    )


def test_setup_help_from_start_to_completed_and_closed():
    case = make_case(union_payload(region="suixian"))
    code = case.agency.code
    walk(
        case,
        [
            ("accept", code, {}, S.ACCEPTED),
            ("start_work", code, {}, S.IN_PROGRESS),
            ("complete", code, {"summary": "已指导建会"}, S.COMPLETED),
            ("close", f"{code}-head", {}, S.CLOSED),
        ],
    )
