"""Open-now logic in Asia/Shanghai, around midnight and on official days off."""

from datetime import datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from directory.opening_hours import day_rule, opening_state

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")


def period(weekday, opens, closes):
    return SimpleNamespace(weekday=weekday, opens=time(*opens), closes=time(*closes))


OFFICE = [period(d, (8, 30), (12, 0)) for d in range(5)] + [
    period(d, (14, 30), (17, 30)) for d in range(5)
]


def at(*args):
    return datetime(*args, tzinfo=SHANGHAI)


def test_open_during_office_hours_and_closed_at_lunch():
    # 2026-11-25 is a Wednesday.
    state = opening_state(OFFICE, True, at(2026, 11, 25, 9, 0))
    assert state.is_open and state.closes_at == at(2026, 11, 25, 12, 0)
    lunch = opening_state(OFFICE, True, at(2026, 11, 25, 12, 0))
    assert not lunch.is_open and lunch.next_opening == at(2026, 11, 25, 14, 30)


def test_now_is_taken_in_shanghai_time_whatever_the_input_zone():
    # 01:00 UTC is 09:00 in Shanghai.
    assert opening_state(OFFICE, True, datetime(2026, 11, 25, 1, 0, tzinfo=UTC)).is_open
    # 16:00 UTC on Wednesday is 00:00 Thursday in Shanghai: closed.
    assert not opening_state(OFFICE, True, datetime(2026, 11, 25, 16, 0, tzinfo=UTC)).is_open


def test_friday_evening_period_runs_past_midnight_into_saturday():
    night = OFFICE + [period(4, (20, 0), (2, 0))]  # Friday 20:00-02:00
    # 2026-11-27 is a Friday.
    assert opening_state(night, True, at(2026, 11, 27, 23, 59)).is_open
    after_midnight = opening_state(night, True, at(2026, 11, 28, 0, 30))
    assert after_midnight.is_open
    assert after_midnight.closes_at == at(2026, 11, 28, 2, 0)
    closed = opening_state(night, True, at(2026, 11, 28, 2, 0))
    assert not closed.is_open
    # Next opening: Monday 30 November, 08:30.
    assert closed.next_opening == at(2026, 11, 30, 8, 30)


def test_midnight_boundary_of_a_plain_day():
    assert not opening_state(OFFICE, True, at(2026, 11, 25, 0, 0)).is_open
    assert not opening_state(OFFICE, True, at(2026, 11, 24, 23, 59, 59)).is_open


def test_closed_on_a_public_holiday_that_falls_on_a_weekday():
    # 2026-10-01 (Thursday) is National Day.
    state = opening_state(OFFICE, True, at(2026, 10, 1, 10, 0))
    assert not state.is_open
    assert state.holiday == "国庆节"
    # The holiday runs to 7 October; the next opening is Thursday 8 October.
    assert state.next_opening == at(2026, 10, 8, 8, 30)


def test_open_on_a_make_up_working_day_with_mondays_hours():
    # 2026-10-10 is a Saturday worked in lieu of the National Day holiday.
    assert day_rule(datetime(2026, 10, 10).date(), True).makeup_workday
    assert opening_state(OFFICE, True, at(2026, 10, 10, 9, 0)).is_open
    # An ordinary Saturday stays closed.
    assert not opening_state(OFFICE, True, at(2026, 10, 17, 9, 0)).is_open


def test_an_organization_not_following_the_calendar_keeps_its_weekly_hours():
    assert opening_state(OFFICE, False, at(2026, 10, 1, 10, 0)).is_open
    assert not opening_state(OFFICE, False, at(2026, 10, 10, 9, 0)).is_open


def test_overnight_period_starting_on_a_holiday_eve_follows_the_start_day():
    night = [period(2, (20, 0), (2, 0))]  # Wednesday 20:00-02:00
    # Wednesday 30 September is a working day; the period runs into the holiday.
    assert opening_state(night, True, at(2026, 10, 1, 1, 0)).is_open
    # Wednesday 7 October is a holiday: no evening period that night.
    assert not opening_state(night, True, at(2026, 10, 7, 21, 0)).is_open


def test_years_without_official_data_fall_back_to_the_weekly_schedule():
    # 2031-01-01 is a Wednesday; the library has no data for 2031.
    assert opening_state(OFFICE, True, at(2031, 1, 1, 9, 0)).is_open


def test_no_periods_means_closed_with_no_next_opening():
    state = opening_state([], True, at(2026, 11, 25, 9, 0))
    assert not state.is_open and state.next_opening is None


@pytest.mark.django_db
def test_identical_opening_and_closing_times_are_rejected(organizations):
    from django.core.exceptions import ValidationError

    from directory.models import OpeningPeriod

    bad = OpeningPeriod(
        organization=organizations["hrss"], weekday=0, opens=time(9, 0), closes=time(9, 0)
    )
    with pytest.raises(ValidationError):
        bad.full_clean()
