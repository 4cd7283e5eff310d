"""Anonymising cases after the retention period leaves every statistic of their period
exactly as it was (ADR 0039): the figures read facts, never names or numbers."""

import datetime

import pytest
import time_machine

from cases.models import Case
from cases.services.retention import PLACEHOLDER, anonymise_closed_cases
from casework.models import AgreementTerm, CaseOutcome, MediationSession

from .test_figures import figures, histories  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

THREE_YEARS_LATER = datetime.datetime(2029, 4, 10, 10, 0, tzinfo=datetime.UTC)


def everything():
    return {key: (table.headers, table.rows) for key, table in figures().items()}


@pytest.mark.usefixtures("histories")
def test_the_figures_of_march_2026_are_identical_after_anonymising():
    before = everything()
    with time_machine.travel(THREE_YEARS_LATER, tick=False):
        outcome = anonymise_closed_cases()
    # A, B, C, D, F, G, H ended in March 2026; E and Z are still open.
    assert outcome.cases == 7
    assert Case.objects.filter(anonymised_at__isnull=True).count() == 2
    assert everything() == before
    assert set(CaseOutcome.objects.values_list("summary", flat=True)) <= {PLACEHOLDER, ""}
    assert set(AgreementTerm.objects.values_list("text", flat=True)) == {PLACEHOLDER}
    for session in MediationSession.objects.all():
        assert session.place in (PLACEHOLDER, "") and session.minutes in (PLACEHOLDER, "")
