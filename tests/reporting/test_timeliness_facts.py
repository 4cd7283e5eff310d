"""The timeliness facts stamped when a case is accepted and when its outcome is recorded
(cases.timeliness), for the cases of histories.py: working days by the official calendar,
the statutory 15 days from receipt (劳动争议调解仲裁法 art. 14), the mediation period as
extended, the court's feedback date; a transfer clears the acceptance; the migration that
works them out for earlier cases gives the same values."""

import importlib

import pytest
from django.apps import apps

from cases.models import Case
from casework.models import CaseOutcome

from .histories import build

pytestmark = pytest.mark.django_db

# case: (working days to acceptance, working days to the outcome, within 15 days of receipt,
#        within the mediation period, court feedback on time)
EXPECTED = {
    # Mon 2 Mar -> Tue 3 Mar; agreement Fri 13 Mar (15th day: Tue 17 Mar; due Wed 18 Mar).
    "A": (1, 9, True, True, None),
    # Accepted Wed 4 Mar; no agreement Wed 25 Mar: past 17 Mar, within 4 Mar + 25 days.
    "B": (2, 17, False, True, None),
    # Declined and withdrawn cases are not on the merits; D was transferred, never accepted.
    "C": (None, 1, None, None, None),
    "D": (None, 3, None, None, None),
    # Delegated on Mon 2 Mar, accepted the same day; agreement Fri 20 Mar (feedback by 1 Apr).
    "F": (0, 14, False, False, True),
    # Entrusted, simple procedure: feedback due Mon 9 Mar, outcome Thu 12 Mar.
    "G": (0, 8, True, True, False),
    # Setup help: durations only.
    "H": (1, 5, None, None, None),
}
FIELDS = ("working_days", "within_statutory_period", "within_mediation_period", "feedback_on_time")


def stamped(cases) -> dict:
    result = {}
    for letter, case in cases.items():
        case = Case.objects.get(pk=case.pk)
        outcome = CaseOutcome.objects.filter(case=case).first()
        facts = tuple(getattr(outcome, name) for name in FIELDS) if outcome else (None,) * 4
        result[letter] = (case.acceptance_working_days, *facts)
    return result


@pytest.fixture
def histories(casework_data):
    return build()


def test_facts_are_stamped_when_they_happen(histories):
    facts = stamped(histories)
    for letter, expected in EXPECTED.items():
        assert facts[letter] == expected, letter
    assert facts["E"] == (None, None, None, None, None)  # open, unanswered


def test_the_migration_works_out_the_same_facts_for_earlier_cases(histories):
    before = stamped(histories)
    Case.objects.update(acceptance_working_days=None)
    CaseOutcome.objects.update(**dict.fromkeys(FIELDS))
    migration = importlib.import_module("casework.migrations.0005_statistics_facts")
    migration.stamp(apps, None)
    assert stamped(histories) == before
