"""Answers never sent live FORM_DATA_HOURS from the form's start (ADR 0039): dropped when
read after that, and an anonymous visitor's session ends then, so the nightly
`clearsessions` deletes it."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client

from .factories import MEDIATION_STEPS
from .wizard_client import fill, step_url

pytestmark = pytest.mark.usefixtures("routing_data")

STARTED = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
FIRST_STEPS = {name: MEDIATION_STEPS[name] for name in list(MEDIATION_STEPS)[:3]}


def started_form():
    client = Client()
    with time_machine.travel(STARTED, tick=False):
        fill(client, "mediation", FIRST_STEPS)
    return client


def answers_shown(client, hours):
    with time_machine.travel(STARTED + datetime.timedelta(hours=hours), tick=False):
        response = client.get(step_url("mediation", "applicant"))
    return response.status_code == 200 and "张示例" in response.content.decode()


def test_answers_younger_than_24_hours_are_kept():
    client = started_form()
    assert answers_shown(client, 23)


def test_answers_older_than_24_hours_are_gone():
    client = started_form()
    with time_machine.travel(STARTED + datetime.timedelta(hours=24, minutes=1), tick=False):
        response = client.get(step_url("mediation", "applicant"))
    # The earlier steps are unanswered again: back to the first.
    assert response.status_code == 302
    assert response["Location"] == step_url("mediation", "about")


def test_going_on_does_not_extend_the_24_hours():
    client = started_form()
    with time_machine.travel(STARTED + datetime.timedelta(hours=20), tick=False):
        fill(client, "mediation", {"applicant": MEDIATION_STEPS["applicant"]})
    assert not answers_shown(client, 24.1)


def test_the_anonymous_session_is_deleted_by_the_nightly_job():
    started_form()
    session = Session.objects.get()
    assert session.expire_date == STARTED + datetime.timedelta(hours=24)
    with time_machine.travel(STARTED + datetime.timedelta(hours=23), tick=False):
        call_command("clearsessions", stdout=io.StringIO())
    assert Session.objects.count() == 1
    with time_machine.travel(STARTED + datetime.timedelta(hours=24, minutes=1), tick=False):
        call_command("clearsessions", stdout=io.StringIO())
    assert not Session.objects.exists()
