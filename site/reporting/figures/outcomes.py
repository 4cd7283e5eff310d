"""How cases ended: outcomes, the agreement rate, amounts agreed against amounts claimed."""

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from cases.choices import CaseStatus
from cases.timeliness import ON_THE_MERITS
from casework.models import AgreementTerm
from reporting import scope
from reporting.filters import Filters
from reporting.tables import Rate, Table, amount

ENDINGS = (
    CaseStatus.AGREEMENT,
    CaseStatus.NO_AGREEMENT,
    CaseStatus.WITHDRAWN,
    CaseStatus.REJECTED,
    CaseStatus.COMPLETED,
)


def outcomes(filters: Filters) -> list[Table]:
    ended = scope.outcomes(filters)
    counts = dict(ended.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    agreements = ended.filter(kind=CaseStatus.AGREEMENT)
    claimed = agreements.aggregate(total=Sum("case__amount_claimed"))["total"]
    agreed = AgreementTerm.objects.filter(outcome__in=agreements.values("pk")).aggregate(
        total=Sum("amount")
    )["total"]
    labels = dict(CaseStatus.choices)
    rows = [[labels[kind], counts.get(kind, 0)] for kind in ENDINGS]
    rows.append([_("Total ended"), sum(counts.get(kind, 0) for kind in ENDINGS)])
    merits = sum(counts.get(kind, 0) for kind in ON_THE_MERITS)
    summary = [
        [
            _("Agreement rate"),
            Rate(counts.get(CaseStatus.AGREEMENT, 0), merits),
            _(
                "Agreements ÷ cases closed on the merits (agreement or no agreement) in the "
                "period; withdrawals and declines are not on the merits."
            ),
        ],
        [
            _("Amount claimed in agreed cases (yuan)"),
            amount(claimed),
            _("What the applicants claimed in the cases that ended in agreement."),
        ],
        [
            _("Amount agreed (yuan)"),
            amount(agreed),
            _("The sum of the amounts in the terms of those agreements."),
        ],
        [
            _("Amount agreed ÷ amount claimed"),
            Rate(int(amount(agreed) * 100), int(amount(claimed) * 100)),
            _("How much of what was claimed the agreements provide."),
        ],
    ]
    return [
        Table(
            "outcomes",
            _("Cases ended, by outcome"),
            _("A case ends when its outcome is recorded; counted by the day it was recorded."),
            [_("Outcome"), _("Number")],
            rows,
        ),
        Table(
            "agreement",
            _("Agreement rate and amounts"),
            _("Of the cases that ended in the period."),
            [_("Figure"), _("Value"), _("Definition")],
            summary,
        ),
    ]
