"""The public statistics page (数据公开) of the demo: one quarter by region, figures built
from fewer than 5 cases suppressed, no personal data, bad quarters a 404."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cases.choices import ApplicationType
from cases.models import Case
from casework.workflow import OPEN
from reporting import periods
from reporting.demo import history
from reporting.models import latest_complete_quarter
from reporting.public_figures import SUPPRESSED, quarter_figures

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime(2026, 7, 15, 10, 0, tzinfo=BEIJING)  # Q2 2026 is the latest complete


@pytest.fixture
def quarter_cases(demo_site):
    """Six mediations in Zengdu and two in Sui County received in Q2 2026; Zengdu's six
    ended (four agreements, two without), within 15 days except one."""
    from tests.casework.factories import make_case, staff
    from tests.reporting.histories import act, mediated

    Case.objects.filter(applicant_name__startswith=history.LABEL).delete()  # known cases only
    admin = staff("center-city-head")
    assert admin
    made = []
    for number in range(8):
        region = "zengdu" if number < 6 else "suixian"
        with time_machine.travel(datetime.datetime(2026, 4, 1 + number, 10, tzinfo=BEIJING)):
            made.append(make_case(region=region))
    for number, case in enumerate(made[:6]):
        act(case, "accept", datetime.datetime(2026, 4, 8 + number, 10, tzinfo=BEIJING))
        late = number == 5  # received 6 April, ended 30 April: beyond 15 days
        day = 30 if late else 10 + number
        ending = "record_agreement" if number < 4 else "record_no_agreement"
        data = {"terms": [{"text": "支付工资"}]} if number < 4 else {"summary": "未达成"}
        if number < 4:
            mediated(case, datetime.datetime(2026, 4, day, 9, tzinfo=BEIJING))
        act(case, ending, datetime.datetime(2026, 4, day, 16, tzinfo=BEIJING), data)
    with time_machine.travel(NOW, tick=False):
        yield made


def test_quarter_figures_by_region_with_small_numbers_suppressed(quarter_cases):
    rows = {row.label: row.cells for row in quarter_figures(2026, 2)}
    zengdu = rows["曾都区"]
    assert zengdu[0] == 6 and zengdu[1] == 6
    assert str(zengdu[2]) == "66.7%"  # 4 agreements of 6 ended on the merits
    assert str(zengdu[4]) == "83.3%"  # 5 of 6 within 15 days of receipt
    assert isinstance(zengdu[3], int)
    assert rows["随县"] == [SUPPRESSED] * 6  # two received, none ended, none rated
    assert rows["广水市"] == [SUPPRESSED] * 6
    assert rows["全部地区"][0] == 8


def test_the_demo_page_shows_the_latest_complete_quarter(quarter_cases):
    client = Client()
    response = client.get("/statistics/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2026年第2季度调解数据（2026-04-01 – 2026-06-30）" in html
    assert '<th scope="row">曾都区</th><td>6</td><td>6</td><td>66.7%</td>' in html
    assert '<th scope="row">随县</th><td>&lt;5</td>' in html
    assert 'href="?quarter=2025-Q3"' in html  # eight quarters to choose from
    for case in Case.objects.all():
        assert case.applicant_name not in html and case.applicant_phone not in html
    earlier = client.get("/statistics/?quarter=2026-Q1").content.decode()
    assert "2026年第1季度" in earlier and "<td>6</td>" not in earlier


@pytest.mark.parametrize("quarter", ["2026-Q3", "2026-Q5", "1999-Q1", "abc", "2026-q2"])
def test_quarters_not_offered_are_not_found(quarter_cases, quarter):
    response = Client().get(f"/statistics/?quarter={quarter}")
    assert response.status_code == 404


def test_the_demo_history_fills_the_latest_complete_quarter(demo_site):
    """After `make run` the public page has figures to show, and the history added nothing
    to the open queues."""
    year, quarter = latest_complete_quarter(timezone.localdate())
    span = periods.quarter_range(year, quarter)
    mediations = Case.objects.filter(
        application_type=ApplicationType.MEDIATION,
        submitted_at__gte=span.start_at,
        submitted_at__lt=span.end_before,
    )
    rows = {row.label: row.cells for row in quarter_figures(year, quarter)}
    assert rows["全部地区"][0] == mediations.count() >= 100
    assert isinstance(rows["曾都区"][0], int) and rows["曾都区"][0] >= 5
    assert rows["曾都区"][2] != SUPPRESSED and rows["曾都区"][4] != SUPPRESSED
    made = Case.objects.filter(applicant_name__startswith=history.LABEL)
    assert made.count() == history.COUNT
    assert not made.filter(status__in=OPEN).exists()
    assert not made.filter(
        submitted_at__gte=periods.quarter_range(*periods.quarter_of(timezone.localdate())).start_at
    ).exists()
    html = Client().get("/statistics/").content.decode()
    assert f'<th scope="row">曾都区</th><td>{rows["曾都区"][0]}</td>' in html
