"""The statistics pages in the admin: who may read which figures, the filters' bad input,
the exports (every table, CSV and XLSX, empty ranges, formula-safe), the monthly reports."""

import csv
import io

import openpyxl
import pytest
import time_machine
from django.core.management import call_command

from cases.models import Notification
from directory.models import MediationOrganization
from reporting import report
from reporting.models import MonthlyReport

from .histories import NOW, build

pytestmark = pytest.mark.django_db

URL = "/admin/statistics/"
MARCH = "date_from=2026-03-01&date_to=2026-03-31"


@pytest.fixture
def histories(case_staff):
    cases = build()
    with time_machine.travel(NOW, tick=False):
        yield cases


def cell(html, label):
    """The number in the row headed `label` of the applications table."""
    start = html.index(f'<th scope="row">{label}</th>')
    value = html[start:].split("<td", 1)[1].split(">", 1)[1].split("<", 1)[0]
    return value


def test_a_center_administrator_reads_every_agency(login, histories):
    html = login("center-city-head").get(f"{URL}?{MARCH}").content.decode()
    assert cell(html, "收到申请") == "8"
    assert "2026-03-01 – 2026-03-31" in html
    assert "仅限本机构" not in html
    # One section at a time: the first by default, the others behind their tabs, which
    # keep the filters.
    assert '?date_from=2026-03-01&amp;date_to=2026-03-31&amp;section=applications" ' in html
    assert 'aria-current="page">收案与受理</a>' in html
    for title in ("办理结果", "办理时效", "法院委派委托", "趋势", "平台使用", "调解员名册"):
        assert f">{title}</a>" in html
    assert "<svg viewBox" not in html
    assert 'href="/admin/statistics/reports/"' in html
    trends = login("center-city-head").get(f"{URL}?{MARCH}&section=trends").content.decode()
    assert 'aria-current="page">趋势</a>' in trends
    assert '<svg viewBox="0 0 720 260" role="img"' in trends
    assert '<input type="hidden" name="section" value="trends">' in trends
    assert '<th scope="row">收到申请</th>' not in trends  # the applications table: own tab


@pytest.mark.parametrize("query", [MARCH, "date_from=2020-01-01&date_to=2020-01-31"])
def test_every_section_renders_with_and_without_cases(login, histories, query):
    client = login("center-city-head")
    for key, _title, _figures in report.SECTIONS:
        response = client.get(f"{URL}?{query}&section={key}")
        assert response.status_code == 200, key
        assert f'id="section-{key}"' in response.content.decode()


def test_an_unknown_section_gets_a_clear_message(login, histories):
    response = login("center-city-head").get(f"{URL}?{MARCH}&section=secrets")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "请从列表中选择统计栏目" in html
    assert "secrets" not in html


def test_an_agency_reads_only_its_own_figures_in_the_page_and_the_exports(login, histories):
    receiver = histories["D"].agency  # justice-zengdu: only D, transferred in
    client = login(receiver.code)
    html = client.get(f"{URL}?{MARCH}").content.decode()
    assert cell(html, "收到申请") == "1"
    assert cell(html, "转入") == "1"
    assert "仅限本机构" in html
    # Asking for another agency is refused: it is not among the choices.
    other = histories["A"].agency
    response = client.get(f"{URL}?{MARCH}&agency={other.pk}")
    assert response.status_code == 400
    assert "请从列表中选择机构" in response.content.decode()
    export = client.get(f"{URL}export/?{MARCH}&table=applications&format=csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0] == ["指标", "数量", "说明"]
    assert rows[1][:2] == ["收到申请", "1"]
    register = client.get(f"{URL}export/?{MARCH}&table=register&format=csv").content.decode()
    assert other.short_name not in register


def test_people_without_a_case_role_are_refused(client, login, outsider, histories):
    assert client.get(URL).status_code == 302  # anonymous: to the login page
    client.force_login(outsider)
    # Wagtail answers a refusal in the admin by sending the user to the dashboard.
    for path in ("", "export/?table=applications&format=csv", "reports/", "reports/2026-03.xlsx"):
        response = client.get(URL + path)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), path
    handler = login("hrss-zengdu")  # a handler: figures yes, monthly reports no
    assert handler.get(URL).status_code == 200
    assert handler.get(f"{URL}reports/").status_code == 302


