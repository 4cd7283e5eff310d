"""The main figures month by month: received, ended, agreements, agreement rate."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cases.choices import CaseStatus
from cases.timeliness import ON_THE_MERITS
from reporting import charts, scope
from reporting.beijing_dates import BeijingMonth
from reporting.filters import Filters
from reporting.tables import Rate, Table


def _by_month(rows) -> dict:
    return {month: values for month, *values in rows}


def trends(filters: Filters) -> list[Table]:
    received = _by_month(
        scope.cases(filters)
        .filter(scope.in_range(filters, "submitted_at"))
        .annotate(month=BeijingMonth("submitted_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    ended = _by_month(
        scope.outcomes(filters)
        .annotate(month=BeijingMonth("decided_at"))
        .values_list("month")
        .annotate(
            n=Count("pk"),
            agreements=Count("pk", filter=Q(kind=CaseStatus.AGREEMENT)),
            merits=Count("pk", filter=Q(kind__in=ON_THE_MERITS)),
        )
        .values_list("month", "n", "agreements", "merits")
    )
    rows = []
    for month in filters.range.months():
        got = received.get(month, [0])[0]
        n, agreements, merits = ended.get(month, (0, 0, 0))
        rows.append([f"{month:%Y-%m}", got, n, agreements, Rate(agreements, merits)])
    table = Table(
        "trends",
        _("Month by month"),
        _(
            "Received: applications submitted that month. Ended: outcomes recorded that month. "
            "Agreement rate: agreements ÷ cases ended on the merits that month."
        ),
        [_("Month"), _("Applications received"), _("Ended"), _("Agreements"), _("Agreement rate")],
        rows,
    )
    table.chart = charts.bar_chart(
        table,
        series=((1, _("Applications received")), (2, _("Ended"))),
        title=_("Received and ended, by month"),
    )
    return [table]
