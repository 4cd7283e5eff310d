"""Invisible characters are removed where text enters (home/plain_text.py): every form,
the API (validated by the same forms) and the register import."""

import pytest
from django.http import QueryDict

from cases.forms.parties import PartyForm
from home.plain_text import plain_data, plain_text

REVERSED = "张\u202e三丰"  # renders as 张丰三 without the fix


@pytest.mark.parametrize(
    "typed, kept",
    [
        (REVERSED, "张三丰"),
        ("\u2067李四\u2069", "李四"),
        ("王\u200f五\u061c", "王五"),
        ("\ufeff赵六", "赵六"),
        ("钱\x00七\x1b[31m", "钱七[31m"),
        ("第一行\r\n第二行\r第三行\t结尾", "第一行\n第二行\n第三行\t结尾"),
        ("👩‍👩‍👧 家庭", "👩‍👩‍👧 家庭"),  # joiners inside emoji are not controls
    ],
)
def test_plain_text(typed, kept):
    assert plain_text(typed) == kept


def test_form_data_is_cleaned_before_fields_see_it():
    data = QueryDict(mutable=True)
    data.setlist("name", [REVERSED])
    assert plain_data(data)["name"] == "张三丰"
    assert plain_data({"name": REVERSED, "categories": ["pay\u202e"], "n": 3}) == {
        "name": "张三丰",
        "categories": ["pay"],
        "n": 3,
    }


def test_a_party_form_stores_the_name_without_the_override():
    form = PartyForm(data={"kind": "worker", "name": REVERSED, "phone": "13800000000"})
    form.is_valid()
    assert form.cleaned_data.get("name") == "张三丰"


def test_an_api_application_stores_clean_names(demo_site, client):
    from cases.models import Case
    from tests.applications.factories import api_mediation

    payload = api_mediation()
    payload["applicant"]["name"] = REVERSED
    payload["dispute"]["facts"] = "公司\u202e拖欠工资三个月。\r\n已多次催要。"
    response = client.post("/api/v1/applications", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    case = Case.objects.get(reference=response.json()["reference"])
    assert case.applicant_name == "张三丰"
    assert "\u202e" not in str(case.answers) and "\r" not in str(case.answers)
