"""The center-wide audit log: center admins only, filters, pages, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases.choices import CaseStatus
from casework.actions import ACTIONS
from casework.documents import DOCUMENTS
from casework.models import AuditEntry
from casework.services import audit
from casework.services.actions import perform
from casework.services.personal_data import REVEALABLE, reveal
from directory.models import Agency
from tests.casework.factories import make_case, staff

URL = "/admin/cases/audit/"


@pytest.fixture
def history(case_staff):
    """A reveal and an acceptance at HRSS Zengdu, a union case export, a token change."""
    hrss_case = make_case(region="zengdu")
    union_case = make_case(region="suixian", stage="pre_case")
    reveal(staff("hrss-zengdu"), hrss_case, "applicant.phone")
    perform(hrss_case, "accept", staff("hrss-zengdu-head"))
    audit.record(
        staff("union_federation-suixian"),
        AuditEntry.Action.EXPORT,
        detail="court feedback xlsx",
        agency=Agency.objects.get(code="union_federation-suixian"),
    )
    audit.record(
        None, AuditEntry.Action.TOKEN, detail="issued", agency=Agency.objects.get(code="court-city")
    )
    return {"hrss": hrss_case, "other": union_case}


def listed(response) -> list[str]:
    html = response.content.decode()
    body = html.split('id="audit-entries"', 1)[1] if 'id="audit-entries"' in html else ""
    return [part.split("</span>", 1)[0] for part in body.split('casework-tag--audit">')[1:]]


def test_center_admins_see_every_agencys_entries(login, history):
    client = login("center-city-head")
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(listed(response)) == 4  # newest first: token, export, action, reveal
    assert listed(response)[1:] == [
        str(AuditEntry.Action.EXPORT.label),
        str(AuditEntry.Action.TRANSITION.label),
        str(AuditEntry.Action.REVEAL.label),
    ]
    assert history["hrss"].reference in html
    # What was revealed, in words (never the value itself, nor the code).
    assert str(REVEALABLE["applicant.phone"]) in html
    assert "applicant.phone" not in html
    assert history["hrss"].applicant_phone not in html
    # Each entry about a case is also in the case's own history.
    assert history["hrss"].audit_entries.count() == 2


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ({"action": "reveal"}, 1),
        ({"action": "transition"}, 1),
        ({"actor": "hrss-zengdu"}, 1),  # exact user name
        ({"actor": "曾都区人社局"}, 2),  # part of the display name: handler and head
        ({"reference": "__hrss__"}, 2),
        ({"agency": "__union__"}, 1),
        ({"action": "token", "agency": "__court__"}, 1),
    ],
)
def test_filters(login, history, query, count):
    client = login("center-city-head")
    values = dict(query)
    if values.get("reference") == "__hrss__":
        values["reference"] = history["hrss"].reference.lower()  # any spelling
    if values.get("agency") == "__union__":
        values["agency"] = Agency.objects.get(code="union_federation-suixian").pk
    if values.get("agency") == "__court__":
        values["agency"] = Agency.objects.get(code="court-city").pk
    response = client.get(URL, values)
    assert len(listed(response)) == count, query
    assert f"记录数：{count}" in response.content.decode()


def test_date_range(login, history):
    client = login("center-city-head")
    today = timezone.localdate()
    AuditEntry.objects.filter(action="export").update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    only_today = client.get(URL, {"date_from": today.isoformat(), "date_to": today.isoformat()})
    assert len(listed(only_today)) == 3
    earlier = (today - datetime.timedelta(days=10)).isoformat()
    that_day = client.get(URL, {"date_from": earlier, "date_to": earlier})
    assert listed(that_day) == [str(AuditEntry.Action.EXPORT.label)]


def test_bad_filters_are_named_and_list_nothing(login, history):
    client = login("center-city-head")
    response = client.get(
        URL, {"date_from": "2026-03-05", "date_to": "2026-03-01", "reference": "ABC"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_date_to"' in html and "结束日期早于开始日期。" in html
    assert 'href="#id_reference"' in html
    assert listed(response) == []
    assert "未保存任何内容" not in html  # a filter saves nothing anyway
    bad_date = client.get(URL, {"date_from": "yesterday"}).content.decode()
    assert "请按 2026-03-02 的格式填写日期。" in bad_date


def test_pages_of_50_in_a_constant_number_of_queries(login, history):
    client = login("center-city-head")
    user = staff("hrss-zengdu")
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(actor=user, action="reveal", case=history["hrss"], detail=f"n{i}")
            for i in range(120)
        ]
    )
    with CaptureQueriesContext(connection) as first:
        page1 = client.get(URL)
    assert len(listed(page1)) == 50 and "1 / 3" in page1.content.decode()
    with CaptureQueriesContext(connection) as last:
        page3 = client.get(URL, {"p": 3})
    assert len(listed(page3)) == 124 - 100
    assert len(last.captured_queries) == len(first.captured_queries)
    assert len(first.captured_queries) <= 15  # 4 of them ours, the rest the admin chrome


@pytest.mark.parametrize(
    "username",
    ["hrss-zengdu", "hrss-zengdu-head", "court-city-head", "hrss-zengdu-liaison", "center-city"],
)
def test_everybody_else_is_refused(login, history, username):
    response = login(username).get(URL)
    assert response.status_code == 403
    assert history["hrss"].reference not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client, history):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_details_are_shown_in_words_never_as_codes(login, history):
    """Each detail our code records in a fixed English form reads as Chinese in the log."""
    case = history["hrss"]
    head = staff("hrss-zengdu-head")
    audit.record(head, AuditEntry.Action.PRINT, case=case, detail="acceptance")
    audit.record(head, AuditEntry.Action.DOWNLOAD, case=case, detail="evidence:7 合同.pdf")
    court = Agency.objects.get(code="court-city")
    audit.record(None, AuditEntry.Action.TOKEN, detail="issued ab12… (市法院)", agency=court)
    audit.record(None, AuditEntry.Action.TOKEN, detail="revoked ab12… (市法院)", agency=court)
    audit.record(
        head, AuditEntry.Action.EXPORT, detail="court feedback xlsx: 3 rows status=x", agency=court
    )
    html = login("center-city-head").get(URL).content.decode()
    accepted = (
        f"{ACTIONS['accept'].label}（{CaseStatus.SUBMITTED.label} → {CaseStatus.ACCEPTED.label}）"
    )
    for words in (
        accepted,
        str(DOCUMENTS["acceptance"].title),
        "合同.pdf",
        "签发接口令牌：ab12… (市法院)",
        "撤销接口令牌：ab12… (市法院)",
        "导出法院反馈表：3 行",
    ):
        assert words in html
    for code in ("accept:", "evidence:7", "issued ab12", "revoked ab12", "xlsx: 3", "status=x"):
        assert code not in html


def test_unknown_details_are_shown_as_recorded(login, history):
    """A detail in no known form (an older row, say) is shown as it is, never dropped."""
    audit.record(
        staff("hrss-zengdu-head"),
        AuditEntry.Action.TRANSITION,
        case=history["hrss"],
        detail="retired_action: a → b",
    )
    html = login("center-city-head").get(URL).content.decode()
    assert "retired_action: a → b" in html
