from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .forms import SearchForm
from .highlight import highlight, snippet
from .notices import page_notice, query_notices
from .promotions import log_query, promoted
from .services import load_objects, site_search
from .suggestions import suggest

PAGE_SIZE = 10
# Queries with fewer results than this get a "did you mean" suggestion.
SUGGEST_BELOW = 3


@require_GET
def search(request):
    form = SearchForm(request.GET)
    query, type_key = form.values()
    outcome = site_search(query, type_key or None) if query else None
    page_obj = None
    results = []
    suggestion = None
    page_message = ""
    promotions = []
    if outcome is not None:
        paginator = Paginator(outcome.hits, PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        page_message = page_notice(request.GET.get("page"), page_obj)
        if request.GET.get("page", "1") in ("", "1") and outcome.words:
            promotions = promoted(query)
            log_query(query)
        if len(outcome.hits) < SUGGEST_BELOW:
            suggestion = suggest(query)
        for hit in load_objects(page_obj.object_list):
            results.append(
                {
                    "title": highlight(hit.type.title_of(hit.obj), outcome.words),
                    "url": hit.type.url(hit.obj, request),
                    "type": hit.type.label,
                    "date": hit.type.date(hit.obj),
                    "snippet": snippet(hit.type.text(hit.obj), outcome.words),
                }
            )
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "type_key": type_key,
            "outcome": outcome,
            "page_obj": page_obj,
            "results": results,
            "suggestion": suggestion,
            "promotions": promotions,
            "page_message": page_message,
            "query_notices": query_notices(request.GET.get("q", ""), outcome),
            "type_filters": _type_filters(form, outcome),
        },
    )


def _type_filters(form, outcome):
    if outcome is None:
        return []
    return [
        {
            "key": key,
            "label": label,
            "count": outcome.counts.get(key, 0),
            "capped": outcome.is_capped(key),
        }
        for key, label in form.fields["type"].choices
        if key
    ]
