"""Court referrals (诉调对接) by kind and procedure: received, feedback given, on time,
overdue now. Feedback is due 30 days after a delegated referral arrives, 15 (ordinary
procedure) or 7 (simple procedure) after an entrusted one (特邀调解规定 art. 27, the
seed document); a case's feedback is given when its outcome is recorded, on time or not
as stamped then (cases.timeliness)."""

from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _

from casework.models import CourtReferral
from casework.workflow import OPEN
from reporting import scope
from reporting.filters import Filters
from reporting.tables import Rate, Table

GROUPS = (
    ("court_delegated", "", _("Court-delegated (诉前委派), 30 days")),
    ("court_entrusted", "ordinary", _("Court-entrusted (诉中委托), ordinary procedure, 15 days")),
    ("court_entrusted", "simple", _("Court-entrusted (诉中委托), simple procedure, 7 days")),
)


def _grouped(queryset, **aggregates) -> dict:
    """{(kind, procedure): aggregates}; a delegated referral's procedure does not matter,
    an entrusted one without a procedure runs the ordinary clock (cases.deadlines)."""
    rows = (
        queryset.annotate(
            group_procedure=Coalesce(NullIf("procedure", Value("")), Value("ordinary"))
        )
        .values("kind", "group_procedure")
        .annotate(**aggregates)
    )
    result = {}
    for row in rows:
        procedure = "" if row["kind"] == CourtReferral.Kind.DELEGATED else row["group_procedure"]
        key = (row["kind"], procedure)
        totals = result.setdefault(key, dict.fromkeys(aggregates, 0))
        for name in aggregates:
            totals[name] += row[name]
    return result


def referrals(filters: Filters) -> list[Table]:
    base = scope.referrals(filters)
    received = _grouped(base.filter(scope.in_range(filters, "received_at")), n=Count("pk"))
    feedback = _grouped(
        base.filter(
            scope.in_range(filters, "case__outcome__decided_at"),
            case__outcome__feedback_on_time__isnull=False,
        ),
        n=Count("pk"),
        on_time=Count("pk", filter=Q(case__outcome__feedback_on_time=True)),
    )
    overdue = _grouped(
        base.filter(case__status__in=OPEN, case__feedback_due__lt=filters.today), n=Count("pk")
    )
    rows = []
    totals = [0, 0, 0, 0]
    for kind, procedure, label in GROUPS:
        key = (kind, procedure)
        given = feedback.get(key, {"n": 0, "on_time": 0})
        figures = [received.get(key, {}).get("n", 0), given["n"], given["on_time"]]
        figures.append(overdue.get(key, {}).get("n", 0))
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        rows.append([label, *figures[:3], Rate(figures[2], figures[1]), figures[3]])
    rows.append([_("Total"), *totals[:3], Rate(totals[2], totals[1]), totals[3]])
    return [
        Table(
            "referrals",
            _("Court referrals"),
            _(
                "Received: referrals that arrived in the period. Feedback given: referred cases "
                "whose outcome was recorded in the period; on time when recorded by the feedback "
                "date. Overdue now: open referred cases past the feedback date today."
            ),
            [
                _("Referral kind"),
                _("Referrals received"),
                _("Feedback given"),
                _("Feedback on time"),
                _("Share on time"),
                _("Overdue now"),
            ],
            rows,
        )
    ]
