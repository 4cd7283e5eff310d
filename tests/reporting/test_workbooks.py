"""The workbook of every statistics table: asked for on the page (POST), prepared by the task
worker, listed for its reader, downloadable by that reader only, refused while too many are
pending, failed when the reader lost the right to read figures, purged after 7 days."""

import datetime
import io

import openpyxl
import pytest
import time_machine
from django.test import Client, override_settings

from reporting import workbooks
from reporting.models import StatisticsWorkbook
from tests.casework.factories import staff

from .histories import NOW, build

pytestmark = pytest.mark.django_db

URL = "/admin/statistics/"
MARCH = "date_from=2026-03-01&date_to=2026-03-31"
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def histories(case_staff):
    cases = build()
    with time_machine.travel(NOW, tick=False):
        yield cases


def reader(code) -> Client:
    client = Client()
    client.force_login(staff(code))
    return client


def ask(client, query=MARCH, section="outcomes"):
    return client.post(f"{URL}workbooks/?{query}&section={section}")


def sheets(client, record) -> openpyxl.Workbook:
    response = client.get(f"{URL}workbooks/{record.pk}.xlsx")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private, no-store")
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def first_row(sheet) -> list:
    return [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]


def test_a_center_administrator_gets_every_table_of_the_filters(histories):
    client = reader("center-city-head")
    response = ask(client)
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?{MARCH}&section=outcomes#workbooks"
    record = StatisticsWorkbook.objects.get()
    assert record.status == "ready" and record.query == {
        "date_from": "2026-03-01",
        "date_to": "2026-03-31",
    }
    html = client.get(response["Location"]).content.decode()
    assert "正在准备工作簿" in html  # the message after asking
    assert f'href="{URL}workbooks/{record.pk}.xlsx"' in html
    workbook = sheets(client, record)
    assert len(workbook.sheetnames) == 15
    assert first_row(workbook["收案与受理"])[:2] == ["收到申请", 8]
    last = list(workbook["收案与受理"].iter_rows(values_only=True))[-1]
    assert "2026-03-01 – 2026-03-31" in last[0]


def test_an_agency_workbook_holds_only_its_figures_and_only_it_downloads(histories):
    receiver = histories["D"].agency  # justice-zengdu: only D, transferred in
    client = reader(receiver.code)
    ask(client)
    record = StatisticsWorkbook.objects.get()
    workbook = sheets(client, record)
    assert first_row(workbook["收案与受理"])[:2] == ["收到申请", 1]
    agencies = [row[0].value for row in workbook["调解员名册（按管理机构）"].iter_rows(min_row=2)]
    assert histories["A"].agency.short_name not in agencies
    # Another reader, even a center administrator, neither sees it listed nor downloads it.
    other = reader("center-city-head")
    assert f"workbooks/{record.pk}.xlsx" not in other.get(URL).content.decode()
    assert other.get(f"{URL}workbooks/{record.pk}.xlsx").status_code == 404
    assert other.get(f"{URL}workbooks/999999.xlsx").status_code == 404


def test_bad_requests_change_nothing(histories, outsider):
    client = reader("center-city-head")
    assert client.get(f"{URL}workbooks/?{MARCH}").status_code == 405
    response = ask(client, "date_from=2026-03-31&date_to=2026-03-01")
    assert response.status_code == 400
    assert "结束日期不能早于开始日期" in response.content.decode()
    # An unknown section is not carried back into the address.
    assert ask(client, section="secrets")["Location"] == f"{URL}?{MARCH}#workbooks"
    assert StatisticsWorkbook.objects.count() == 1
    anonymous = Client()
    assert anonymous.post(f"{URL}workbooks/?{MARCH}").status_code == 302  # to the login page
    stranger = Client()
    stranger.force_login(outsider)
    assert stranger.post(f"{URL}workbooks/?{MARCH}")["Location"] == "/admin/"
    assert StatisticsWorkbook.objects.count() == 1


@override_settings(TASKS=QUEUED_ONLY)
def test_pending_workbooks_are_listed_and_limited(histories):
    client = reader("center-city-head")
    for _n in range(workbooks.MAX_PENDING):
        ask(client)
    html = client.get(f"{URL}?{MARCH}").content.decode()
    assert html.count("正在准备</td>") + html.count("正在准备 ·") == workbooks.MAX_PENDING
    response = ask(client)
    assert StatisticsWorkbook.objects.count() == workbooks.MAX_PENDING
    assert "之前的工作簿仍在准备中" in client.get(response["Location"]).content.decode()
    pending = StatisticsWorkbook.objects.first()
    assert client.get(f"{URL}workbooks/{pending.pk}.xlsx").status_code == 404
    assert workbooks.build(pending.pk) == "ready"
    assert workbooks.build(pending.pk) == "gone"  # a second run does nothing


@override_settings(TASKS=QUEUED_ONLY)
def test_a_reader_who_lost_the_role_gets_no_workbook(histories):
    user = staff("hrss-zengdu")
    client = Client()
    client.force_login(user)
    ask(client)
    record = StatisticsWorkbook.objects.get()
    user.is_active = False
    user.save()
    assert workbooks.build(record.pk) == "failed"
    record.refresh_from_db()
    assert not record.workbook


def test_workbooks_are_purged_after_seven_days(histories):
    client = reader("center-city-head")
    ask(client)
    record = StatisticsWorkbook.objects.get()
    storage, name = record.workbook.storage, record.workbook.name
    assert storage.exists(name)
    assert workbooks.purge(NOW + datetime.timedelta(days=6)) == 0
    assert workbooks.purge(NOW + datetime.timedelta(days=7, minutes=1)) == 1
    assert not StatisticsWorkbook.objects.exists()
    assert not storage.exists(name)
