"""Editor-chosen answers and the query log, through Wagtail's search_promotions app.

Editors pick pages for a query under Settings > Promoted search results; the site search
shows them above its results. Every search (first page only) is counted for the "Search
terms" report, except queries that may hold personal data: a run of 11 or more digits once
spaces and dashes are removed (mobile and landline numbers, ID numbers) or an ID number's
shape is never stored.
"""

import re

from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

# Separators people type inside numbers: 0722-1234567, 138 0000 0000, (0722)1234567.
NUMBER_SEPARATORS = re.compile(r"[\s\-－—–.·()（）]+")
PERSONAL_NUMBER = re.compile(r"\d{11,}|\d{6,}[xX]")


def may_hold_personal_data(query: str) -> bool:
    return bool(PERSONAL_NUMBER.search(NUMBER_SEPARATORS.sub("", query)))


def promoted(query: str) -> list[SearchPromotion]:
    """The promotions editors chose for `query` (live pages and external links)."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    return [p for p in promotions if p.page is None or p.page.live]


def log_query(query: str) -> bool:
    """Count one search for `query` today; False (nothing stored) for personal data."""
    normalised = normalise_query_string(query)
    if not normalised or may_hold_personal_data(query):
        return False
    today = timezone.localdate()
    # One statement when the query was already searched today; else the stock way.
    counted = QueryDailyHits.objects.filter(query__query_string=normalised, date=today).update(
        hits=F("hits") + 1
    )
    if not counted:
        Query.get(normalised).add_hit(date=today)
    return True
