"""Idempotency-Key on POST /api/v1/applications (IETF httpapi draft): bound to the body,
24 hours long, never handing one client's case to another."""

import datetime
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from applications.models import IdempotencyKey
from cases.models import Case

from .factories import api_mediation

pytestmark = pytest.mark.usefixtures("routing_data")

BEIJING = datetime.timezone(datetime.timedelta(hours=8))
START = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=BEIJING)


def post(payload, key=None):
    headers = {"Idempotency-Key": key} if key is not None else {}
    return Client().post(
        "/api/v1/applications",
        json.dumps(payload),
        content_type="application/json",
        headers=headers,
    )


def other_applicant():
    payload = api_mediation()
    payload["applicant"]["name"] = "李示例"
    payload["applicant"]["phone"] = "13912345678"
    return payload


def test_a_retry_with_the_same_body_gets_the_first_case_back():
    first = post(api_mediation(), "retry-1")
    again = post(api_mediation(), "retry-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert Case.objects.count() == 1


def test_the_same_key_with_another_body_is_refused_and_stores_nothing():
    first = post(api_mediation(), "shared-key")
    refused = post(other_applicant(), "shared-key")
    assert refused.status_code == 422
    body = refused.json()
    assert set(body) == {"detail", "errors"} and "Idempotency-Key" in body["detail"]
    assert "已" in body["detail"]  # Chinese
    # The second client never sees the first applicant's case.
    assert first.json()["reference"] not in refused.content.decode()
    assert Case.objects.count() == 1
    assert Case.objects.get().applicant_name == api_mediation()["applicant"]["name"]


def test_keys_are_forgotten_after_24_hours():
    with time_machine.travel(START, tick=False):
        first = post(api_mediation(), "daily")
    with time_machine.travel(START + datetime.timedelta(hours=23, minutes=59), tick=False):
        assert post(other_applicant(), "daily").status_code == 422
        assert post(api_mediation(), "daily").json() == first.json()
    with time_machine.travel(START + datetime.timedelta(hours=24), tick=False):
        renewed = post(other_applicant(), "daily")
    assert renewed.status_code == 201
    assert renewed.json()["reference"] != first.json()["reference"]
    assert Case.objects.count() == 2


def test_a_retry_is_not_counted_against_the_rate_limit(settings):
    settings.APPLICATION_RATE_LIMIT = "1/h"
    assert post(api_mediation(), "limited").status_code == 201
    assert post(api_mediation(), "limited").status_code == 200
    assert post(other_applicant()).status_code == 429  # a new application is counted


@pytest.mark.parametrize("key", ["", "x" * 256, "中文键", "with space", "tab\tkey"])
def test_malformed_keys_are_refused(key):
    response = post(api_mediation(), key)
    assert response.status_code == 400
    assert response.json()["errors"] == [] and "Idempotency-Key" in response.json()["detail"]
    assert Case.objects.count() == 0


def test_expired_keys_are_deleted_by_the_scheduled_job():
    with time_machine.travel(START, tick=False):
        post(api_mediation(), "old")
    with time_machine.travel(START + datetime.timedelta(hours=20), tick=False):
        post(other_applicant(), "recent")
    with time_machine.travel(START + datetime.timedelta(hours=25), tick=False):
        out = io.StringIO()
        call_command("forget_idempotency_keys", stdout=out)
    assert "Forgot 1" in out.getvalue()
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent"]
