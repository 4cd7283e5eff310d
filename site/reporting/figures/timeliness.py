"""Timeliness: working days to acceptance and to the end, the share of mediations ended
within the statutory 15 days (劳动争议调解仲裁法 art. 14, counted from receipt) and within
the mediation period as extended by the parties, open cases past a deadline now."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from casework.workflow import OPEN
from reporting import scope
from reporting.durations import percentile
from reporting.filters import Filters
from reporting.tables import Rate, Table


def acceptance_days(filters: Filters) -> list[tuple[int, int]]:
    """[(working days from receipt by the agency to acceptance, cases)] for the cases
    accepted in the period (stamped on acceptance: cases.timeliness)."""
    return list(
        scope.cases(filters)
        .filter(scope.in_range(filters, "accepted_at"), acceptance_working_days__isnull=False)
        .values_list("acceptance_working_days")
        .annotate(n=Count("pk"))
        .values_list("acceptance_working_days", "n")
    )


def closing_days(filters: Filters):
    """(working days from receipt to the outcome, cases, of them mediations ended on the
    merits, of those within the statutory 15 days, within the mediation period) for the
    cases that ended in the period: one grouped query (facts stamped with the outcome)."""
    return (
        scope.outcomes(filters)
        .filter(working_days__isnull=False)
        .values_list("working_days")
        .annotate(
            n=Count("pk"),
            merits=Count("pk", filter=Q(within_statutory_period__isnull=False)),
            statutory=Count("pk", filter=Q(within_statutory_period=True)),
            extended=Count("pk", filter=Q(within_mediation_period=True)),
        )
        .values_list("working_days", "n", "merits", "statutory", "extended")
    )


def timeliness(filters: Filters) -> list[Table]:
    accepted = acceptance_days(filters)
    closing = list(closing_days(filters))
    ended = [(days, n) for days, n, *_shares in closing]
    merits, statutory, extended = (sum(row[i] for row in closing) for i in (2, 3, 4))
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
