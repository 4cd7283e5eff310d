"""The public statistics (数据公开): one quarter's figures by region, with small numbers
suppressed. Nothing personal: counts, rates and durations only, and any figure built from
fewer than SUPPRESS_BELOW cases is shown as "<5" (so a single applicant's case cannot be
recognised from it). Constant queries whatever the volume."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from cases.choices import ApplicationType, CaseStatus
from cases.deadlines import MEDIATION_DAYS
from cases.models import Case, SatisfactionRating
from cases.working_days import add_days
from casework.models import CaseOutcome
from directory.regions import Region
from reporting import periods
from reporting.beijing_dates import BeijingDate
from reporting.durations import WorkingDayCounter, percentile
from reporting.figures.outcomes import ON_THE_MERITS
from reporting.tables import Rate

SUPPRESS_BELOW = 5
SUPPRESSED = "<5"
TOTAL = ""

COLUMNS = (
    _("Applications received"),
    _("Ended"),
    _("Agreement rate"),
    _("Median working days to the end"),
    _("Ended within 15 days"),
    _("Satisfaction (1–5)"),
)


@dataclass
class RegionFigures:
    label: str
    cells: list


def _in(range_, field):
    return Q(**{field + "__gte": range_.start_at, field + "__lt": range_.end_before})


def _shown(value, basis: int):
    if basis < SUPPRESS_BELOW:
        return SUPPRESSED
    return "—" if value is None else value


def _mean(count, total):
    if not count:
        return None
    return (Decimal(total) / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def quarter_figures(year: int, quarter: int) -> list[RegionFigures]:
    range_ = periods.quarter_range(year, quarter)
    received = defaultdict(int)
    for region, n in (
        Case.objects.filter(_in(range_, "submitted_at"), application_type=ApplicationType.MEDIATION)
        .values_list("region")
        .annotate(n=Count("pk"))
        .values_list("region", "n")
        .order_by()
    ):
        received[region] += n
        received[TOTAL] += n
    spans = defaultdict(list)  # region -> [(start, end, kind, n)]
    for row in (
        CaseOutcome.objects.filter(
            _in(range_, "decided_at"), case__application_type=ApplicationType.MEDIATION
        )
        .annotate(
            start=BeijingDate("case__submitted_at"),
            end=BeijingDate("decided_at"),
        )
        .values_list("case__region", "start", "end", "kind")
        .annotate(n=Count("pk"))
        .values_list("case__region", "start", "end", "kind", "n")
        .order_by()
    ):
        spans[row[0]].append(row[1:])
        spans[TOTAL].append(row[1:])
    ratings = defaultdict(lambda: [0, 0])  # region -> [count, sum of overall scores]
    for region, n, total in (
        SatisfactionRating.objects.filter(_in(range_, "created_at"))
        .values_list("case__region")
        .annotate(n=Count("pk"), total=Sum("overall"))
        .values_list("case__region", "n", "total")
        .order_by()
    ):
        for key in (region, TOTAL):
            ratings[key][0] += n
            ratings[key][1] += total
    limits = {}

    def fifteenth(start):
        if start not in limits:
            limits[start] = add_days(start, MEDIATION_DAYS)
        return limits[start]

    counter = WorkingDayCounter()
    every = spans.get(TOTAL, [])
    if every:
        counter.cover(min(row[0] for row in every), max(row[1] for row in every))
    result = []
    for code, label in [*Region.choices, (TOTAL, _("All regions"))]:
        rows = spans.get(code, [])
        ended = sum(n for *_rest, n in rows)
        merits_rows = [row for row in rows if row[2] in ON_THE_MERITS]
        merits = sum(n for *_rest, n in merits_rows)
        agreements = sum(n for _s, _e, kind, n in rows if kind == CaseStatus.AGREEMENT)
        within = sum(n for start, end, _k, n in merits_rows if end <= fifteenth(start))
        median = percentile([(counter.between(s, e), n) for s, e, _k, n in rows], 50)
        result.append(
            RegionFigures(
                str(label),
                [
                    _shown(received.get(code, 0), received.get(code, 0)),
                    _shown(ended, ended),
                    _shown(Rate(agreements, merits), merits),
                    _shown(median, ended),
                    _shown(Rate(within, merits), merits),
                    _shown(_mean(*ratings.get(code, (0, 0))), ratings.get(code, (0, 0))[0]),
                ],
            )
        )
    return result
