"""Legal clocks around weekends, public holidays and make-up working days (2026 calendar:
Spring Festival off 15-23 Feb with 14 Feb worked; National Day off 1-7 Oct with 10 Oct
worked; Mid-Autumn Festival 25 Sep)."""

import datetime
import logging
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cases import deadlines, working_days
from cases.choices import CaseStatus
from casework.models import CourtReferral

from .factories import make_case, union_payload

SHANGHAI = ZoneInfo("Asia/Shanghai")
D = datetime.date


def at(day: datetime.date, hour=10):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (D(2026, 2, 12), 3, D(2026, 2, 24)),  # Fri, make-up Sat 14 Feb, then the festival
        (D(2026, 9, 30), 3, D(2026, 10, 10)),  # 8, 9 Oct, then the make-up Saturday
        (D(2026, 11, 27), 3, D(2026, 12, 2)),  # an ordinary weekend
        (D(2026, 9, 24), 1, D(2026, 9, 28)),  # Mid-Autumn Friday, then the weekend
        (D(2026, 11, 27), 10, D(2026, 12, 11)),
    ],
)
def test_working_days_follow_the_official_calendar(start, count, expected):
    assert working_days.add_working_days(start, count) == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 9, 22), 15, D(2026, 10, 8)),  # ends on 7 Oct, a holiday: next working day
        (D(2026, 11, 6), 15, D(2026, 11, 23)),  # ends on a Saturday: Monday
        (D(2026, 9, 10), 30, D(2026, 10, 10)),  # ends on the make-up Saturday: that day
        (D(2026, 11, 1), 15, D(2026, 11, 16)),  # ends on a Monday: unchanged
    ],
)
def test_calendar_day_periods_ending_on_a_day_off_move_to_the_next_working_day(
    start, days, expected
):
    assert working_days.add_days(start, days) == expected


def test_year_without_official_arrangement_uses_statutory_holidays(caplog, monkeypatch):
    import chinese_calendar

    def no_data(day):
        raise NotImplementedError("no data")

    monkeypatch.setattr(chinese_calendar, "is_workday", no_data)
    monkeypatch.setattr(working_days, "_warned_years", set())
    with caplog.at_level(logging.WARNING, logger="cases.working_days"):
        assert working_days.is_working_day(D(2027, 10, 1)) is False  # National Day
        assert working_days.is_working_day(D(2027, 5, 1)) is False  # Labor Day, a Saturday
        assert working_days.is_working_day(D(2027, 1, 4)) is True  # an ordinary Monday
        assert working_days.is_working_day(D(2027, 1, 9)) is False  # an ordinary Saturday
    assert [r.getMessage() for r in caplog.records].count(
        "No official holiday arrangement for 2027 yet; using statutory holidays"
    ) == 1


def test_case_clocks_from_arrival_acceptance_and_extension(casework_data):
    case = make_case()
    case.arrived_at = at(D(2026, 2, 12))
    case.status = CaseStatus.SUBMITTED
    deadlines.refresh(case)
    assert case.acceptance_due == D(2026, 2, 24)
    assert case.mediation_due is None
    assert case.next_due == D(2026, 2, 24)

    case.status = CaseStatus.ACCEPTED
    case.accepted_at = at(D(2026, 9, 22))
    deadlines.refresh(case)
    assert case.mediation_due == D(2026, 10, 8)
    assert case.next_due == D(2026, 10, 8)  # the acceptance clock has stopped

    case.mediation_extension_days = 5  # 22 Sep + 20 days = Mon 12 Oct
    deadlines.refresh(case)
    assert case.mediation_due == D(2026, 10, 12)

    case.status = CaseStatus.AGREEMENT
    deadlines.refresh(case)
    assert case.next_due is None


def test_setup_help_first_response_is_ten_working_days(casework_data):
    case = make_case(union_payload())
    case.arrived_at = at(D(2026, 9, 28))  # Mon; 29, 30 Sep, 8, 9, 10(Sat), 12-16 Oct
    deadlines.refresh(case)
    assert case.acceptance_due == D(2026, 10, 16)
    assert case.mediation_due is None


@pytest.mark.parametrize(
    ("kind", "procedure", "received", "expected"),
    [
        ("court_delegated", "", D(2026, 9, 10), D(2026, 10, 10)),  # 30 days
        ("court_entrusted", "ordinary", D(2026, 9, 20), D(2026, 10, 8)),  # 15 days → holiday
        ("court_entrusted", "simple", D(2026, 11, 2), D(2026, 11, 9)),  # 7 days
        ("court_entrusted", "simple", D(2026, 9, 28), D(2026, 10, 8)),  # 5 Oct → 8 Oct
    ],
)
def test_court_feedback_clock(casework_data, kind, procedure, received, expected):
    case = make_case()
    referral = CourtReferral(
        case=case,
        court=case.agency.__class__.objects.get(code="court-city"),
        court_case_number="（2026）鄂13民初1号",
        kind=kind,
        procedure=procedure,
        received_at=at(received),
    )
    deadlines.refresh(case, referral)
    assert case.feedback_due == expected
    assert case.next_due == min(expected, case.acceptance_due)


def test_clock_states_and_the_arbitration_notice(casework_data):
    case = make_case()
    today = timezone.localdate()
    case.status = CaseStatus.ACCEPTED
    for offset, state in ((-1, "overdue"), (0, "due_soon"), (3, "due_soon"), (4, "running")):
        case.mediation_due = today + datetime.timedelta(days=offset)
        mediation = next(c for c in deadlines.clocks(case) if c.name == "mediation")
        assert mediation.state == state, offset
    # Art. 14 counts from receipt, whatever the working limit from acceptance says.
    case.arrived_at = timezone.now()
    case.mediation_due = today - datetime.timedelta(days=1)
    assert not deadlines.may_apply_for_arbitration(case)
    case.arrived_at = timezone.now() - datetime.timedelta(days=40)  # past any holiday move
    case.mediation_due = today + datetime.timedelta(days=10)
    assert deadlines.arbitration_open_after(case) < today
    assert deadlines.may_apply_for_arbitration(case)
    case.status = CaseStatus.SUBMITTED  # not even accepted yet: the organization received it
    assert deadlines.may_apply_for_arbitration(case)
    case.dispute_stage = "award_issued"  # art. 14 is moot after an award
    assert deadlines.arbitration_open_after(case) and not deadlines.counts_art_14(case)
    case.dispute_stage = "pre_case"
    case.status = CaseStatus.NO_AGREEMENT
    assert deadlines.may_apply_for_arbitration(case)
    case.status = CaseStatus.AGREEMENT
    case.mediation_due = today - datetime.timedelta(days=1)
    assert not deadlines.may_apply_for_arbitration(case)
    assert next(c for c in deadlines.clocks(case) if c.name == "mediation").state == "met"


def test_new_cases_carry_their_acceptance_clock(casework_data):
    case = make_case()
    expected = working_days.add_working_days(timezone.localdate(case.arrived_at), 3)
    assert case.acceptance_due == expected == case.next_due
