"""The 调解协议书 as it would stand up (issue #17 item 4, ADR 0046): made in the name of the
mediation organization that handled the case (not the bureau), with the parties' details,
the facts, the claims, the terms, when and how they are performed, what the parties can do
next, three copies; refused while no organization can be named."""

import pytest
from django.urls import reverse

from casework.documents import _born_and_sex
from casework.services.actions import ActionRefused, perform
from directory.models import MediationOrganization

from .factories import make_case, mediation_payload, ready_for_agreement, staff
from .test_workflow import data_for, snapshot

pytestmark = pytest.mark.usefixtures("casework_data")


def agree(case):
    head = staff(case.agency.code + "-head")
    perform(case, "record_agreement", head, data_for("record_agreement", case), case.version)


def printed(client, case) -> str:
    client.force_login(staff(case.agency.code))
    response = client.get(reverse("casework:document", args=[case.reference, "agreement"]))
    assert response.status_code == 200
    return response.content.decode()


def section(html, element_id) -> str:
    return html.split(f'id="{element_id}"')[1].split("</section>")[0]


def test_the_agreement_names_the_workroom_and_says_everything_the_law_expects(client):
    case = ready_for_agreement(make_case())
    agree(case)
    html = printed(client, case)
    workroom = MediationOrganization.objects.get(code="hrss-zengdu-workroom")
    bureau = case.agency.name
    assert workroom.name in section(html, "agreement-organization")
    assert workroom.name in html.split('id="agreement-issuer">')[1].split("</p>")[0]
    assert bureau not in html  # the bureau is not the 调解组织
    assert "性别：</span>男" in html and "1985年3月12日" in html  # from the ID number
    dispute = section(html, "agreement-dispute")
    assert "拖欠三个月工资" in dispute  # the facts
    assert "支付工资" in dispute and "12000.00" in dispute  # the claims
    assert "被申请人支付工资12000元" in section(html, "agreement-terms-section")
    performance = section(html, "agreement-performance")
    assert "第1条：于2026年12月31日前履行，以银行转账方式支付12000.00元。" in performance
    assert "第2条：自本协议生效之日起履行。" in performance  # no date, nothing to pay
    next_steps = section(html, "agreement-next")
    assert "15日内" in next_steps and "仲裁审查" in next_steps and "第七十四条" in next_steps
    assert "支付令" in next_steps and "第十六条" in next_steps
    assert "第十五条" in next_steps
    assert "司法确认" not in next_steps  # a workroom, not a people's mediation committee
    assert "一式三份" in next_steps


def test_a_peoples_mediation_committee_adds_judicial_confirmation(client):
    case = make_case()
    perform(case, "transfer", staff(case.agency.code), data_for("transfer", case), case.version)
    assert case.agency.code == "justice-zengdu"
    ready_for_agreement(case)
    agree(case)
    html = printed(client, case)
    committee = MediationOrganization.objects.get(code="justice-zengdu-committee")
    assert committee.name in section(html, "agreement-organization")
    next_steps = section(html, "agreement-next")
    assert "司法确认" in next_steps and "30日内" in next_steps and "第三十三条" in next_steps


def test_the_case_organization_named_by_staff_comes_first(client):
    case = ready_for_agreement(make_case())
    chosen = MediationOrganization.objects.get(code="hrss-city-workroom")
    perform(case, "assign", staff(case.agency.code), {"organization": chosen}, case.version)
    agree(case)
    assert chosen.name in section(printed(client, case), "agreement-organization")


def test_no_agreement_while_no_mediation_organization_can_be_named():
    """The agency's own mediator belongs to no organization the agency hosts, and staff named
    none: the agreement would carry the bureau's name, so it is refused."""
    case = ready_for_agreement(make_case())
    case.mediator.organizations.clear()
    head = staff(case.agency.code + "-head")
    before = snapshot(case)
    with pytest.raises(ActionRefused, match="调解组织"):
        perform(case, "record_agreement", head, data_for("record_agreement", case), case.version)
    assert snapshot(case) == before
    workroom = MediationOrganization.objects.get(code="hrss-zengdu-workroom")
    perform(case, "assign", head, {"organization": workroom}, case.version)
    agree(case)
    assert case.status == "agreement"


@pytest.mark.parametrize("id_number", ["", "12345", "42130219851332123X", "4213021985031212AB"])
def test_no_sex_or_birth_from_a_malformed_id_number(id_number):
    assert _born_and_sex(id_number) == {}


def test_the_payment_order_is_offered_only_for_pay_and_compensation(client):
    payload = mediation_payload()
    payload["dispute"]["categories"] = ["hours"]  # working hours and rest: not art. 16
    case = ready_for_agreement(make_case(payload))
    agree(case)
    next_steps = section(printed(client, case), "agreement-next")
    assert "支付令" not in next_steps and "仲裁审查" in next_steps
