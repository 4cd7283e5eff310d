"""How long a case took, worked out once when it happens and stored with the case.

The statistics (reporting) count these facts over hundreds of thousands of cases: computing
Beijing dates and working days per case at read time costs seconds, storing them costs a
few calendar lookups per acceptance and per outcome. A case's durations never change once
its outcome is recorded (its receipt, acceptance and deadlines are fixed by then).

- **acceptance**: working days from the day the agency received the case (its arrival
  after a transfer, otherwise its submission) to the day it was accepted;
- **to the outcome**: working days from the day of submission to the outcome;
- **within the statutory 15 days** (劳动争议调解仲裁法 art. 14: 15 days from the day the
  mediation organization received the application; a last day off moves to the next
  working day), for mediations ended on the merits only;
- **within the mediation period**: by `mediation_due` (15 days from acceptance plus any
  extension the parties agreed to), the same cases;
- **court feedback on time**: the outcome recorded by the feedback date, for court-referred
  cases only (特邀调解规定 art. 27, the seed document).

Working days follow the official calendar the deadlines use (cases.working_days).
"""

import datetime
import functools

from django.utils import timezone

from cases.choices import ApplicationType, CaseStatus
from cases.deadlines import MEDIATION_DAYS
from cases.working_days import add_days, is_working_day

ON_THE_MERITS = (CaseStatus.AGREEMENT, CaseStatus.NO_AGREEMENT)


@functools.lru_cache(maxsize=4096)
def _working(day: datetime.date) -> bool:
    return is_working_day(day)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end`; 0 when end <= start."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        count += _working(day)
    return count


def _date(moment) -> datetime.date:
    return timezone.localdate(moment)


def acceptance_working_days(case) -> int | None:
    if not case.accepted_at:
        return None
    received = case.arrived_at or case.submitted_at
    return working_days_between(_date(received), _date(case.accepted_at))


def outcome_facts(case, kind: str, decided_at, *, referred: bool) -> dict:
    """The timeliness fields of a `CaseOutcome` (casework) of `case`, decided at
    `decided_at`; `referred`: the case came from a court."""
    received, ended = _date(case.submitted_at), _date(decided_at)
    facts = {
        "working_days": working_days_between(received, ended),
        "within_statutory_period": None,
        "within_mediation_period": None,
        "feedback_on_time": None,
    }
    if case.application_type == ApplicationType.MEDIATION and kind in ON_THE_MERITS:
        facts["within_statutory_period"] = ended <= add_days(received, MEDIATION_DAYS)
        facts["within_mediation_period"] = bool(case.mediation_due and ended <= case.mediation_due)
    if referred:
        facts["feedback_on_time"] = bool(case.feedback_due and ended <= case.feedback_due)
    return facts
