"""The wizard keeps only the fields each step's form defines, one value each (a list for
multiple choices), and never lets a session grow past WIZARD_SESSION_MAX_BYTES (ADR 0040).
Sizes are measured on the session row in the database."""

import secrets

import pytest
from django.contrib.sessions.models import Session
from django.core.signing import JSONSerializer
from django.test import Client

from .factories import MEDIATION_STEPS
from .wizard_client import fill, step_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("routing_data")]

ABOUT = MEDIATION_STEPS["about"]
TOO_LONG = "您填写的内容过长，无法保存。"


def session_row_bytes(client) -> int:
    return len(Session.objects.get(session_key=client.session.session_key).session_data)


def stored(client) -> dict:
    return client.session["apply:mediation"]["data"]


def test_extra_post_keys_are_not_stored():
    client = Client()
    extra = {f"junk{number}": secrets.token_hex(50) for number in range(900)}
    response = client.post(step_url("mediation", "about"), {**ABOUT, **extra, "action": "go"})
    assert response.status_code == 302
    assert stored(client) == {"about": {"relationship": ["employment"], "region": ["zengdu"]}}
    assert session_row_bytes(client) < 2_000


def test_a_thousand_extra_keys_store_nothing():
    client = Client()
    fill(client, "mediation", {"about": ABOUT})
    before = session_row_bytes(client)
    extra = {f"junk{number}": "x" for number in range(1_000)}
    response = client.post(step_url("mediation", "stage"), {"stage": "pre_case", **extra})
    assert response.status_code == 400  # Django refuses more than 1,000 fields
    assert "stage" not in stored(client)
    assert session_row_bytes(client) == before


def test_a_4_mb_extra_field_is_not_stored():
    client = Client()
    huge = secrets.token_hex(2 * 1024 * 1024)  # 4 MB that no compression shrinks
    response = client.post(step_url("mediation", "about"), {**ABOUT, "notes": huge})
    assert response.status_code == 302
    assert session_row_bytes(client) < 2_000


def test_a_4_mb_value_in_a_defined_field_is_refused_by_the_form():
    client = Client()
    fill(client, "mediation", {"about": ABOUT})
    huge = secrets.token_hex(2 * 1024 * 1024)
    response = client.post(
        step_url("mediation", "stage"), {"stage": "pre_case", "arbitration_case_number": huge}
    )
    assert response.status_code == 200
    assert "stage" not in stored(client)
    assert session_row_bytes(client) < 2_000


def test_repeated_values_are_stored_once():
    client = Client()
    steps = dict(MEDIATION_STEPS)
    names = list(steps)
    fill(client, "mediation", {name: steps[name] for name in names[: names.index("dispute")]})
    dispute = {**steps["dispute"], "action": "continue"}
    dispute["categories"] = ["pay"] * 400
    dispute["claims"] = [dispute["claims"]] * 400
    response = client.post(step_url("mediation", "dispute"), dispute)
    assert response.status_code == 302
    assert stored(client)["dispute"]["categories"] == ["pay"]
    assert len(stored(client)["dispute"]["claims"]) == 1


def test_session_ceiling_refuses_with_a_message_and_stores_nothing_new(settings):
    client = Client()
    fill(client, "mediation", {"about": ABOUT})
    before = session_row_bytes(client)
    data_before = stored(client)
    # Room for what is there and 10 bytes more: the stage answer needs more than that.
    settings.WIZARD_SESSION_MAX_BYTES = len(JSONSerializer().dumps(dict(client.session))) + 10
    response = client.post(step_url("mediation", "stage"), {"stage": "pre_case"})
    assert response.status_code == 400
    assert TOO_LONG in response.content.decode()
    assert stored(client) == data_before
    assert session_row_bytes(client) == before
