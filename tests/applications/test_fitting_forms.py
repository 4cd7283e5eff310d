"""Forms that fit every applicant (issue #17): case numbers by stage, a worker and an
employer on opposite sides, fields by the party's kind, organizations by region and stage."""

import json
import re

import pytest
from django.test import Client

from cases import case_numbers
from cases.forms.dispute import StageForm
from cases.forms.parties import PartyForm
from cases.models import Case
from cases.organization_choice import organizations_for

from .factories import EMPLOYER_CODE, MEDIATION_STEPS, WORKER_ID, api_mediation
from .wizard_client import fill, step_url, submit

pytestmark = pytest.mark.usefixtures("routing_data")


def post(payload):
    return Client().post("/api/v1/applications", json.dumps(payload), "application/json")


def errors(response):
    return {error["field"]: error["message"] for error in response.json()["errors"]}


# --- case numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("（2024）鄂1303民初123号", "（2024）鄂1303民初123号"),
        ("(2024)鄂13民终7号", "（2024）鄂13民终7号"),
        (" ( 2025 ) 鄂1381 民初 45 号 ", "（2025）鄂1381民初45号"),
        ("（2024）鄂13民诉前调300号", "（2024）鄂13民诉前调300号"),
    ],
)
def test_court_case_numbers_are_accepted_and_normalized(typed, normalized):
    assert case_numbers.court_case_number(typed) == normalized


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("随劳人仲案字〔2024〕12号", "随劳人仲案字〔2024〕12号"),
        ("随劳人仲案字[2024]第12号", "随劳人仲案字〔2024〕第12号"),
        ("（2023）随劳人仲字第8号", "〔2023〕随劳人仲字第8号"),
        ("曾劳人仲案字【2025】3 号", "曾劳人仲案字〔2025〕3号"),
    ],
)
def test_arbitration_case_numbers_are_accepted_and_normalized(typed, normalized):
    assert case_numbers.arbitration_case_number(typed) == normalized


@pytest.mark.parametrize(
    ("check", "typed"),
    [
        (case_numbers.court_case_number, "2024鄂1303民初123号"),  # no brackets
        (case_numbers.court_case_number, "（2024）鄂1303民初号"),  # no number
        (case_numbers.court_case_number, "（2024）鄂1303民初123"),  # no 号
        (case_numbers.court_case_number, "<script>（2024）</script>"),
        (case_numbers.court_case_number, "（1990）鄂13民初1号"),  # before the Labor Law
        (case_numbers.court_case_number, "（2099）鄂13民初1号"),  # far future
        (case_numbers.arbitration_case_number, "12号"),
        (case_numbers.arbitration_case_number, "随劳人仲案字2024第12号"),
        (case_numbers.arbitration_case_number, "abc〔2024〕12号"),
    ],
)
def test_wrong_case_numbers_are_refused(check, typed):
    with pytest.raises(case_numbers.ValidationError):
        check(typed)


def stage_form(**data):
    form = StageForm(data)
    form.is_valid()
    return form


def test_each_stage_asks_for_its_own_number():
    assert stage_form(stage="in_litigation").errors == {
        "court_case_number": ["请填写法院案号，或勾选“我还没有案号”。"]
    }
    assert stage_form(stage="arbitration_pending").errors == {
        "arbitration_case_number": ["请填写仲裁案号，或勾选“我还没有案号”。"]
    }
    assert stage_form(stage="award_issued").is_valid()  # the award's number is optional
    wrong = stage_form(stage="in_litigation", court_case_number="鄂13民初1号")
    assert "法院案号" in wrong.errors["court_case_number"][0]


def test_an_unknown_number_needs_a_reason():
    form = stage_form(stage="in_litigation", case_number_unknown="on")
    assert form.errors == {"case_number_unknown_reason": ["请说明为什么还没有案号。"]}
    form = stage_form(
        stage="in_litigation", case_number_unknown="on", case_number_unknown_reason="刚立案"
    )
    assert form.is_valid()
    assert form.cleaned_data["court_case_number"] == ""
    assert form.cleaned_data["case_number_unknown_reason"] == "刚立案"


def test_numbers_of_another_stage_are_not_kept():
    form = stage_form(
        stage="pre_case",
        arbitration_case_number="随劳人仲案字〔2024〕12号",
        court_case_number="not even valid",
        case_number_unknown="on",
        case_number_unknown_reason="x",
    )
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    assert data["arbitration_case_number"] == data["court_case_number"] == ""
    assert data["case_number_unknown"] is False and data["case_number_unknown_reason"] == ""


def test_the_wizard_keeps_a_court_number_and_shows_it_to_staff(client, run_on_commit):
    steps = dict(
        MEDIATION_STEPS,
        stage={"stage": "in_litigation", "court_case_number": "(2026)鄂1303民初88号"},
    )
    fill(client, "mediation", steps)
    submit(client, "mediation")
    case = Case.objects.get()
    assert case.answers["dispute"]["court_case_number"] == "（2026）鄂1303民初88号"
    assert case.agency.code == "court-zengdu"  # routing rule 5: the court of the region


def test_the_api_refuses_a_wrong_number_and_accepts_a_reason():
    payload = api_mediation()
    payload["dispute"].update(stage="in_litigation", court_case_number="123")
    response = post(payload)
    assert response.status_code == 422
    assert "法院案号" in errors(response)["dispute.court_case_number"]
    payload["dispute"].update(
        court_case_number=None, case_number_unknown=True, case_number_unknown_reason="刚立案"
    )
    assert post(payload).status_code == 201
    dispute = Case.objects.get().answers["dispute"]
    assert dispute["case_number_unknown"] is True
    assert dispute["case_number_unknown_reason"] == "刚立案"


