"""The database's Beijing dates agree with Django's at the edges of a day, a month and a
year (stored in UTC: 23:59 in Beijing is 15:59 UTC the same day; 00:00 is 16:00 UTC the
day before)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from cases.models import Case
from reporting.beijing_dates import BeijingDate, BeijingMonth
from tests.casework.factories import make_case

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
MOMENTS = [
    datetime.datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=BEIJING),
    datetime.datetime(2027, 1, 1, 0, 0, tzinfo=BEIJING),
    datetime.datetime(2026, 3, 31, 23, 30, tzinfo=BEIJING),
    datetime.datetime(2026, 4, 1, 7, 59, tzinfo=BEIJING),
    datetime.datetime(2026, 4, 1, 8, 0, tzinfo=BEIJING),
]


def test_dates_and_months_match_django_at_the_edges(casework_data):
    for moment in MOMENTS:
        with time_machine.travel(moment, tick=False):
            make_case()
    rows = Case.objects.annotate(
        day=BeijingDate("submitted_at"), month=BeijingMonth("submitted_at")
    ).values_list("submitted_at", "day", "month")
    assert len(rows) == len(MOMENTS)
    for submitted_at, day, month in rows:
        expected = timezone.localdate(submitted_at, BEIJING)
        assert day == expected, submitted_at
        assert month == expected.replace(day=1), submitted_at
