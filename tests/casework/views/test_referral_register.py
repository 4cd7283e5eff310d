"""Registering a court referral by hand in the admin: same service and idempotency as the
API, the courts a staff member may register for, refusals with nothing changed."""

import pytest

from cases.models import Case
from casework.models import CourtReferral
from tests.applications.factories import EMPLOYER_CODE, WORKER_ID
from tests.casework.factories import staff
from tests.casework.referral_factories import api, issue_token, referral_payload, snapshot

URL = "/admin/cases/referrals/register/"


def form_data(**overrides):
    data = {
        "court": "court-city",
        "court_case_number": "（2026）鄂13民诉前调300号",
        "kind": "court_delegated",
        "procedure": "",
        "received_at": "2026-03-02T09:30",
        "region": "zengdu",
        "target_organization": "",
        "applicant-kind": "worker",
        "applicant-name": "钱示例",
        "applicant-id_number": WORKER_ID,
        "applicant-phone": "13700009999",
        "respondent-kind": "employer",
        "respondent-name": "随州示例纺织有限公司",
        "respondent-credit_code": EMPLOYER_CODE,
        "dispute-categories": ["pay", "dismissal"],
        "dispute-workers_involved": "1",
        "dispute-claims": "支付经济补偿金",
        "dispute-facts": "单位违法解除劳动合同。",
    }
    data.update(overrides)
    return data


def test_the_center_desk_registers_a_delegated_case(login):
    client = login("center-city")
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "登记法院委派委托案件" in html and 'name="applicant-id_number"' in html
    response = client.post(URL, form_data())
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/cases/{case.reference}/"
    assert case.source == "court_referral" and case.agency.code == "center-city"
    assert case.dispute_stage == "award_issued"
    assert case.categories == ["pay", "dismissal"]
    referral = case.referral
    assert referral.registered_by == staff("center-city")
    assert referral.court_case_number == "（2026）鄂13民诉前调300号"
    assert case.feedback_due.isoformat() == "2026-04-01"
    assert case.events.filter(kind="note", actor=staff("center-city")).exists()


def test_entrusted_case_with_a_named_organization(login):
    client = login("center-city-head")
    response = client.post(
        URL,
        form_data(
            kind="court_entrusted",
            procedure="simple",
            target_organization="hrss-zengdu-workroom",
        ),
    )
    case = Case.objects.get()
    assert case.agency.code == "hrss-zengdu" and case.dispute_stage == "in_litigation"
    assert case.feedback_due.isoformat() == "2026-03-09"
    # A center admin sees every case, so the case page opens.
    assert response["Location"] == f"/admin/cases/{case.reference}/"


def test_registering_the_same_court_case_twice_opens_the_first_case(login):
    client = login("center-city")
    token = issue_token("court-city")
    pushed = api("post", "/referrals", token, referral_payload(number="（2026）鄂13民诉前调300号"))
    assert pushed.status_code == 201
    before = snapshot()
    # Typed by hand with half-width brackets: the same court case.
    response = client.post(URL, form_data(court_case_number="(2026)鄂13民诉前调300号"), follow=True)
    assert snapshot() == before
    reference = pushed.json()["reference"]
    assert response.redirect_chain[0][0] == f"/admin/cases/{reference}/"
    assert "未重复创建" in response.content.decode()


def test_invalid_registration_names_every_problem_and_changes_nothing(login):
    client = login("center-city")
    before = snapshot()
    response = client.post(
        URL,
        form_data(
            court_case_number=" ",
            kind="court_entrusted",
            received_at="2099-01-01T00:00",
            **{"applicant-id_number": "123", "dispute-claims": ""},
        ),
    )
    assert response.status_code == 200  # the form again, with its errors
    html = response.content.decode()
    assert 'id="error-summary"' in html
    for anchor in (
        "#id_court_case_number",
        "#id_procedure",
        "#id_received_at",
        "#id_applicant-id_number",
        "#id_dispute-claims",
    ):
        assert f'href="{anchor}"' in html, anchor
    assert "收案时间不能晚于现在。" in html
    assert snapshot() == before


def test_a_courts_staff_register_for_their_own_court_only(login):
    client = login("court-zengdu")
    html = client.get(URL).content.decode()
    assert 'value="court-zengdu"' in html and 'value="court-city"' not in html
    before = snapshot()
    refused = client.post(URL, form_data(court="court-city"))
    assert 'href="#id_court"' in refused.content.decode() and snapshot() == before
    response = client.post(URL, form_data(court="court-zengdu"), follow=True)
    case = Case.objects.get()
    # The case went to the center desk, which the court's handler cannot open.
    assert case.agency.code == "center-city"
    assert response.redirect_chain[-1][0] == URL
    assert case.reference in response.content.decode()
    assert CourtReferral.objects.get().court.code == "court-zengdu"


@pytest.mark.parametrize("username", ["hrss-zengdu", "hrss-zengdu-head", "court-city-liaison"])
def test_other_staff_may_not_register(login, username):
    client = login(username)
    before = snapshot()
    refused = client.get(URL)
    assert refused.status_code == 403 and "无权访问" in refused.content.decode()
    assert client.post(URL, form_data()).status_code == 403
    assert snapshot() == before


def test_anonymous_visitors_are_sent_to_the_login_page(client, case_staff):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
