"""The A4 documents: content from the case, availability by status, isolation, audit."""

import pytest
from django.urls import reverse

from cases import deadlines
from casework.models import AuditEntry
from casework.services.actions import perform

from .factories import make_case, staff
from .test_workflow import case_in, data_for

PASSWORD = "demo-Password-123"


def url(case, kind):
    return reverse("casework:document", args=[case.reference, kind])


@pytest.fixture
def agreed(casework_data):
    case = case_in("in_mediation")
    head = staff(case.agency.code + "-head")
    perform(case, "record_agreement", head, data_for("record_agreement", case), case.version)
    return case


def test_agreement_prints_parties_numbered_terms_and_signature_areas(client, agreed):
    client.force_login(staff(agreed.agency.code))
    response = client.get(url(agreed, "agreement"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "劳动争议调解协议书" in html
    assert agreed.reference in html
    assert "张示例" in html and "随州示例制造有限公司" in html
    assert agreed.answers["applicant"]["id_number"] in html  # the legal document is complete
    assert '<li value="1">被申请人支付工资12000元' in html
    assert '<li value="2">双方无其他争议' in html
    assert "12000.00" in html and "2026-12-31" in html and "银行转账" in html
    for area in (
        "申请人（签名或盖章）",
        "被申请人（签名或盖章）",
        "调解员（签名）",
        "调解组织（印章）",
    ):
        assert area in html
    assert "casework/css/document.css" in html
    entry = AuditEntry.objects.get(case=agreed, action=AuditEntry.Action.PRINT)
    assert entry.detail == "agreement" and entry.actor == staff(agreed.agency.code)


def test_acceptance_and_decline_notices(client, casework_data):
    accepted = case_in("accepted")
    declined = case_in("rejected")
    client.force_login(staff("center-city-head"))
    html = client.get(url(accepted, "acceptance")).content.decode()
    assert "受理通知书" in html and "经审查，决定受理" in html
    # The two clocks, each labelled: the applicant's art. 14 date (from receipt) and the
    # organization's working limit (from acceptance); the dates are pinned in
    # tests/applications/test_next_steps.py.
    art_14 = deadlines.arbitration_open_after(accepted)
    assert f"到此日仍未达成调解协议的，您可以申请仲裁：{art_14.year}年{art_14.month}月" in html
    assert "《劳动争议调解仲裁法》第十四条" in html
    due = accepted.mediation_due
    assert f"调解组织工作期限至：{due.year}年{due.month}月{due.day}日" in html
    assert "自受理之日起15日，双方同意方可延长" in html
    html = client.get(url(declined, "decline")).content.decode()
    assert "不予受理通知书" in html and "不属于劳动争议" in html and "请向人民法院起诉" in html


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        ("submitted", "acceptance"),
        ("submitted", "agreement"),
        ("accepted", "decline"),
        ("no_agreement", "agreement"),
        ("accepted", "nonsense"),
    ],
)
def test_documents_not_available_for_the_status_answer_404(client, casework_data, status, kind):
    case = case_in(status)
    client.force_login(staff(case.agency.code + "-head"))
    assert client.get(url(case, kind)).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.PRINT).exists()


@pytest.mark.parametrize("username", ["union_federation-zengdu", "hrss-zengdu-liaison", None])
def test_other_agencies_liaisons_and_strangers_cannot_print(client, agreed, username):
    if username:
        client.force_login(staff(username))
    response = client.get(url(agreed, "agreement"))
    assert response.status_code in (302, 403, 404)
    assert "张示例" not in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.PRINT).exists()


def test_document_page_stays_within_query_budget(client, agreed, django_assert_max_num_queries):
    client.force_login(staff(agreed.agency.code))
    # 13: one more since ADR 0046, the mediator's organization named on the agreement.
    with django_assert_max_num_queries(13):
        assert client.get(url(agreed, "agreement")).status_code == 200


def test_setup_case_acceptance_notice(client, casework_data):
    from .factories import union_payload

    case = make_case(union_payload())
    perform(case, "accept", staff(case.agency.code), {}, case.version)
    client.force_login(staff(case.agency.code))
    html = client.get(url(case, "acceptance")).content.decode()
    assert "随州示例科技有限公司" in html
    assert "十五日" not in html  # no mediation period for setup help
