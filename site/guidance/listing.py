"""The policy library's list: filters, keyword, pagination, in a fixed number of queries.

Queries of our own, whatever the number of policies: the count, the page of policies and
their issuers, plus the filter choices (issuers and years in use) when they are not cached
for the current content version (library_choices.py; the count reads that version). View
restrictions are checked inside those queries rather than fetched separately.
"""

from django.core.paginator import Paginator
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Prefetch
from wagtail.models import PageViewRestriction

from directory.models import Agency
from search.ranking import matching

from .forms import PolicyFilterForm
from .library_choices import cached_choices, count_and_version, read_choices

PAGE_SIZE = 20
# With a search backend other than ours (search/ranking.matching), a keyword narrows the
# list to at most this many of the best matches.
KEYWORD_MATCH_LIMIT = 1000


def public_policies(index_page):
    """Live policies under the index that no view restriction (on them or above) hides."""
    from .models import PolicyPage

    target = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.annotate(target=target).filter(
        target__startswith=F("page__path")
    )
    return PolicyPage.objects.live().child_of(index_page).exclude(Exists(restricted))


def policy_listing(index_page, request) -> dict:
    policies = public_policies(index_page)
    choices = cached_choices(index_page, policies)
    form, filters = _filters(request, choices)
    listed = _apply(policies, filters)
    total, version = count_and_version(listed)
    if not choices.fresh and version != choices.version:
        # Policies changed since the choices were cached: read them again (one query).
        # The count stands unless the change altered which filters are valid.
        choices = read_choices(index_page, policies)
        form, new_filters = _filters(request, choices)
        if new_filters != filters:
            filters, listed = new_filters, _apply(policies, new_filters)
            total = listed.count()

    listed = (
        listed.order_by("-date_published", "-pk")
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
    paginator = Paginator(listed, PAGE_SIZE)
    paginator.count = total  # counted above (a cached_property: no second count)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "active_filters": filters,
        "page_obj": page_obj,
        "policies": page_obj.object_list,
    }


def _filters(request, choices):
    """(form, the valid filters of the request's query string)."""
    form = PolicyFilterForm(request.GET, issuers=choices.issuers, years=choices.years)
    return form, form.valid_filters()


def _apply(policies, filters):
    """The policies that `filters` select."""
    if "issuer" in filters:
        policies = policies.filter(issuers__code=filters["issuer"])
    if "year" in filters:
        policies = policies.filter(date_published__year=filters["year"])
    if "validity" in filters:
        policies = policies.filter(validity=filters["validity"])
    if "topic" in filters:
        policies = policies.filter(topic=filters["topic"])
    if "q" in filters:
        # A subquery on the search index: no page objects are loaded for matching.
        policies = matching(filters["q"], policies, KEYWORD_MATCH_LIMIT)
    return policies
