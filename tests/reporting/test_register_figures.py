"""The mediator register figures, exactly: a managing agency's registered, active and
certified mediators, 持证率, training in the period and status changes, against a count
made one mediator at a time; and the year's end in Beijing time."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from directory.models import (
    Agency,
    MediationOrganization,
    Mediator,
    MediatorStatus,
    MediatorStatusChange,
    TrainingSession,
)
from reporting import report
from reporting.filters import Filters
from reporting.periods import DateRange
from tests.casework.factories import make_case

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
MARCH = DateRange(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
TODAY = datetime.date(2026, 4, 10)


def tables(**kwargs):
    filters = Filters(range=kwargs.pop("range", MARCH), today=TODAY, **kwargs)
    return report.tables(report.build(filters))


@pytest.fixture
def register(casework_data):
    agency = Agency.objects.get(code="justice-suixian")
    organization = MediationOrganization.objects.filter(host_agency=agency).first()

    def mediator(code, status=MediatorStatus.ACTIVE, number="", valid_until=None):
        person = Mediator.objects.create(
            code=code,
            name=code,
            category="lawyer",
            agency=agency,
            status=status,
            certificate_number=number,
            certificate_issuer="随州市司法局" if number else "",
            certificate_valid_until=valid_until,
        )
        if organization:
            person.organizations.add(organization)
        return person

    valid = mediator("t-valid", number="A1", valid_until=datetime.date(2027, 1, 1))
    lasting = mediator("t-lasting", number="A2")
    expired = mediator("t-expired", number="A3", valid_until=datetime.date(2026, 3, 30))
    mediator("t-uncertified")
    suspended = mediator("t-suspended", MediatorStatus.SUSPENDED, number="A4")
    march = TrainingSession.objects.create(
        date=datetime.date(2026, 3, 20), topic="调解技巧", hours=Decimal("2.5")
    )
    march.organizers.add(agency)
    march.attendees.add(valid, expired)
    april = TrainingSession.objects.create(
        date=datetime.date(2026, 4, 2), topic="法律更新", hours=Decimal("3")
    )
    april.attendees.add(valid, lasting)
    MediatorStatusChange.objects.create(
        mediator=suspended,
        from_status=MediatorStatus.ACTIVE,
        to_status=MediatorStatus.SUSPENDED,
        changed_at=datetime.datetime(2026, 3, 31, 23, 30, tzinfo=BEIJING),
        reason="停职",
    )
    MediatorStatusChange.objects.create(
        mediator=suspended,
        from_status="",
        to_status=MediatorStatus.ACTIVE,
        changed_at=datetime.datetime(2026, 4, 1, 0, 30, tzinfo=BEIJING),
        reason="恢复",
    )
    return agency


def oracle(agency, on, range_):
    """The row counted one mediator at a time, in Python."""
    people = list(Mediator.objects.filter(agency=agency))
    active = [p for p in people if p.status == MediatorStatus.ACTIVE]
    certified = [p for p in active if p.is_certified(on)]
    attended = hours = 0
    for person in people:
        for session in person.training_sessions.all():
            if range_.start <= session.date <= range_.end:
                attended += 1
                hours += session.hours
    changes = sum(
        1
        for person in people
        for change in person.status_changes.all()
        if range_.start_at <= change.changed_at < range_.end_before
    )
    return [len(people), len(active), len(certified), attended, hours, changes]


def test_the_register_row_matches_a_count_by_hand(register):
    row = next(r for r in tables()["register"].rows if r[0] == register.short_name)
    expected = oracle(register, MARCH.end, MARCH)
    assert [row[1], row[2], row[3], row[5], row[6], row[7]] == expected
    # Of the mediators added here: 4 active, of whom valid and lasting are certified on
    # 31 March (expired's certificate ran out on the 30th); 2 March attendances, 5 hours;
    # the suspension at 23:30 on 31 March counts, the reinstatement on 1 April does not.
    base = oracle(register, MARCH.end, MARCH)
    assert base[3] >= 2 and base[4] >= Decimal("5.0") and base[5] >= 1
    rate = row[4]
    assert (rate.part, rate.whole) == (row[3], row[2])
    total = tables()["register"].rows[-1]
    everyone = [oracle(a, MARCH.end, MARCH) for a in Agency.objects.all()]
    assert total[1] == sum(o[0] for o in everyone)
    assert total[3] == sum(o[2] for o in everyone)


def test_the_register_follows_the_agency_filter_and_the_readers_scope(register):
    rows = tables(agency_ids=frozenset({register.pk}))["register"].rows
    assert [row[0] for row in rows] == [register.short_name, "合计"]
    assert rows[0][1:4] == rows[1][1:4]
    assert tables(region="zengdu")["register"].rows[0][0] != register.short_name
    by_kind = tables(agency_kind="justice")["register"].rows
    assert register.short_name in [row[0] for row in by_kind]
    assert all(Agency.objects.get(short_name=row[0]).kind == "justice" for row in by_kind[:-1])


def test_year_end_in_beijing(casework_data):
    with time_machine.travel(datetime.datetime(2026, 12, 31, 23, 30, tzinfo=BEIJING), tick=False):
        make_case()  # 15:30 UTC on 31 December: still 2026 in Beijing
    with time_machine.travel(datetime.datetime(2027, 1, 1, 0, 30, tzinfo=BEIJING), tick=False):
        make_case()  # 16:30 UTC on 31 December: already 2027 in Beijing
    today = datetime.date(2027, 1, 5)

    def received(start, end):
        filters = Filters(range=DateRange(start, end), today=today)
        return report.tables(report.build(filters))["applications"].rows[0][1]

    assert received(datetime.date(2026, 12, 1), datetime.date(2026, 12, 31)) == 1
    assert received(datetime.date(2027, 1, 1), datetime.date(2027, 1, 31)) == 1
    trends = report.tables(
        report.build(Filters(range=DateRange(datetime.date(2026, 12, 1), today), today=today))
    )["trends"].rows
    assert [row[:2] for row in trends] == [["2026-12", 1], ["2027-01", 1]]
