"""`manage.py generate_cases N`: realistic volumes whose figures add up."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command

from cases.models import Case, CaseEvent, SatisfactionRating
from casework.models import CaseOutcome, CourtReferral
from reporting import report
from reporting.filters import Filters
from reporting.periods import DateRange

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=True):
        yield


def test_generated_cases_are_consistent_and_counted(casework_data, django_assert_max_num_queries):
    out = io.StringIO()
    call_command("generate_cases", "300", "--days", "90", "--seed", "7", stdout=out)
    assert "Created 300 synthetic cases." in out.getvalue()
    assert Case.objects.count() == 300
    ended = CaseOutcome.objects.count()
    assert 0 < ended < 300
    assert CourtReferral.objects.exists()
    assert CaseEvent.objects.filter(kind="transferred", from_agency__isnull=False).exists()
    assert SatisfactionRating.objects.exists()
    # Outcomes match the statuses, and clocks are stored.
    for outcome in CaseOutcome.objects.select_related("case"):
        assert outcome.case.status == outcome.kind
        assert outcome.decided_at >= outcome.case.submitted_at
    assert not Case.objects.filter(acceptance_due__isnull=True).exists()
    first = Case.objects.order_by("submitted_at").first().submitted_at
    last = Case.objects.order_by("submitted_at").last().submitted_at
    assert (last - first).days >= 30  # spread over the period, not all "now"
    today = NOW.date()
    filters = Filters(range=DateRange(today.replace(year=today.year - 1), today), today=today)
    tables = report.tables(report.build(filters))
    received = tables["applications"].rows[0][1]
    assert received == 300
    usage_total = tables["usage"].rows[-1][5]
    assert usage_total == 300
    outcome_total = tables["outcomes"].rows[-1][1]
    assert outcome_total == ended


def test_bad_counts_are_refused(casework_data):
    for args in (["0"], ["2000000"], ["10", "--days", "0"]):
        with pytest.raises(CommandError):
            call_command("generate_cases", *args, stdout=io.StringIO())
    assert not Case.objects.exists()
