"""The referred-cases list and its XLSX feedback export: only the user's visible cases,
every export audit-logged."""

import io

import pytest
from openpyxl import load_workbook

from cases.choices import CaseStatus
from cases.models import Case
from casework.models import AuditEntry
from casework.services.actions import perform
from tests.casework.factories import make_case, staff
from tests.casework.referral_factories import api, issue_token, referral_payload

LIST = "/admin/cases/referrals/"
EXPORT = "/admin/cases/referrals/feedback.xlsx"


@pytest.fixture
def referrals(case_staff, after_the_referrals_arrive):
    """Two referrals of the city court (center desk; HRSS Zengdu's workroom) and one of the
    Zengdu court (center desk), plus an ordinary online case."""
    city, zengdu = issue_token("court-city"), issue_token("court-zengdu")
    made = {}
    for key, token, payload in [
        ("center", city, referral_payload(number="（2026）鄂13民诉前调1号")),
        (
            "hrss",
            city,
            referral_payload(
                number="（2026）鄂13民初2号",
                kind="court_entrusted",
                procedure="ordinary",
                target_organization="hrss-zengdu-workroom",
            ),
        ),
        (
            "zengdu",
            zengdu,
            referral_payload(court="court-zengdu", number="（2026）鄂1303民诉前调3号"),
        ),
    ]:
        response = api("post", "/referrals", token, payload)
        assert response.status_code == 201
        made[key] = Case.objects.get(reference=response.json()["reference"])
    made["online"] = make_case()
    return made


def rows(response):
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_handler_lists_and_exports_only_their_agencys_referrals(login, referrals):
    client = login("hrss-zengdu")
    html = client.get(LIST).content.decode()
    assert referrals["hrss"].reference in html
    for other in ("center", "zengdu", "online"):
        assert referrals[other].reference not in html
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    table = rows(response)
    assert table[0][:3] == ["法院", "法院案号", "委派/委托类型"]
    assert [row[5] for row in table[1:]] == [referrals["hrss"].reference]
    entry = AuditEntry.objects.get(action="export")
    assert entry.actor == staff("hrss-zengdu") and "1 rows" in entry.detail
    assert entry.agency.code == "hrss-zengdu"


def test_the_export_carries_the_outcome_and_no_phone_or_id_number(login, referrals):
    case = referrals["hrss"]
    handler = staff("hrss-zengdu")
    perform(case, "accept", handler)
    perform(case, "record_no_agreement", handler, {"summary": "双方分歧较大"})
    table = rows(login("hrss-zengdu").get(EXPORT))
    header, row = table[0], table[1]
    values = dict(zip(header, row, strict=True))
    assert values["法院案号"] == "（2026）鄂13民初2号"
    assert values["适用程序"] == "普通程序"
    assert values["调解结果"] == str(CaseStatus.NO_AGREEMENT.label)
    assert values["状态"] == str(CaseStatus.NO_AGREEMENT.label)
    assert values["结果说明"] == "双方分歧较大"
    assert values["申请人"] == "赵示例"
    flat = " ".join(str(cell) for line in table for cell in line if cell is not None)
    assert case.applicant_phone not in flat
    assert case.answers["applicant"]["id_number"] not in flat


def test_center_admins_see_every_referral_and_filter_by_court(login, referrals):
    client = login("center-city-head")
    html = client.get(LIST).content.decode()
    for key in ("center", "hrss", "zengdu"):
        assert referrals[key].reference in html
    assert referrals["online"].reference not in html
    court = referrals["zengdu"].referral.court
    filtered = client.get(LIST, {"court": court.pk}).content.decode()
    assert referrals["zengdu"].reference in filtered
    assert referrals["center"].reference not in filtered
    table = rows(client.get(EXPORT, {"court": court.pk}))
    assert [row[5] for row in table[1:]] == [referrals["zengdu"].reference]
    entries = rows(client.get(EXPORT, {"kind": "court_entrusted"}))
    assert [row[5] for row in entries[1:]] == [referrals["hrss"].reference]
    assert AuditEntry.objects.filter(action="export").count() == 2


def test_state_filter_and_bad_dates(login, referrals):
    client = login("center-city-head")
    perform(referrals["center"], "accept", staff("center-city"))
    perform(referrals["center"], "withdraw", staff("center-city"), {"summary": "申请人撤回"})
    ended = client.get(LIST, {"state": "ended"}).content.decode()
    assert referrals["center"].reference in ended and referrals["hrss"].reference not in ended
    opened = client.get(LIST, {"state": "open"}).content.decode()
    assert referrals["center"].reference not in opened and referrals["hrss"].reference in opened
    bad = client.get(LIST, {"received_from": "yesterday"}).content.decode()
    assert "请按 2026-03-02 的格式填写日期。" in bad


@pytest.mark.parametrize("username", ["court-city-liaison"])
def test_people_without_case_access_are_refused(login, referrals, username):
    client = login(username)
    assert client.get(LIST).status_code == 403
    assert client.get(EXPORT).status_code == 403
    assert not AuditEntry.objects.filter(action="export").exists()


def test_outsiders_are_refused(client, outsider, referrals):
    client.force_login(outsider)
    assert client.get(LIST).status_code == 403
    assert client.get(EXPORT).status_code == 403
