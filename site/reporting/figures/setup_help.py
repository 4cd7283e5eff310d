"""Setup help (建会建调指导): union and mediation-committee requests by outcome."""

from django.db.models import Count
from django.utils.translation import gettext as _

from cases.choices import ApplicationType, CaseStatus
from reporting import scope
from reporting.filters import Filters
from reporting.tables import Table

SETUP_TYPES = (ApplicationType.UNION_SETUP, ApplicationType.COMMITTEE_SETUP)
COLUMNS = (None, CaseStatus.COMPLETED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN)


def setup_help(filters: Filters) -> list[Table]:
    rows = (
        scope.cases(filters)
        .filter(application_type__in=SETUP_TYPES)
        .filter(scope.in_range(filters, "submitted_at"))
        .values_list("application_type", "outcome__kind")
        .annotate(n=Count("pk"))
        .values_list("application_type", "outcome__kind", "n")
    )
    counts = {(kind, outcome or None): n for kind, outcome, n in rows}
    labels = dict(ApplicationType.choices)
    table_rows = []
    for kind in SETUP_TYPES:
        figures = [counts.get((kind, column), 0) for column in COLUMNS]
        table_rows.append([labels[kind], sum(figures), *figures])
    return [
        Table(
            "setup_help",
            _("Setup help, by outcome"),
            _(
                "Requests received in the period, by how they stand today: still open, help "
                "completed, not accepted, withdrawn."
            ),
            [
                _("Request"),
                _("Requests received"),
                _("Still open"),
                _("Completed"),
                _("Not accepted"),
                _("Withdrawn"),
            ],
            table_rows,
        )
    ]
