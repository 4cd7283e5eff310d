"""The cases, events and outcomes the figures count: the filters and the reader's agencies.

A case counts under the agency that has it now (a transferred case under its receiver);
transfers themselves are counted from their events, out of the sender and into the
receiver. An agency's staff read their own agencies only (`Filters.agency_ids`), exactly
as their case queues show them (casework.permissions).
"""

from django.db.models import Q

from cases.models import Case, CaseEvent
from casework.models import CaseOutcome, CourtReferral
from reporting.filters import Filters
from reporting.phases import phase_q


def case_q(filters: Filters, prefix: str = "", agency_field: str | None = "agency") -> Q:
    """The filters on a case reached through `prefix` ("" for Case itself). With
    `agency_field` None, the agency filters and the reader's scope are left to the caller."""

    def q(**lookups):
        return Q(**{prefix + key: value for key, value in lookups.items()})

    condition = Q()
    if filters.region:
        condition &= q(region=filters.region)
    if filters.application_type:
        condition &= q(application_type=filters.application_type)
    if filters.channel:
        condition &= q(source=filters.channel)
    if filters.phase:
        condition &= phase_q(filters.phase, prefix)
    if agency_field:
        condition &= agency_q(filters, prefix + agency_field)
    return condition


def agency_q(filters: Filters, field: str) -> Q:
    """The agency filters and the reader's scope on an agency foreign key `field`."""
    condition = Q()
    if filters.agency:
        condition &= Q(**{field: filters.agency.pk})
    if filters.agency_kind:
        condition &= Q(**{field + "__kind": filters.agency_kind})
    if filters.agency_ids is not None:
        condition &= Q(**{field + "__in": filters.agency_ids})
    return condition


def in_range(filters: Filters, field: str) -> Q:
    return Q(**{field + "__gte": filters.range.start_at, field + "__lt": filters.range.end_before})


def cases(filters: Filters):
    return Case.objects.filter(case_q(filters)).order_by()


def outcomes(filters: Filters):
    """Outcomes recorded in the range (a case "ends" when its outcome is recorded)."""
    return (
        CaseOutcome.objects.filter(case_q(filters, "case__"))
        .filter(in_range(filters, "decided_at"))
        .order_by()
    )


def transfers(filters: Filters, direction: str):
    """Transfer events in the range, out of (`direction="out"`) or into the agencies read."""
    field = "from_agency" if direction == "out" else "agency"
    return (
        CaseEvent.objects.filter(kind=CaseEvent.Kind.TRANSFERRED)
        .filter(case_q(filters, "case__", agency_field=None))
        .filter(agency_q(filters, field))
        .filter(in_range(filters, "created_at"))
        .order_by()
    )


def referrals(filters: Filters):
    return CourtReferral.objects.filter(case_q(filters, "case__")).order_by()
