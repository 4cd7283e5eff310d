"""POST /api/v1/referrals: court-pushed cases, routed, idempotent, refused with nothing changed."""

import datetime

import pytest
from django.utils import timezone

from cases.models import Case, CaseEvent, Notification
from casework.models import CourtReferral
from casework.services import referral_tokens
from directory.models import Agency

from .referral_factories import api, issue_token, referral_payload, snapshot

pytestmark = pytest.mark.usefixtures("casework_data", "after_the_referrals_arrive")


@pytest.fixture
def token():
    return issue_token("court-city")


def test_delegated_referral_goes_to_the_center_desk_with_a_30_day_feedback_clock(token):
    response = api("post", "/referrals", token, referral_payload(number="（2026）鄂13民诉前调1号"))
    assert response.status_code == 201, response.json()
    body = response.json()
    case = Case.objects.get(reference=body["reference"])
    assert body == {
        "reference": case.reference,
        "agency": {"code": "center-city", "name": case.agency.name},
        # Received Monday 2 March 2026; 30 days later is Wednesday 1 April, a working day.
        "feedback_due": "2026-04-01",
    }
    assert case.source == "court_referral"
    assert case.dispute_stage == "award_issued"  # implied by a delegated referral
    referral = case.referral
    assert (referral.court.code, referral.kind, referral.procedure) == (
        "court-city",
        "court_delegated",
        "",
    )
    assert referral.court_case_number == "（2026）鄂13民诉前调1号"
    assert referral.registered_by is None
    assert case.feedback_due == datetime.date(2026, 4, 1) and case.next_due is not None
    assert "中心受理窗口" in case.routing_explanation and "联合办理" in case.routing_explanation
    assert case.consent_at is None  # the data came from the court, not our privacy notice
    note = CaseEvent.objects.get(case=case, kind="note")
    assert "（2026）鄂13民诉前调1号" in note.staff_note and not note.is_public
    # The center desk's liaison is told, as for any new case.
    # Recipients are encrypted at rest (ADR 0038): compared once read.
    assert "center-city-liaison@example.invalid" in {
        n.recipient for n in Notification.objects.filter(case=case)
    }


@pytest.mark.parametrize(
    ("procedure", "due"), [("ordinary", "2026-03-17"), ("simple", "2026-03-09")]
)
def test_entrusted_referral_clock_follows_the_procedure(token, procedure, due):
    payload = referral_payload(kind="court_entrusted", procedure=procedure)
    response = api("post", "/referrals", token, payload)
    assert response.status_code == 201, response.json()
    assert response.json()["feedback_due"] == due
    case = Case.objects.get()
    assert case.dispute_stage == "in_litigation"
    assert case.referral.procedure == procedure


def test_a_named_organization_routes_to_its_host_agency(token):
    payload = referral_payload(target_organization="center-litigation-station")
    response = api("post", "/referrals", token, payload)
    assert response.status_code == 201, response.json()
    assert response.json()["agency"]["code"] == "court-zengdu"
    case = Case.objects.get()
    assert case.organization.code == "center-litigation-station"
    assert case.organization.name in case.routing_explanation


def test_the_same_court_case_number_returns_the_same_case(token):
    payload = referral_payload(number="（2026）鄂13民诉前调77号")
    first = api("post", "/referrals", token, payload)
    before = snapshot()
    # Pushed again, spelled with half-width brackets and a space: still the same case.
    again = referral_payload(number="(2026)鄂13民诉前调77号 ")
    second = api("post", "/referrals", token, again)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json() == first.json()
    assert snapshot() == before


def test_another_court_may_use_the_same_number(token):
    number = "（2026）鄂1303民诉前调5号"
    assert api("post", "/referrals", token, referral_payload(number=number)).status_code == 201
    other = issue_token("court-zengdu")
    response = api(
        "post", "/referrals", other, referral_payload(court="court-zengdu", number=number)
    )
    assert response.status_code == 201
    assert CourtReferral.objects.filter(court_case_number=number).count() == 2


# Refusals: each with a Chinese message and nothing changed.


def _refused(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["detail"]), body["detail"]
    return body


