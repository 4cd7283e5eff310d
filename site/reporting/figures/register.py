"""The mediator register (调解员名册): mediators by agency and organization, 持证率,
training attended and status changes in the period. The case filters (type, phase,
channel) do not apply here; region and agency filters apply to the managing agency."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from directory.models import Agency, MediationOrganization, MediatorStatus
from directory.models.training import TrainingSession
from reporting import scope
from reporting.filters import Filters
from reporting.tables import Rate, Table


def _certified(prefix: str, on) -> Q:
    return (
        Q(**{prefix + "status": MediatorStatus.ACTIVE})
        & ~Q(**{prefix + "certificate_number": ""})
        & (
            Q(**{prefix + "certificate_valid_until__isnull": True})
            | Q(**{prefix + "certificate_valid_until__gte": on})
        )
    )


def _agencies(filters: Filters):
    agencies = Agency.objects.all()
    if filters.agency:
        agencies = agencies.filter(pk=filters.agency.pk)
    if filters.agency_kind:
        agencies = agencies.filter(kind=filters.agency_kind)
    if filters.agency_ids is not None:
        agencies = agencies.filter(pk__in=filters.agency_ids)
    if filters.region:
        agencies = agencies.filter(region=filters.region)
    return agencies


def register(filters: Filters) -> list[Table]:
    on = min(filters.range.end, filters.today)
    agencies = list(
        _agencies(filters)
        .annotate(
            registered=Count("mediators", distinct=True),
            active=Count(
                "mediators", filter=Q(mediators__status=MediatorStatus.ACTIVE), distinct=True
            ),
            certified=Count("mediators", filter=_certified("mediators__", on), distinct=True),
        )
        .filter(registered__gt=0)
        .order_by("kind", "region", "pk")
    )
    ids = [agency.pk for agency in agencies]
    sessions = TrainingSession.attendees.through.objects.filter(
        mediator__agency_id__in=ids,
        trainingsession__date__gte=filters.range.start,
        trainingsession__date__lte=filters.range.end,
    )
    training = {
        row["mediator__agency_id"]: row
        for row in sessions.values("mediator__agency_id").annotate(
            attended=Count("pk"), hours=Sum("trainingsession__hours")
        )
    }
    changes = dict(
        Agency.objects.filter(pk__in=ids)
        .annotate(
            n=Count(
                "mediators__status_changes",
                filter=scope.in_range(filters, "mediators__status_changes__changed_at"),
            )
        )
        .values_list("pk", "n")
    )
    rows = []
    totals = [0, 0, 0, 0, Decimal("0"), 0]
    for agency in agencies:
        attended = training.get(agency.pk, {})
        figures = [
            agency.registered,
            agency.active,
            agency.certified,
            attended.get("attended", 0),
            attended.get("hours") or Decimal("0"),
            changes.get(agency.pk, 0),
        ]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        rows.append(_row(agency.short_name, figures))
    rows.append(_row(_("Total"), totals))
    return [
        Table(
            "register",
            _("Mediator register, by agency"),
            _(
                "Registered: every entry; active: not suspended or removed; certified: active "
                "with a certificate valid on the last day of the period (or today, if earlier). "
                "Certification rate (持证率) = certified ÷ active. Training: attendances at joint "
                "training sessions held in the period and their hours. Status changes: "
                "suspensions, removals and reinstatements in the period."
            ),
            [
                _("Agency"),
                _("Registered"),
                _("Active"),
                _("Certified"),
                _("Certification rate"),
                _("Training attendances"),
                _("Training hours"),
                _("Status changes"),
            ],
            rows,
        ),
        organizations(filters, on),
    ]


def _row(label, figures):
    registered, active, certified, attended, hours, changes = figures
    return [label, registered, active, certified, Rate(certified, active), attended, hours, changes]


def organizations(filters: Filters, on) -> Table:
    organizations = MediationOrganization.objects.filter(
        scope.agency_q(filters, "host_agency")
    ).annotate(
        active=Count("mediators", filter=Q(mediators__status=MediatorStatus.ACTIVE), distinct=True),
        certified=Count("mediators", filter=_certified("mediators__", on), distinct=True),
    )
    if filters.region:
        organizations = organizations.filter(region=filters.region)
    rows = [
        [
            organization.name,
            organization.active,
            organization.certified,
            Rate(organization.certified, organization.active),
        ]
        for organization in organizations.filter(active__gt=0).order_by("region", "name", "pk")
    ]
    return Table(
        "organizations",
        _("Mediators, by organization"),
        _(
            "Active mediators of each mediation organization (a mediator may serve several) and "
            "how many are certified."
        ),
        [_("Organization"), _("Active"), _("Certified"), _("Certification rate")],
        rows,
    )
