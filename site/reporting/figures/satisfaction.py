"""Satisfaction after closing (满意度评价): ratings given in the period, by the agency,
organization and mediator that handled the case when it was rated, and by month."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import SatisfactionRating
from cases.services.satisfaction import LOW_SCORE
from reporting import scope
from reporting.beijing_dates import BeijingMonth
from reporting.filters import Filters
from reporting.tables import Rate, Table

AGGREGATES = {
    "n": Count("pk"),
    "avg_overall": Avg("overall"),
    "avg_timeliness": Avg("timeliness"),
    "avg_fairness": Avg("fairness"),
    "low": Count(
        "pk",
        filter=Q(overall__lte=LOW_SCORE)
        | Q(timeliness__lte=LOW_SCORE)
        | Q(fairness__lte=LOW_SCORE),
    ),
}
HEADERS_AFTER_LABEL = (
    gettext_lazy("Ratings"),
    gettext_lazy("Overall service"),
    gettext_lazy("Timeliness"),
    gettext_lazy("Fairness"),
    gettext_lazy("Share with a score of 2 or less"),
)


def average(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ratings(filters: Filters):
    return (
        SatisfactionRating.objects.filter(scope.case_q(filters, "case__", agency_field=None))
        .filter(scope.agency_q(filters, "agency"))
        .filter(scope.in_range(filters, "created_at"))
        .order_by()
    )


def _row(label, values):
    return [
        label,
        values["n"],
        average(values["avg_overall"]),
        average(values["avg_timeliness"]),
        average(values["avg_fairness"]),
        Rate(values["low"], values["n"]),
    ]


def _headers(first):
    return [first, *(str(heading) for heading in HEADERS_AFTER_LABEL)]


def _grouped(filters, field, label_field, title_key, title, first):
    rows = (
        ratings(filters)
        .filter(**{field + "__isnull": False})
        .values(field, label_field)
        .annotate(**AGGREGATES)
        .order_by(label_field, field)
    )
    return Table(
        title_key,
        title,
        _("Ratings given in the period, grouped by who handled the case when it was rated."),
        _headers(first),
        [_row(row[label_field], row) for row in rows],
    )


def satisfaction(filters: Filters) -> list[Table]:
    total = ratings(filters).aggregate(**AGGREGATES)
    by_agency = _grouped(
        filters,
        "agency",
        "agency__short_name",
        "satisfaction",
        _("Satisfaction, by agency"),
        _("Agency"),
    )
    by_agency.definition = _(
        "Applicants rate the overall service, timeliness and fairness from 1 (very "
        "dissatisfied) to 5 (very satisfied) once, after their case ends. Averages of the "
        "ratings given in the period; low: any of the three scores is 2 or less (the agency's "
        "liaisons are told of each)."
    )
    by_agency.rows.append(_row(_("Total"), total))
    months = {
        row["month"]: row
        for row in ratings(filters)
        .annotate(month=BeijingMonth("created_at"))
        .values("month")
        .annotate(**AGGREGATES)
    }
    empty = {"n": 0, "avg_overall": None, "avg_timeliness": None, "avg_fairness": None, "low": 0}
    by_month = Table(
        "satisfaction_months",
        _("Satisfaction, by month"),
        _("Ratings given each month."),
        _headers(_("Month")),
        [_row(f"{month:%Y-%m}", months.get(month, empty)) for month in filters.range.months()],
    )
    return [
        by_agency,
        _grouped(
            filters,
            "organization",
            "organization__name",
            "satisfaction_organizations",
            _("Satisfaction, by organization"),
            _("Organization"),
        ),
        _grouped(
            filters,
            "mediator",
            "mediator__name",
            "satisfaction_mediators",
            _("Satisfaction, by mediator"),
            _("Mediator"),
        ),
        by_month,
    ]
