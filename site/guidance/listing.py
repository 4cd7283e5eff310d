"""The policy library's list: filters, keyword, pagination, in a fixed number of queries.

Queries of our own, whatever the number of policies: the filter choices (one query for
the issuers and years in use), the count, the page of policies and their issuers. View
restrictions are checked inside those queries rather than fetched separately.
"""

from django.core.paginator import Paginator
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Prefetch
from wagtail.models import PageViewRestriction

from directory.models import Agency
from search.ranking import ranked_ids

from .forms import PolicyFilterForm

PAGE_SIZE = 20
# A keyword narrows the list to at most this many of the best matches.
KEYWORD_MATCH_LIMIT = 1000


def public_policies(index_page):
    """Live policies under the index that no view restriction (on them or above) hides."""
    from .models import PolicyPage

    target = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.annotate(target=target).filter(
        target__startswith=F("page__path")
    )
    return PolicyPage.objects.live().child_of(index_page).exclude(Exists(restricted))


def filter_choices(policies):
    """The issuers and years in use, from one query over (year, issuer) pairs."""
    pairs = (
        policies.values_list(
            "date_published__year", "issuers__code", "issuers__name", "issuers__kind"
        )
        .order_by()
        .distinct()
    )
    years, issuers = set(), {}
    for year, code, name, kind in pairs:
        years.add(year)
        if code:
            issuers[code] = (kind, name)
    issuer_choices = [
        Agency(code=code, name=name, kind=kind) for code, (kind, name) in issuers.items()
    ]
    issuer_choices.sort(key=lambda agency: (agency.kind, agency.code))
    return issuer_choices, sorted(years, reverse=True)


def policy_listing(index_page, request) -> dict:
    from .models import PolicyPage

    policies = public_policies(index_page)
    issuers, years = filter_choices(policies)
    form = PolicyFilterForm(request.GET, issuers=issuers, years=years)
    filters = form.valid_filters()

    if "issuer" in filters:
        policies = policies.filter(issuers__code=filters["issuer"])
    if "year" in filters:
        policies = policies.filter(date_published__year=filters["year"])
    if "validity" in filters:
        policies = policies.filter(validity=filters["validity"])
    if "topic" in filters:
        policies = policies.filter(topic=filters["topic"])
    if "q" in filters:
        # Keys only, from the search index (no page objects are loaded for matching).
        candidates = {"policy": PolicyPage.objects.live().child_of(index_page)}
        ids = ranked_ids(filters["q"], candidates, KEYWORD_MATCH_LIMIT)["policy"]
        policies = policies.filter(pk__in=ids)

    policies = (
        policies.order_by("-date_published", "-pk")
        .only(
            "title",
            "url_path",
            "slug",
            "depth",
            "path",
            "locale_id",
            "document_number",
            "date_published",
            "validity",
            "topic",
            "summary",
        )
        .prefetch_related(
            Prefetch(
                "issuers",
                queryset=Agency.objects.only("code", "kind", "region", "name", "short_name"),
            )
        )
    )
    paginator = Paginator(policies, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "active_filters": filters,
        "page_obj": page_obj,
        "policies": page_obj.object_list,
    }