# --- a worker and an employer -----------------------------------------------------------


def test_a_worker_naming_a_worker_is_refused_with_advice(client):
    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in ("about", "stage", "applicant")})
    response = client.post(
        step_url("mediation", "respondent"), {"kind": "worker", "name": "王示例"}
    )
    assert response.status_code == 200
    message = response.context["form"].errors["kind"][0]
    assert "两名劳动者之间的纠纷不是劳动争议" in message and "12348" in message
    assert "respondent" not in client.session["apply:mediation"]["data"]


def test_an_employer_naming_an_employer_is_refused():
    form = PartyForm(
        {"kind": "employer", "name": "随州示例甲公司"}, role="respondent", applicant_kind="employer"
    )
    assert not form.is_valid()
    assert "两个用人单位之间的纠纷" in form.errors["kind"][0]


def test_the_api_refuses_two_workers_and_creates_nothing():
    payload = api_mediation()
    payload["respondent"] = {"kind": "worker", "name": "王示例"}
    response = post(payload)
    assert response.status_code == 422
    assert "不是劳动争议" in errors(response)["respondent.kind"]
    assert not Case.objects.exists()


# --- fields by kind -------------------------------------------------------------------


def test_employer_fields_are_marked_and_their_values_dropped_for_a_worker(client):
    fill(client, "mediation", {k: MEDIATION_STEPS[k] for k in ("about", "stage")})
    html = client.get(step_url("mediation", "applicant")).content.decode()
    marked = re.findall(r'data-shown-when="kind:(\w+)">\s*<label[^>]*for="id_(\w+)"', html)
    assert sorted(marked) == [
        ("employer", "contact_name"),
        ("employer", "credit_code"),
        ("employer", "landline"),
        ("employer", "legal_representative"),
        ("worker", "id_number"),
    ]
    assert "js/conditional-fields" in html
    form = PartyForm(
        {
            "kind": "worker",
            "name": "张示例",
            "id_number": WORKER_ID,
            "phone": "13800000001",
            "credit_code": "not a code",  # hidden for a worker: ignored, not an error
            "contact_name": "李示例",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["credit_code"] == form.cleaned_data["contact_name"] == ""
    employer = PartyForm(
        {
            "kind": "employer",
            "name": "随州示例制造有限公司",
            "credit_code": EMPLOYER_CODE,
            "phone": "13800000001",
            "id_number": WORKER_ID,
        }
    )
    assert employer.is_valid() and employer.cleaned_data["id_number"] == ""


# --- organizations by region and stage --------------------------------------------------


def codes(region, stage):
    return set(organizations_for(region, stage).values_list("code", flat=True))


def test_organizations_are_offered_by_region_and_stage():
    pre_case = codes("suixian", "pre_case")
    assert "union-suixian-workroom" in pre_case and "hrss-city-workroom" in pre_case
    assert "hrss-guangshui-workroom" not in pre_case  # another county
    assert "center-litigation-station" not in pre_case  # arbitration comes first
    assert "arbitration-city-court" not in pre_case
    assert codes("suixian", "arbitration_pending") == {"arbitration-city-court", "center"}
    assert codes("hitech_zone", "award_issued") == {"center-litigation-station", "center"}
    # The station sits in Zengdu but serves the whole city.
    assert "center-litigation-station" in codes("guangshui", "in_litigation")
    assert "hrss-zengdu-workroom" not in codes("guangshui", "pre_case")


def test_the_wizard_offers_only_those_organizations(client):
    steps = dict(MEDIATION_STEPS, about={"relationship": "employment", "region": "guangshui"})
    fill(client, "mediation", {k: steps[k] for k in list(steps)[:5]})
    form = client.get(step_url("mediation", "organization")).context["form"]
    offered = {choice.code for choice in form.fields["preferred_organization"].queryset}
    assert offered == codes("guangshui", "pre_case")
    assert "hrss-guangshui-workroom" in offered and "hrss-zengdu-workroom" not in offered
    response = client.post(
        step_url("mediation", "organization"),
        {"preferred_organization": "hrss-zengdu-workroom", "action": "continue"},
    )
    assert response.status_code == 200
    assert "preferred_organization" in response.context["form"].errors


def test_the_stage_page_shows_each_question_only_for_its_stage(client):
    fill(client, "mediation", {"about": MEDIATION_STEPS["about"]})
    html = client.get(step_url("mediation", "stage")).content.decode()
    marked = re.findall(r'data-shown-when="stage:([\w,]+)">\s*<label[^>]*for="id_(\w+)"', html)
    assert sorted(marked) == [
        ("arbitration_pending,award_issued", "arbitration_case_number"),
        ("arbitration_pending,in_litigation", "case_number_unknown_reason"),
        ("award_issued", "award_kind"),
        ("in_litigation", "court_case_number"),
    ]
    assert 'data-shown-when="stage:arbitration_pending,in_litigation"' in html  # the tick box
    form = StageForm({"stage": "pre_case", "award_kind": "final"})
    assert form.is_valid() and form.cleaned_data["award_kind"] == ""


def test_the_check_page_lists_only_the_questions_that_applied(client):
    fill(client, "mediation", MEDIATION_STEPS)
    html = client.get("/apply/mediation/check/").content.decode()
    assert "我还没有案号" not in html and "是否为终局裁决" not in html  # pre-case
    steps = dict(
        MEDIATION_STEPS,
        stage={
            "stage": "in_litigation",
            "case_number_unknown": "on",
            "case_number_unknown_reason": "刚立案",
        },
    )
    fill(client, "mediation", {"stage": steps["stage"]})
    html = client.get("/apply/mediation/check/").content.decode()
    assert "我还没有案号" in html and "刚立案" in html
