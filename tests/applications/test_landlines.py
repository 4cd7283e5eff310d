"""Landlines (issue "Citizen journey", item 3): employers and organizations give office
numbers with an area code; every accepted format normalizes the same, every wrong one is
refused with a clear Chinese message, on the web forms and the API alike."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cases import validators
from cases.forms.parties import PartyForm
from cases.models import Case

from .factories import api_mediation

ACCEPTED = [
    ("0722-3456789", "0722-3456789"),
    ("0722 3456789", "0722-3456789"),
    ("07223456789", "0722-3456789"),
    ("(0722)3456789", "0722-3456789"),
    ("（0722）3456789", "0722-3456789"),
    ("010-62345678", "010-62345678"),
    ("027 8765 4321", "027-87654321"),
    ("0722-3456789转123", "0722-3456789-123"),
    ("0722-3456789 ext 8", "0722-3456789-8"),
]
REFUSED = [
    ("3456789", "区号"),  # no area code
    ("0722-34567", "区号"),  # too short
    ("0722-345678901", "区号"),  # too long
    ("0722-0456789", "区号"),  # a local number never starts with 0
    ("0722-abcdefg", "数字"),  # letters
    ("电话0722", "数字"),
]


@pytest.mark.parametrize(("given", "stored"), ACCEPTED)
def test_accepted_formats_normalize_alike(given, stored):
    assert validators.landline(given) == stored
    assert validators.phone_number(given) == stored


@pytest.mark.parametrize(("given", "word"), REFUSED)
def test_wrong_landlines_are_refused_in_chinese(given, word):
    with pytest.raises(ValidationError) as refused:
        validators.landline(given)
    assert word in str(refused.value.messages[0])


def test_a_mobile_is_still_a_mobile():
    assert validators.phone_number("+86 138 0000 0001") == "13800000001"
    with pytest.raises(ValidationError, match="区号"):
        validators.phone_number("12345")


def form(role, **data):
    base = {"kind": "employer", "name": "随州示例制造有限公司"}
    return PartyForm({**base, **data}, role=role)


def test_the_respondent_may_be_reached_by_landline_or_mobile():
    landline = form("respondent", phone="0722-3456789")
    assert landline.is_valid(), landline.errors
    assert landline.cleaned_data["phone"] == "0722-3456789"
    wrong = form("respondent", phone="3456789")
    assert not wrong.is_valid() and "区号" in wrong.errors["phone"][0]


def test_an_employer_applicant_gives_a_mobile_for_sms_and_may_add_a_landline():
    data = {"credit_code": "91421300MA4F00000L", "phone": "13800000009"}
    without_mobile = form("applicant", **{**data, "phone": "", "landline": "0722-3456789"})
    assert not without_mobile.is_valid() and "phone" in without_mobile.errors
    landline_as_mobile = form("applicant", **{**data, "phone": "0722-3456789"})
    assert not landline_as_mobile.is_valid()  # the applicant's number gets the SMS


@pytest.mark.usefixtures("routing_data")
def test_the_api_takes_landlines_and_refuses_wrong_ones_without_creating_anything():
    payload = api_mediation()
    payload["respondent"]["phone"] = "(0722)3456789"
    response = Client().post(
        "/api/v1/applications", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert Case.objects.get().answers["respondent"]["phone"] == "0722-3456789"
    payload = api_mediation()
    payload["applicant"]["phone"] = "13800000002"
    payload["respondent"]["phone"] = "0722-abc"
    response = Client().post(
        "/api/v1/applications", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 422
    fields = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert any(field.endswith("phone") and "区号" in message for field, message in fields.items())
    assert Case.objects.count() == 1
