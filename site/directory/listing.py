"""Public directory listings: filter parsing and the querysets behind the pages.

Unknown filter values are ignored (the unfiltered list is shown), never an error.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Prefetch

from directory.models.mediators import Mediator, MediatorCategory, Specialty
from directory.models.organizations import MediationOrganization, OrganizationKind
from directory.regions import Region

PAGE_SIZE = 20


@dataclass
class Filters:
    values: dict = field(default_factory=dict)

    def querystring(self, **overrides):
        from urllib.parse import urlencode

        merged = {**self.values, **overrides}
        return urlencode({k: v for k, v in merged.items() if v})


def _choice(raw, allowed):
    return raw if raw in allowed else ""


def organization_filters(params) -> Filters:
    return Filters(
        {
            "region": _choice(params.get("region", ""), Region.values),
            "kind": _choice(params.get("kind", ""), OrganizationKind.values),
        }
    )


def mediator_filters(params, specialty_slugs) -> Filters:
    return Filters(
        {
            "category": _choice(params.get("category", ""), MediatorCategory.values),
            "specialty": _choice(params.get("specialty", ""), specialty_slugs),
            "region": _choice(params.get("region", ""), Region.values),
        }
    )


def public_organizations(filters: Filters):
    queryset = (
        MediationOrganization.objects.public()
        .select_related("host_agency")
        .prefetch_related("opening_periods")
    )
    if filters.values.get("region"):
        queryset = queryset.filter(region=filters.values["region"])
    if filters.values.get("kind"):
        queryset = queryset.filter(kind=filters.values["kind"])
    return queryset


def public_mediators(filters: Filters):
    queryset = Mediator.objects.public().prefetch_related(
        "specialties",
        Prefetch(
            "organizations",
            queryset=MediationOrganization.objects.public().only("code", "name", "region"),
        ),
    )
    values = filters.values
    if values.get("category"):
        queryset = queryset.filter(category=values["category"])
    if values.get("specialty"):
        queryset = queryset.filter(specialties__slug=values["specialty"])
    if values.get("region"):
        queryset = queryset.filter(
            organizations__region=values["region"], organizations__is_public=True
        )
    if values.get("specialty") or values.get("region"):
        queryset = queryset.distinct()
    return queryset.order_by("name", "code")


def specialty_choices():
    return list(Specialty.objects.values_list("slug", "name"))


def paginate(queryset, page_number):
    paginator = Paginator(queryset, PAGE_SIZE)
    return paginator.get_page(page_number)
