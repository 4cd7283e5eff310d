"""The union and committee setup-help wizards, with tailored confirmation pages."""

import pytest
from django.test import Client
from django.urls import reverse

from cases.models import Case

from .factories import COMMITTEE_STEPS, UNION_STEPS
from .wizard_client import fill, step_url, submit

pytestmark = pytest.mark.usefixtures("routing_data")


def apply(slug, steps):
    client = Client()
    fill(client, slug, steps)
    response, _key = submit(client, slug)
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_union_setup_with_25_or_more_employees_advises_a_committee():
    page = apply("union-setup", UNION_STEPS)
    case = Case.objects.get()
    assert case.application_type == "union_setup" and case.agency.code == "union_federation-suixian"
    assert case.applicant_kind == "employer" and case.applicant_name == "随州示例科技有限公司"
    assert case.answers["enterprise"]["employee_count"] == 40
    assert "会员25人以上的，应当建立工会委员会。" in page
    assert "上一级工会批准" in page and 'href="/guidance/"' in page


def test_union_setup_with_fewer_employees_offers_the_alternatives():
    steps = dict(UNION_STEPS, enterprise=dict(UNION_STEPS["enterprise"], employee_count="12"))
    page = apply("union-setup", steps)
    assert "联合建立基层工会委员会" in page and "工会组织员" in page


def test_committee_setup_explains_the_composition():
    page = apply("committee-setup", COMMITTEE_STEPS)
    case = Case.objects.get()
    assert case.agency.code == "hrss-city"  # hitech_zone falls back to city level
    assert "双方人数应当对等" in page and "企业代表由企业负责人指定" in page
    assert "建议先组建工会" not in page


def test_committee_setup_without_a_union_recommends_one():
    page = apply("committee-setup", dict(COMMITTEE_STEPS, union={"has_union": "no"}))
    assert "建议先组建工会" in page


def test_enterprise_step_validation():
    client = Client()
    response = client.post(
        step_url("union-setup", "enterprise"),
        {"name": "", "credit_code": "91110000600037341M", "region": "moon", "employee_count": "0"},
    )
    errors = response.context["form"].errors
    assert set(errors) == {"name", "credit_code", "region", "employee_count"}
    assert errors["credit_code"] == ["统一社会信用代码有误，请逐位核对。"]


def test_landing_lists_the_three_forms():
    html = Client().get(reverse("applications:landing")).content.decode()
    for slug in ("mediation", "union-setup", "committee-setup"):
        assert reverse("applications:start", args=[slug]) in html


def test_unknown_wizard_is_404():
    assert Client().get("/apply/nothing/").status_code == 404
    assert Client().get("/apply/mediation/nothing/").status_code == 404


def test_union_setup_without_the_credit_code_is_accepted():
    """Workers or a union organizer asking for help may not know the enterprise's code."""
    enterprise = {k: v for k, v in UNION_STEPS["enterprise"].items() if k != "credit_code"}
    page = apply("union-setup", dict(UNION_STEPS, enterprise=enterprise))
    case = Case.objects.get()
    assert case.application_type == "union_setup" and "会员25人以上" in page
    assert case.answers["enterprise"].get("credit_code", "") == ""


def test_committee_setup_still_needs_the_credit_code():
    client = Client()
    enterprise = {k: v for k, v in COMMITTEE_STEPS["enterprise"].items() if k != "credit_code"}
    response = client.post(step_url("committee-setup", "enterprise"), enterprise)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["credit_code"]
    assert not Case.objects.exists()


@pytest.mark.parametrize(("slug", "step"), [("mediation", "about"), ("union-setup", "enterprise")])
def test_the_region_is_never_chosen_for_the_applicant(slug, step):
    client = Client()
    if slug == "mediation":
        client.get(step_url(slug, step))
    page = client.get(step_url(slug, step)).content.decode()
    select = page[
        page.index('name="region"') : page.index("</select>", page.index('name="region"'))
    ]
    assert '<option value="" selected>请选择…</option>' in select
    assert "selected" not in select.replace('<option value="" selected>', "")
    response = client.post(step_url(slug, step), {"region": ""})
    assert response.context["form"].errors["region"] == [
        "请选择所在地区：由它决定哪个机构办理您的申请。"
    ]