@pytest.mark.parametrize(
    "query, message",
    [
        ("date_from=2026-03-31&date_to=2026-03-01", "结束日期不能早于开始日期"),
        ("date_from=1970-01-01&date_to=2026-03-01", "统计数据从2000年开始"),
        ("date_from=2001-01-01&date_to=2026-01-01", "时间范围不能超过10年"),
        ("date_from=2026-13-45", "请输入日期，例如 2026-01-31"),
        ("date_to=2099-01-01", "结束日期过远"),
        ("region=atlantis", "请从列表中选择"),
        ("period=forever", "请从列表中选择时间段"),
        ("phase=%00", "请从列表中选择"),
        ("agency=not-a-number", "请从列表中选择机构"),
    ],
)
def test_bad_filters_get_a_clear_message(login, histories, query, message):
    response = login("center-city-head").get(f"{URL}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and message in html
    assert "收到申请" not in html  # no figures for filters that were not understood


def test_export_errors(login, histories):
    client = login("center-city-head")
    response = client.get(f"{URL}export/?{MARCH}&table=applications&format=pdf")
    assert response.status_code == 400
    assert "请选择下载格式" in response.content.decode()
    assert client.get(f"{URL}export/?{MARCH}&table=nope&format=csv").status_code == 404
    # Every table at once is a workbook prepared in the background (test_workbooks.py).
    assert client.get(f"{URL}export/?{MARCH}&table=all&format=xlsx").status_code == 404
    bad = client.get(f"{URL}export/?date_from=2026-04-01&date_to=2026-03-01&table=agreement")
    assert bad.status_code == 400


def test_quick_picks_and_defaults(login, histories):
    client = login("center-city-head")
    html = client.get(URL).content.decode()  # default: this year, to today (10 April)
    assert "2026-01-01 – 2026-04-10" in html
    html = client.get(f"{URL}?period=last_month").content.decode()
    assert "2026-03-01 – 2026-03-31" in html
    assert cell(html, "收到申请") == "8"
    html = client.get(f"{URL}?period=last_quarter").content.decode()
    assert "2026-01-01 – 2026-03-31" in html
    assert cell(html, "收到申请") == "9"  # and Z, on 28 February


def test_every_table_exports_in_both_formats_even_when_empty(login, histories):
    client = login("center-city-head")
    empty = "date_from=2020-01-01&date_to=2020-01-31"
    keys = set()
    for section, _title, _figures in report.SECTIONS:
        html = client.get(f"{URL}?{empty}&section={section}").content.decode()
        keys |= {part.split("&")[0] for part in html.split("&amp;table=")[1:]}
    assert {
        "applications",
        "declines",
        "outcomes",
        "agreement",
        "timeliness",
        "referrals",
        "trends",
        "usage",
        "setup_help",
        "register",
        "organizations",
        "satisfaction",
        "satisfaction_organizations",
        "satisfaction_mediators",
        "satisfaction_months",
    } == set(keys)
    for key in keys:
        csv_response = client.get(f"{URL}export/?{empty}&table={key}&format=csv")
        assert csv_response.status_code == 200
        assert csv_response["Content-Disposition"].startswith("attachment;")
        assert "no-store" in csv_response["Cache-Control"]
        rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
        assert len(rows[0]) >= 2  # the header row
        assert rows[-1][0].startswith("统计条件：2020-01-01 – 2020-01-31")
        xlsx = client.get(f"{URL}export/?{empty}&table={key}&format=xlsx")
        assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.max_row >= 2


def test_exports_neutralise_formulas(login, histories):
    organization = MediationOrganization.objects.filter(mediators__isnull=False).first()
    organization.name = '=HYPERLINK("http://evil.invalid","x")'
    organization.save()
    client = login("center-city-head")
    response = client.get(f"{URL}export/?{MARCH}&table=organizations&format=csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"{URL}export/?{MARCH}&table=organizations&format=xlsx").content)
    )
    names = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    target = next(c for c in names if str(c.value).startswith("=HYPERLINK"))
    assert target.data_type == "s"  # text, never a formula


def test_the_monthly_report_builds_once_mails_the_center_and_downloads(login, histories):
    with time_machine.travel("2026-04-01 06:00 +0800", tick=False):
        call_command("build_monthly_report", stdout=io.StringIO())
        out = io.StringIO()
        call_command("build_monthly_report", stdout=out)
    assert "exists already" in out.getvalue()
    report = MonthlyReport.objects.get()
    assert f"{report.month:%Y-%m}" == "2026-03"
    mails = Notification.objects.filter(purpose="monthly_report")
    recipients = set(mails.values_list("recipient", flat=True))
    assert "center-city-head@example.invalid" in recipients
    assert not any(r.startswith("hrss-") for r in recipients)
    assert mails.count() == len(recipients)  # once each, even after a second run
    assert "2026-03月度统计报告" in mails.first().subject
    client = login("center-city-head")
    listing = client.get(f"{URL}reports/").content.decode()
    assert 'href="/admin/statistics/reports/2026-03.xlsx"' in listing
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(f"{URL}reports/2026-03.xlsx").streaming_content))
    )
    sheet = workbook["收案与受理"]
    assert [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))][:2] == ["收到申请", 8]
    summary = client.get(f"{URL}reports/2026-03.html").content.decode()
    assert "<h1>2026-03月度统计报告</h1>" in summary
    assert client.get(f"{URL}reports/2026-02.xlsx").status_code == 404
    assert client.get(f"{URL}reports/2026-03.pdf").status_code == 404
    assert client.get(f"{URL}reports/2026-13.xlsx").status_code == 404


def test_the_monthly_report_is_a_scheduled_job():
    from portal.schedule import BY_NAME

    job = BY_NAME["monthly_report"]
    assert job.command == "build_monthly_report"
    assert job.cron == "0 6 1 * *"
    with pytest.raises(Exception, match="2026-11"):
        call_command("build_monthly_report", month="November")
