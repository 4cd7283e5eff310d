"""Walk-in and phone applications recorded by staff: the wizard's validation, the same
submit(), source WALK_IN, the time of the oral application, the routed agency."""

import datetime
import re

import pytest
from django.utils import timezone

from cases.models import Case, Notification
from tests.applications.factories import EMPLOYER_CODE, WORKER_ID
from tests.casework.factories import staff
from tests.casework.referral_factories import snapshot

URL = "/admin/cases/walk-in/"


def form_key(client):
    html = client.get(URL).content.decode()
    return re.search(r'name="form_key" value="([0-9a-f]{32})"', html).group(1)


def form_data(key, **overrides):
    applied = timezone.localtime() - datetime.timedelta(hours=1)
    data = {
        "form_key": key,
        "channel": "phone",
        "applied_at": applied.strftime("%Y-%m-%dT%H:%M"),
        "region": "zengdu",
        "preferred_organization": "",
        "informed": "on",
        "applicant-kind": "worker",
        "applicant-name": "孙示例",
        "applicant-id_number": WORKER_ID,
        "applicant-phone": "138 0000 7777",
        "respondent-kind": "employer",
        "respondent-name": "随州示例物业有限公司",
        "respondent-credit_code": EMPLOYER_CODE,
        "dispute-stage": "pre_case",
        "dispute-categories": ["pay"],
        "dispute-workers_involved": "1",
        "dispute-claims": "支付加班费3000元",
        "dispute-facts": "2026年1月至3月每周加班未支付加班费。",
    }
    data.update(overrides)
    return data


def test_a_phone_application_opens_as_a_case_of_the_routed_agency(login):
    client = login("hrss-zengdu")
    page = client.get(URL).content.decode()
    assert "登记口头申请" in page and 'name="applied_at"' in page
    key = form_key(client)
    data = form_data(key)
    response = client.post(URL, data)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/cases/{case.reference}/"
    assert case.source == "walk_in" and case.agency.code == "hrss-zengdu"
    assert case.applicant_phone == "13800007777"
    assert case.categories == ["pay"] and case.dispute_stage == "pre_case"
    oral = case.answers["oral_application"]
    assert oral["channel"] == "phone" and oral["recorded_by"] == "hrss-zengdu"
    assert oral["applied_at"].startswith(data["applied_at"])
    note = case.events.get(kind="note")
    assert "电话申请" in note.staff_note and data["applied_at"].replace("T", " ") in note.staff_note
    assert note.actor == staff("hrss-zengdu")
    assert case.consent_at is not None
    # The applicant gets the reference by SMS; the agency's liaison is told as for any case.
    assert Notification.objects.filter(case=case, channel="sms").exists()
    # Recipients are encrypted at rest (ADR 0038): compared once read.
    assert "hrss-zengdu-liaison@example.invalid" in {
        n.recipient for n in Notification.objects.filter(case=case)
    }
    opened = client.get(response["Location"])
    assert opened.status_code == 200 and case.reference in opened.content.decode()


def test_a_form_sent_twice_records_one_case(login):
    client = login("hrss-zengdu")
    data = form_data(form_key(client))
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_an_application_routed_elsewhere_shows_its_reference_only(login):
    client = login("union_federation-zengdu")
    response = client.post(URL, form_data(form_key(client), channel="in_person"))
    case = Case.objects.get()
    assert case.agency.code == "hrss-zengdu"  # pre-case mediation in Zengdu
    assert response.status_code == 200
    html = response.content.decode()
    assert case.reference in html and case.agency.name in html
    assert "孙示例" not in html and WORKER_ID not in html
    assert "当面申请" in case.events.get(kind="note").staff_note
    assert client.get(f"/admin/cases/{case.reference}/").status_code in (302, 403, 404)


def test_a_named_organization_decides_the_agency(login):
    client = login("center-city")
    data = form_data(form_key(client), preferred_organization="union-suixian-workroom")
    response = client.post(URL, data)
    case = Case.objects.get()
    assert case.agency.code == "union_federation-suixian"
    assert response.status_code == 200  # the center's handler cannot open a union case


@pytest.mark.parametrize(
    ("changes", "anchors"),
    [
        (
            {
                "applied_at": "2099-01-01T10:00",
                "informed": "",
                "applicant-id_number": "421302198502301234",  # 30 February
            },
            ["#id_applied_at", "#id_informed", "#id_applicant-id_number"],
        ),
        (
            {"channel": "", "dispute-categories": [], "dispute-facts": "", "region": "mars"},
            ["#id_channel_0", "#id_region", "#id_dispute-categories_0", "#id_dispute-facts"],
        ),
        ({"dispute-stage": "arbitration_pending"}, ["#id_dispute-arbitration_case_number"]),
        (
            {"dispute-stage": "in_litigation", "dispute-court_case_number": "鄂13民初1号"},
            ["#id_dispute-court_case_number"],
        ),
        ({"respondent-kind": "worker"}, ["#id_respondent-kind_0"]),  # two workers
        ({"applied_at": "2020-01-01T10:00"}, ["#id_applied_at"]),
        ({"form_key": "../../etc"}, ["#id_form_key"]),
    ],
)
def test_invalid_applications_name_every_problem_and_change_nothing(login, changes, anchors):
    client = login("hrss-zengdu")
    before = snapshot()
    response = client.post(URL, form_data(form_key(client), **changes))
    assert response.status_code == 200  # the form again, with its errors
    html = response.content.decode()
    assert 'id="error-summary"' in html and "未保存任何内容。" in html
    for anchor in anchors:
        assert f'href="{anchor}"' in html, anchor
    assert snapshot() == before
    # What was typed is still there.
    assert "孙示例" in html


def test_people_who_are_not_case_staff_are_refused(login, client, outsider):
    before = snapshot()
    for user in (staff("hrss-zengdu-liaison"), outsider):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert client.post(URL, form_data("0" * 32)).status_code == 403
    assert snapshot() == before
