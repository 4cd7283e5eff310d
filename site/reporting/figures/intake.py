"""Applications and decisions: received, accepted, declined (by grounds), transferred,
withdrawn, open now, workers covered."""

from django.db.models import Case as Choose
from django.db.models import Count, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from cases.choices import ApplicationType, CaseStatus
from casework.models import DeclineGrounds
from casework.workflow import OPEN
from reporting import scope
from reporting.filters import Filters
from reporting.tables import Table


def _workers():
    """Workers a mediation covers: a collective dispute counts its workers, others one."""
    return Choose(
        When(is_collective=True, then=Coalesce("workers_involved", Value(1))),
        default=Value(1),
    )


def applications(filters: Filters) -> list[Table]:
    # Three narrow queries, each read from its own index, rather than one pass over every
    # case row.
    counts = (
        scope.cases(filters)
        .filter(scope.in_range(filters, "submitted_at"))
        .aggregate(
            received=Count("pk"),
            workers=Sum(_workers(), filter=Q(application_type=ApplicationType.MEDIATION)),
        )
    )
    counts["accepted"] = scope.cases(filters).filter(scope.in_range(filters, "accepted_at")).count()
    counts["open"] = scope.cases(filters).filter(status__in=OPEN).count()
    ended = dict(
        scope.outcomes(filters).values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    transfers_out = scope.transfers(filters, "out").count()
    transfers_in = scope.transfers(filters, "in").count()
    rows = [
        (
            _("Applications received"),
            counts["received"],
            _("Applications submitted in the period, from every door."),
        ),
        (_("Cases accepted"), counts["accepted"], _("Cases accepted in the period.")),
        (
            _("Declined"),
            ended.get(CaseStatus.REJECTED, 0),
            _("Applications not accepted, decided in the period (grounds below)."),
        ),
        (
            _("Transferred out"),
            transfers_out,
            _("Transfers to another agency made in the period by the agencies counted."),
        ),
        (
            _("Transferred in"),
            transfers_in,
            _("Transfers from another agency received in the period."),
        ),
        (
            _("Withdrawn"),
            ended.get(CaseStatus.WITHDRAWN, 0),
            _("Withdrawals recorded in the period."),
        ),
        (
            _("Open now"),
            counts["open"],
            _("Cases not yet ended today, whenever they were received."),
        ),
        (
            _("Workers covered"),
            counts["workers"] or 0,
            _(
                "Workers in the mediation applications received; a collective dispute counts "
                "all its workers."
            ),
        ),
    ]
    table = Table(
        "applications",
        _("Applications and decisions"),
        _(
            "Cases count under the agency that has them now; transfers count for both "
            "agencies. Dates are Beijing dates."
        ),
        [_("Figure"), _("Number"), _("Definition")],
        [list(row) for row in rows],
    )
    return [table, declines(filters)]


def declines(filters: Filters) -> Table:
    counts = dict(
        scope.outcomes(filters)
        .filter(kind=CaseStatus.REJECTED)
        .values_list("grounds")
        .annotate(n=Count("pk"))
        .values_list("grounds", "n")
    )
    rows = [[label, counts.get(code, 0)] for code, label in DeclineGrounds.choices]
    unrecorded = counts.get("", 0)
    if unrecorded:
        rows.append([_("Not recorded"), unrecorded])
    rows.append([_("Total"), sum(counts.values())])
    return Table(
        "declines",
        _("Declined, by grounds"),
        _("Applications not accepted, decided in the period, by the grounds recorded."),
        [_("Grounds"), _("Number")],
        rows,
    )
