"""The limitation period for applying for labor arbitration (仲裁时效), as the law counts it.

- One year from the day the party knew or should have known its rights were infringed
  (劳动争议调解仲裁法 art. 27 para. 1).
- Interrupted by a claim to the other party, a request to an authority for help, or the
  other party agreeing to perform: the year runs again from the interruption (art. 27
  para. 2). An interruption after the year has run out revives nothing.
- Pay owed while employed: no limit runs during the employment relationship; when it ends,
  the claim must be made within one year of the end (art. 27 para. 4).
- Counting (民法典 art. 201-203): the start day is not counted; a period in years ends on
  the corresponding day of the last year (29 February → the last day of February); a last
  day that is a rest day or public holiday moves to the first working day after it, by the
  official calendar the case clocks use (cases.working_days).
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cases.choices import DisputeCategory
from cases.working_days import is_working_day

WARN_DAYS = 30
EARLIEST = datetime.date(1990, 1, 1)


@dataclass(frozen=True)
class TimeLimit:
    deadline: datetime.date | None
    basis: str
    explanation: str
    days_left: int | None = None

    @property
    def state(self) -> str:
        """'running', 'soon' (under 30 days), 'passed' or 'not_running'."""
        if self.deadline is None:
            return "not_running"
        if self.days_left < 0:
            return "passed"
        if self.days_left < WARN_DAYS:
            return "soon"
        return "running"


def one_year_after(day: datetime.date) -> datetime.date:
    """The corresponding day a year later (民法典 art. 202), before any rest-day move."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February: the month has no corresponding day, its last day ends it
        return day.replace(year=day.year + 1, day=28)


def last_day(start: datetime.date) -> tuple[datetime.date, datetime.date]:
    """(the day the year ends, the day it ends after a rest-day move: 民法典 art. 203)."""
    end = one_year_after(start)
    moved = end
    while not is_working_day(moved):
        moved += datetime.timedelta(days=1)
    return end, moved


def _fmt(day: datetime.date) -> str:
    return day.strftime("%Y-%m-%d")


def _moved_note(end, moved) -> str:
    if moved == end:
        return ""
    return _(
        " %(end)s is a rest day or public holiday, so the period ends on the first working "
        "day after it, %(moved)s (Civil Code art. 203)."
    ) % {"end": _fmt(end), "moved": _fmt(moved)}


def compute(
    dispute: str,
    known_on: datetime.date,
    today: datetime.date,
    employment_ended: datetime.date | None = None,
    interrupted_on: datetime.date | None = None,
) -> TimeLimit:
    """The deadline to apply for arbitration. Inputs are validated by the caller
    (applications.forms.time_limit): not in the future, not before 1990, in order."""
    pay = dispute == DisputeCategory.PAY
    if pay and employment_ended is None:
        return TimeLimit(
            None,
            _("Labor Dispute Mediation and Arbitration Law, art. 27 para. 4"),
            _(
                "For pay owed during the employment relationship, no time limit runs while "
                "you are still employed. When the employment ends, you must apply for "
                "arbitration within one year of the day it ends."
            ),
        )
    if pay:
        start = employment_ended
        basis = _("Labor Dispute Mediation and Arbitration Law, art. 27 para. 4")
        explanation = _(
            "Pay owed during the employment relationship: one year from the day the "
            "employment ended (%(start)s)."
        ) % {"start": _fmt(start)}
    else:
        start = known_on
        basis = _("Labor Dispute Mediation and Arbitration Law, art. 27 para. 1")
        explanation = _(
            "One year from the day you knew or should have known that your rights were "
            "infringed (%(start)s); the start day itself is not counted (Civil Code art. 201)."
        ) % {"start": _fmt(start)}
    end, moved = last_day(start)
    if interrupted_on is not None and interrupted_on >= start:
        if interrupted_on <= moved:
            start = interrupted_on
            end, moved = last_day(start)
            basis = _("Labor Dispute Mediation and Arbitration Law, art. 27 para. 1-2")
            explanation = _(
                "The period was interrupted on %(day)s (a claim to the other party, a request "
                "to an authority for help, or the other party agreeing to perform), so a new "
                "year runs from that day."
            ) % {"day": _fmt(interrupted_on)}
        else:
            explanation += _(
                " The interruption on %(day)s came after the period had already ended, so "
                "it does not start a new one."
            ) % {"day": _fmt(interrupted_on)}
    explanation += _moved_note(end, moved)
    return TimeLimit(moved, basis, explanation, (moved - today).days)
