"""Timeliness: working days to acceptance and to the end, the share of mediations ended
within the statutory 15 days (劳动争议调解仲裁法 art. 14, counted from receipt) and within
the mediation period as extended by the parties, open cases past a deadline now."""

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from cases.choices import ApplicationType
from cases.deadlines import MEDIATION_DAYS
from cases.working_days import add_days
from casework.workflow import OPEN
from reporting import scope
from reporting.beijing_dates import BeijingDate
from reporting.durations import WorkingDayCounter, percentile, working_day_counts
from reporting.figures.outcomes import ON_THE_MERITS
from reporting.filters import Filters
from reporting.tables import Rate, Table


def _date(field):
    return BeijingDate(field)


def acceptance_spans(filters: Filters):
    """(received by the agency, accepted, count) of the cases accepted in the period."""
    return (
        scope.cases(filters)
        .filter(scope.in_range(filters, "accepted_at"))
        .annotate(start=_date(Coalesce("arrived_at", "submitted_at")), end=_date("accepted_at"))
        .values_list("start", "end")
        .annotate(n=Count("pk"))
        .values_list("start", "end", "n")
    )


MERITS = Q(kind__in=ON_THE_MERITS, case__application_type=ApplicationType.MEDIATION)


def closing_spans(filters: Filters):
    """(received, ended, cases, of them mediations ended on the merits, of those ended by
    the end of their mediation period) for the cases that ended in the period: one
    grouped query for the durations and both shares."""
    return (
        scope.outcomes(filters)
        .annotate(start=_date("case__submitted_at"), end=_date("decided_at"))
        .values_list("start", "end")
        .annotate(
            n=Count("pk"),
            merits=Count("pk", filter=MERITS),
            extended=Count("pk", filter=MERITS & Q(end__lte=F("case__mediation_due"))),
        )
        .values_list("start", "end", "n", "merits", "extended")
    )


def within_limits(rows) -> tuple[int, int, int]:
    """(within 15 days of receipt, within the extended period, all on the merits)."""
    statutory = extended = total = 0
    limits = {}  # start date -> the 15th day (moved off a rest day): one lookup per date
    for start, end, _n, merits, on_time in rows:
        if not merits:
            continue
        total += merits
        extended += on_time
        if start not in limits:
            limits[start] = add_days(start, MEDIATION_DAYS)
        if end <= limits[start]:
            statutory += merits
    return statutory, extended, total


def timeliness(filters: Filters) -> list[Table]:
    counter = WorkingDayCounter()
    accepted = working_day_counts(acceptance_spans(filters), counter)
    closing = [row for row in closing_spans(filters) if row[0] and row[1]]
    ended = working_day_counts([(start, end, n) for start, end, n, *_rest in closing], counter)
    statutory, extended, merits = within_limits(closing)
    overdue = scope.cases(filters).filter(status__in=OPEN, next_due__lt=filters.today).count()
    overdue_feedback = (
        scope.cases(filters).filter(Q(status__in=OPEN, feedback_due__lt=filters.today)).count()
    )
    rows = [
        [
            _("Days to acceptance, median"),
            percentile(accepted, 50),
            _(
                "Working days from the day the agency received the case to the day it accepted "
                "it, for the cases accepted in the period."
            ),
        ],
        [
            _("Days to acceptance, 90th percentile"),
            percentile(accepted, 90),
            _("Nine in ten cases were accepted within this many working days (nearest rank)."),
        ],
        [
            _("Days to the end, median"),
            percentile(ended, 50),
            _(
                "Working days from receipt to the recorded outcome, for the cases that ended in "
                "the period."
            ),
        ],
        [
            _("Days to the end, 90th percentile"),
            percentile(ended, 90),
            _("Nine in ten cases ended within this many working days (nearest rank)."),
        ],
        [
            _("Ended within the statutory 15 days"),
            Rate(statutory, merits),
            _(
                "Mediations ended on the merits in the period whose outcome came within 15 days "
                "of receipt (Labor Dispute Mediation and Arbitration Law, art. 14; a last day "
                "off moves to the next working day)."
            ),
        ],
        [
            _("Ended within the mediation period as extended"),
            Rate(extended, merits),
            _(
                "The same cases, ended by the end of their mediation period: 15 days from "
                "acceptance plus any extension both parties agreed to."
            ),
        ],
        [
            _("Open and past a deadline now"),
            overdue,
            _("Open cases whose nearest deadline has passed today."),
        ],
        [
            _("Open and past the court feedback date now"),
            overdue_feedback,
            _("Open court referrals whose feedback date has passed today."),
        ],
    ]
    return [
        Table(
            "timeliness",
            _("Timeliness"),
            _(
                "Working days follow the official calendar (weekends, public holidays and "
                "make-up working days), as the case deadlines do."
            ),
            [_("Figure"), _("Value"), _("Definition")],
            rows,
        )
    ]
