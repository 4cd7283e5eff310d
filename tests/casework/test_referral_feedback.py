"""GET /api/v1/referrals/{reference}/feedback and /referrals/feedback?since=: what the court
is told, only for its own referrals."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cases.choices import CaseStatus
from cases.models import Case
from casework.services.actions import perform
from directory.models import Mediator

from .factories import make_case, staff
from .referral_factories import api, issue_token, referral_payload, snapshot

pytestmark = pytest.mark.usefixtures("casework_data", "after_the_referrals_arrive")


@pytest.fixture
def city_token():
    return issue_token("court-city")


def push(token, **kwargs):
    response = api("post", "/referrals", token, referral_payload(**kwargs))
    assert response.status_code == 201, response.json()
    return Case.objects.get(reference=response.json()["reference"])


def test_feedback_follows_the_case_to_its_agreement(city_token):
    case = push(city_token, number="（2026）鄂13民诉前调9号")
    first = api("get", f"/referrals/{case.reference}/feedback", city_token).json()
    assert first["status"] == "submitted" and first["outcome"] is None
    assert first["agreement_terms"] == [] and first["terms_summary"] == ""
    assert first["dates"]["received"].startswith("2026-03-02T09:30:00")
    assert first["dates"]["accepted"] is None and first["mediator"] is None
    assert first["feedback_due"] == "2026-04-01"
    assert first["court_case_number"] == "（2026）鄂13民诉前调9号"

    handler = staff("center-city")
    mediator = Mediator.objects.filter(status="active").first()
    perform(case, "accept", handler)
    consent = {"given_on": timezone.localdate(), "channel": "phone"}
    perform(case, "record_consent", handler, consent)
    perform(case, "assign", handler, {"mediator": mediator})
    starts = timezone.now() + datetime.timedelta(hours=1)
    perform(case, "schedule_session", handler, {"starts_at": starts, "place": "中心调解室"})
    session = case.sessions.get()
    perform(case, "record_minutes", handler, {"session": session, "minutes": "双方陈述。"})
    perform(
        case,
        "record_agreement",
        handler,
        {
            "summary": "双方自愿达成协议",
            "terms": [
                {
                    "text": "被申请人支付申请人工资8000元",
                    "amount": Decimal("8000.00"),
                    "due_date": datetime.date(2026, 4, 15),
                    "payment_method": "bank_transfer",
                },
                {"text": "申请人放弃其他请求"},
            ],
        },
    )
    perform(case, "close", staff("center-city-head"))

    body = api("get", f"/referrals/{case.reference}/feedback", city_token).json()
    assert body["status"] == "closed"
    assert body["status_label"] == str(CaseStatus.CLOSED.label)
    assert body["outcome"]["kind"] == "agreement"
    assert body["outcome"]["summary"] == "双方自愿达成协议"
    assert body["mediator"] == mediator.name
    assert [term["text"] for term in body["agreement_terms"]] == [
        "被申请人支付申请人工资8000元",
        "申请人放弃其他请求",
    ]
    assert body["agreement_terms"][0]["amount"] == "8000.00"
    assert body["agreement_terms"][0]["due_date"] == "2026-04-15"
    assert body["terms_summary"].startswith("1. 被申请人支付申请人工资8000元（金额8,000.00元")
    assert "2. 申请人放弃其他请求" in body["terms_summary"]
    for key in ("received", "accepted", "outcome", "closed"):
        assert body["dates"][key], key
    assert body["agency"]["code"] == "center-city"


def test_another_courts_token_gets_404(city_token):
    case = push(city_token)
    other = issue_token("court-zengdu")
    before = snapshot()
    response = api("get", f"/referrals/{case.reference}/feedback", other)
    assert response.status_code == 404
    assert response.json()["detail"] == "贵院没有此编号的委派或委托案件。"
    # An ordinary online case is no court's referral either, nor is nonsense.
    online = make_case()
    for reference in (online.reference, "not-a-reference", "SZ-AAAA-AAAA-A"):
        assert api("get", f"/referrals/{reference}/feedback", city_token).status_code == 404
    assert snapshot()["referrals"] == before["referrals"]


def test_changes_since_lists_only_the_courts_changed_referrals(city_token):
    zengdu_token = issue_token("court-zengdu")
    old = push(city_token)
    Case.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=2))
    changed = push(city_token)
    push(zengdu_token, court="court-zengdu")  # another court's: never listed
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    response = api("get", f"/referrals/feedback?since={since.replace('+', '%2B')}", city_token)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert [item["reference"] for item in body["items"]] == [changed.reference]
    assert body["count"] == 1 and body["until"] >= body["since"]

    # A transition counts as a change: the old case shows up again.
    perform(old, "accept", staff("center-city"))
    body = api("get", f"/referrals/feedback?since={since.replace('+', '%2B')}", city_token).json()
    assert {item["reference"] for item in body["items"]} == {old.reference, changed.reference}
    assert next(i for i in body["items"] if i["reference"] == old.reference)["status"] == (
        "accepted"
    )
    # Naive times are Beijing time; a date alone is its midnight.
    assert api("get", "/referrals/feedback?since=2000-01-01", city_token).json()["count"] == 2
    everything = api("get", "/referrals/feedback?since=2000-01-01T08:00:00", city_token).json()
    assert everything["since"].startswith("2000-01-01T08:00:00+08:00")


def test_changes_since_needs_a_valid_time(city_token):
    for query in ("", "?since=", "?since=yesterday", "?since=2026-13-45T00:00:00"):
        response = api("get", f"/referrals/feedback{query}", city_token)
        assert response.status_code == 422, query
        assert response.json()["errors"][0]["field"] == "since"
        assert "日期和时间" in response.json()["errors"][0]["message"]


def test_feedback_queries_do_not_grow_with_the_number_of_referrals(city_token):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _index in range(2):
        push(city_token)
    with CaptureQueriesContext(connection) as few:
        api("get", "/referrals/feedback?since=2000-01-01", city_token)
    for _index in range(6):
        push(city_token)
    with CaptureQueriesContext(connection) as many:
        body = api("get", "/referrals/feedback?since=2000-01-01", city_token).json()
    assert body["count"] == 8
    assert len(many.captured_queries) == len(few.captured_queries) <= 8
