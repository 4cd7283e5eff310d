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
from cases.models import Case, SatisfactionRating
from cases.timeliness import ON_THE_MERITS
from casework.models import CaseOutcome
from directory.regions import Region
from reporting import periods
from reporting.durations import percentile
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
    spans = defaultdict(list)  # region -> [(working days, kind, within 15 days, n)]
    for row in (
        CaseOutcome.objects.filter(
            _in(range_, "decided_at"), case__application_type=ApplicationType.MEDIATION
        )
        .values_list("case__region", "working_days", "kind", "within_statutory_period")
        .annotate(n=Count("pk"))
        .values_list("case__region", "working_days", "kind", "within_statutory_period", "n")
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
    result = []
    for code, label in [*Region.choices, (TOTAL, _("All regions"))]:
        rows = spans.get(code, [])
        ended = sum(n for *_rest, n in rows)
        merits = sum(n for _days, kind, _within, n in rows if kind in ON_THE_MERITS)
        agreements = sum(n for _days, kind, _within, n in rows if kind == CaseStatus.AGREEMENT)
        within = sum(n for _days, _kind, on_time, n in rows if on_time)
        median = percentile([(days, n) for days, _k, _w, n in rows if days is not None], 50)
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
