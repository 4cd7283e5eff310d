"""Hostile and broken input on every API endpoint: a 4xx JSON error in the documented shape
`{"detail", "errors"}`, a Chinese message naming the problem, and nothing stored. Never
HTML, never 500."""

import json

import pytest
from django.test import Client

from applications.models import IdempotencyKey
from cases.models import Case
from casework.models import CourtReferral
from casework.services import referral_tokens
from directory.models import Agency
from tests.applications.factories import api_mediation
from tests.casework.referral_factories import referral_payload

pytestmark = pytest.mark.usefixtures("casework_data")

DEEP = "[" * 10_000 + "]" * 10_000
HUGE_NUMBER = "9" * 5000


@pytest.fixture
def token():
    _record, raw = referral_tokens.issue(Agency.objects.get(code="court-city"), "test")
    return raw


def stored():
    return (Case.objects.count(), CourtReferral.objects.count(), IdempotencyKey.objects.count())


def send(path, body, token=None, content_type="application/json", method="post"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    client = Client()
    if method == "get":
        return client.get(f"/api/v1{path}", headers=headers)
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(f"/api/v1{path}", data, content_type=content_type, headers=headers)


def assert_refused(response, status, field=None):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].split(";")[0] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["detail"]), body["detail"]
    if field is not None:
        assert field in {error["field"] for error in body["errors"]}, body["errors"]
    return body


ENDPOINTS = ["/applications", "/track", "/referrals"]
BROKEN_BODIES = [
    pytest.param(b"{not json", 400, id="malformed"),
    pytest.param(b"", 400, id="empty"),
    pytest.param(b"\xff\xfe{}", 400, id="not-utf8"),
    pytest.param(DEEP.encode(), 400, id="nested-10000"),
    pytest.param(b'{"a": ' + HUGE_NUMBER.encode() + b"}", 400, id="huge-integer"),
    pytest.param(b'{"a": NaN}', 400, id="nan"),
    pytest.param(b"[1, 2, 3]", 400, id="array"),
    pytest.param(b'"text"', 400, id="string"),
    pytest.param(b"null", 400, id="null"),
]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(("body", "status"), BROKEN_BODIES)
def test_broken_bodies_are_refused(path, body, status, token):
    before = stored()
    if path == "/track" and len(body) > 16 * 1024:
        status = 413  # the tracking endpoint's limit is lower still
    assert_refused(send(path, body, token), status)
    assert stored() == before


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_body_over_the_limit_is_413(path, token):
    assert_refused(send(path, b'{"a": "' + b"x" * (6 * 1024 * 1024) + b'"}', token), 413)
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_another_content_type_is_415(path, token):
    response = send(path, "reference=SZ&phone=1", token, content_type="text/plain")
    assert_refused(response, 415)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_get_where_a_post_belongs_is_405_json(path, token):
    response = send(path, None, token, method="get")
    assert_refused(response, 405)


@pytest.mark.parametrize(
    ("change", "field", "status"),
    [
        (lambda p: p.update(applicant=[]), "applicant", 422),
        (lambda p: p["applicant"].update(name={"first": "张"}), "applicant.name", 422),
        (lambda p: p["dispute"].update(categories=[{"pay": True}]), "dispute.categories", 422),
        (lambda p: p["dispute"].update(workers_involved=10**30), "dispute.workers_involved", 422),
        (
            lambda p: p["dispute"].update(employment_start="0001-01-01"),
            "dispute.employment_start",
            422,
        ),
        (lambda p: p["dispute"].update(employment_end="9999-12-31"), "dispute.employment_end", 422),
        (lambda p: p["applicant"].update(name="张\x00三"), "applicant.name", 400),
        (lambda p: p["dispute"].update(facts="事实\x1b[31m"), "dispute.facts", 400),
        (lambda p: p.update(consent="yes"), "consent", 422),
    ],
)
def test_wrong_values_at_any_level_name_the_field(change, field, status):
    payload = api_mediation()
    change(payload)
    assert_refused(send("/applications", payload), status, field)
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize("received_at", ["0001-01-01T00:00:00", "9999-12-31T23:59:59"])
def test_referral_dates_out_of_range_are_refused(received_at, token):
    assert_refused(
        send("/referrals", referral_payload(received_at=received_at), token), 422, "received_at"
    )
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize(
    ("since", "status"),
    [
        ("0001-01-01T00:00:00", 200),  # from the beginning
        ("9999-12-31T23:59:59", 200),  # nothing changed since
        ("99999-01-01T00:00:00", 422),
        ("2026-02-30T00:00:00", 422),
        ("\x00", 422),
    ],
)
def test_feedback_since_any_date(since, status, token):
    from urllib.parse import quote

    response = send(f"/referrals/feedback?since={quote(since)}", None, token, method="get")
    if status == 200:
        assert response.status_code == 200 and response.json()["count"] >= 0
    else:
        assert_refused(response, status, "since")


@pytest.mark.parametrize(
    "payload",
    [{"reference": ["SZ"], "phone": "13800000001"}, {"reference": "SZ", "phone": 13800000001}],
)
def test_track_fields_must_be_text(payload):
    assert_refused(send("/track", payload), 422)


def test_unknown_api_paths_and_methods_are_json():
    assert_refused(Client().get("/api/v1/nothing-here"), 404)
    assert_refused(Client().delete("/api/v1/track"), 405)
