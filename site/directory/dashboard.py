"""Admin dashboard panel: the register's health per agency."""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from wagtail.admin.ui.components import Component

from directory.models import Agency, Mediator, MediatorStatus, TrainingSession
from directory.permissions import is_agency_staff

EXPIRY_WINDOW_DAYS = 60


def register_figures(today=None):
    """Per-agency rows plus a total row, in a constant number of queries."""
    today = today or timezone.localdate()
    active = Q(mediators__status=MediatorStatus.ACTIVE)
    certified = (
        active
        & ~Q(mediators__certificate_number="")
        & (
            Q(mediators__certificate_valid_until__isnull=True)
            | Q(mediators__certificate_valid_until__gte=today)
        )
    )
    expiring = active & Q(
        mediators__certificate_valid_until__gte=today,
        mediators__certificate_valid_until__lte=today + timedelta(days=EXPIRY_WINDOW_DAYS),
    )
    agencies = list(
        Agency.objects.annotate(
            active=Count("mediators", filter=active),
            certified=Count("mediators", filter=certified),
            expiring=Count("mediators", filter=expiring),
            registered=Count("mediators"),
        ).order_by("kind", "region")
    )
    hours = dict(
        Mediator.objects.filter(training_sessions__date__year=today.year)
        .values_list("agency_id")
        .annotate(total=Sum("training_sessions__hours"))
        .values_list("agency_id", "total")
    )
    rows = []
    for agency in agencies:
        if not agency.registered:
            continue
        rows.append(
            _row(
                agency.short_name,
                agency.active,
                agency.certified,
                agency.expiring,
                hours.get(agency.pk) or Decimal("0"),
            )
        )
    total = _row(
        "",
        sum(r["active"] for r in rows),
        sum(r["certified"] for r in rows),
        sum(r["expiring"] for r in rows),
        sum((r["hours"] for r in rows), Decimal("0")),
    )
    sessions = TrainingSession.objects.filter(date__year=today.year).count()
    return {"rows": rows, "total": total, "sessions": sessions, "year": today.year}


def _row(label, active, certified, expiring, hours):
    rate = round(100 * certified / active) if active else None
    return {
        "label": label,
        "active": active,
        "certified": certified,
        "rate": rate,
        "expiring": expiring,
        "hours": hours,
    }


class RegisterPanel(Component):
    name = "mediator_register"
    order = 150
    template_name = "directory/admin/register_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context.update(register_figures())
        context["window"] = EXPIRY_WINDOW_DAYS
        return context

    @classmethod
    def for_user(cls, user):
        return cls(user) if is_agency_staff(user) else None