def test_missing_or_unknown_token_is_401():
    issue_token("court-city")
    before = snapshot()
    for header in [None, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer szr_not-a-real-token"]:
        headers = {} if header is None else {"Authorization": header}
        for method, path in [
            ("post", "/referrals"),
            ("get", "/referrals/feedback?since=2026-01-01T00:00:00"),
            ("get", "/referrals/SZ-AAAA-AAAA-A/feedback"),
        ]:
            response = api(method, path, payload=referral_payload(), headers=headers)
            _refused(response, 401)
            assert response["WWW-Authenticate"].startswith("Bearer")
    assert snapshot() == before


def test_revoked_token_is_401(token):
    record = Agency.objects.get(code="court-city").referral_tokens.get()
    referral_tokens.revoke(record)
    before = snapshot()
    body = _refused(api("post", "/referrals", token, referral_payload()), 401)
    assert "撤销" in body["detail"]
    assert snapshot() == before


def test_another_courts_token_is_403(token):
    before = snapshot()
    body = _refused(api("post", "/referrals", token, referral_payload(court="court-zengdu")), 403)
    assert "随州市中级人民法院" in body["detail"] or "法院" in body["detail"]
    assert snapshot() == before


def test_unknown_court_is_422(token):
    before = snapshot()
    for court in ("court-nowhere", "hrss-zengdu"):  # unknown, and an agency that is not a court
        body = _refused(api("post", "/referrals", token, referral_payload(court=court)), 422)
        assert "court" in errors_of(body)
    assert snapshot() == before


def errors_of(body):
    return {error["field"]: error["message"] for error in body["errors"]}


def test_malformed_body_is_400(token):
    before = snapshot()
    for body in [b"{not json", b"", b"\xff\xfe", b"[1, 2]", b'"text"']:
        _refused(api("post", "/referrals", token, body), 400)
    assert snapshot() == before


def test_oversized_body_is_413(token, settings):
    settings.API_MAX_BODY_BYTES = 1000
    payload = referral_payload()
    payload["dispute"]["facts"] = "很" * 2000
    before = snapshot()
    _refused(api("post", "/referrals", token, payload), 413)
    assert snapshot() == before


def _future():
    return (timezone.now() + datetime.timedelta(days=1)).isoformat()


INVALID = [
    ({"kind": "court_invited"}, {"kind"}),
    ({"kind": "court_entrusted"}, {"procedure"}),  # entrusted without a procedure
    ({"kind": "court_entrusted", "procedure": "fast"}, {"procedure"}),
    ({"procedure": "simple"}, {"procedure"}),  # delegated cases have none
    ({"received_at": "next tuesday"}, {"received_at"}),
    ({"received_at": None}, {"received_at"}),
    ({"court_case_number": "   "}, {"court_case_number"}),
    ({"court_case_number": ["a"]}, {"court_case_number"}),
    ({"court_case_number": "号" * 61}, {"court_case_number"}),
    ({"target_organization": "no-such-org"}, {"target_organization"}),
    ({"region": "atlantis"}, {"region"}),
    ({"applicant": None}, {"applicant"}),
    ({"respondent": "someone"}, {"respondent"}),
    ({"dispute": {"claims": "x", "facts": "y"}}, {"dispute.categories"}),
    ({"court": None}, {"court"}),
]


def test_invalid_fields_are_422_with_every_error_named(token):
    before = snapshot()
    for changes, fields in INVALID:
        payload = referral_payload()
        for key, value in changes.items():
            if value is None:
                payload.pop(key, None)
            else:
                payload[key] = value
        body = _refused(api("post", "/referrals", token, payload), 422)
        assert fields <= set(errors_of(body)), (changes, body)
    assert snapshot() == before


def test_future_receipt_and_bad_party_are_reported_together(token):
    payload = referral_payload(received_at=_future())
    payload["applicant"]["id_number"] = "421302198503121230"  # wrong check digit
    payload["applicant"]["phone"] = "12345"
    before = snapshot()
    body = _refused(api("post", "/referrals", token, payload), 422)
    found = errors_of(body)
    assert {"received_at", "applicant.id_number", "applicant.phone"} <= set(found)
    assert found["received_at"] == "收案时间不能晚于现在。"
    assert snapshot() == before


def test_token_use_is_recorded_at_most_once_a_minute(token):
    record = Agency.objects.get(code="court-city").referral_tokens.get()
    assert record.last_used_at is None
    api("get", "/referrals/feedback?since=2026-01-01T00:00:00", token)
    record.refresh_from_db()
    first = record.last_used_at
    assert first is not None
    api("get", "/referrals/feedback?since=2026-01-01T00:00:00", token)
    record.refresh_from_db()
    assert record.last_used_at == first


def test_openapi_documents_the_referral_endpoints():
    from django.test import Client

    schema = Client().get("/api/v1/openapi.json").json()
    post = schema["paths"]["/api/v1/referrals"]["post"]
    assert post["security"] == [{"CourtToken": []}]
    assert set(post["responses"]) >= {"200", "201", "400", "401", "403", "422"}
    ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    request_schema = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert {"court_case_number", "court", "kind", "received_at"} <= set(
        request_schema["properties"]
    )
    assert "/api/v1/referrals/{reference}/feedback" in schema["paths"]
    assert "/api/v1/referrals/feedback" in schema["paths"]
    assert schema["components"]["securitySchemes"]["CourtToken"]["scheme"] == "bearer"
