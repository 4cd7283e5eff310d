"""The policy library's list: filters, keyword, pagination, in a fixed number of queries."""

from django.core.paginator import Paginator
from django.db.models import Prefetch

from directory.models import Agency

from .forms import PolicyFilterForm

PAGE_SIZE = 20
# A keyword narrows the list to at most this many of the best matches.
KEYWORD_MATCH_LIMIT = 1000


def policy_listing(index_page, request) -> dict:
    from .models import PolicyPage

    policies = PolicyPage.objects.live().public().child_of(index_page)
    issuers = Agency.objects.filter(policies__in=policies).distinct().order_by("kind", "code")
    years = [d.year for d in policies.dates("date_published", "year", order="DESC")]
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
        matches = PolicyPage.objects.live().child_of(index_page).search(filters["q"])
        ids = [page.pk for page in matches[:KEYWORD_MATCH_LIMIT]]
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
        .prefetch_related(Prefetch("issuers", queryset=Agency.objects.only("name", "short_name")))
    )
    paginator = Paginator(policies, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "active_filters": filters,
        "page_obj": page_obj,
        "policies": page_obj.object_list,
    }
