"""Platform usage (平台使用率): how applications arrive, month by month."""

from django.db.models import Count
from django.utils.translation import gettext as _

from cases.choices import CaseSource
from reporting import scope
from reporting.beijing_dates import BeijingMonth
from reporting.filters import Filters
from reporting.tables import Rate, Table

ONLINE = (CaseSource.ONLINE, CaseSource.API)


def monthly_sources(filters: Filters) -> dict:
    rows = (
        scope.cases(filters)
        .filter(scope.in_range(filters, "submitted_at"))
        .annotate(month=BeijingMonth("submitted_at"))
        .values_list("month", "source")
        .annotate(n=Count("pk"))
        .values_list("month", "source", "n")
    )
    return {(month, source): count for month, source, count in rows}


def usage(filters: Filters) -> list[Table]:
    counts = monthly_sources(filters)
    sources = list(CaseSource)
    rows = []
    totals = dict.fromkeys(sources, 0)
    for month in filters.range.months():
        figures = [counts.get((month, source), 0) for source in sources]
        for source, count in zip(sources, figures, strict=True):
            totals[source] += count
        online = sum(counts.get((month, source), 0) for source in ONLINE)
        rows.append([f"{month:%Y-%m}", *figures, sum(figures), Rate(online, sum(figures))])
    all_online = sum(totals[source] for source in ONLINE)
    total = sum(totals.values())
    rows.append([_("Total"), *totals.values(), total, Rate(all_online, total)])
    labels = dict(CaseSource.choices)
    table = Table(
        "usage",
        _("Platform usage, by month"),
        _(
            "Applications received by channel. Online share: the online form and the API "
            "(the partner platform) ÷ all applications received that month."
        ),
        [_("Month"), *(labels[source] for source in sources), _("Total"), _("Online share")],
        rows,
    )
    return [table]
