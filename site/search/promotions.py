"""Editor-chosen answers and the query log, through Wagtail's search_promotions app.

Editors pick pages for a query under Settings > Promoted search results; the site search
shows them above its results. Every search (first page only) is counted for the "Search
terms" report, except queries that may hold personal data: a run of 11 or more digits once
spaces and dashes are removed (mobile and landline numbers, ID numbers) or an ID number's
shape is never stored.
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string
from wagtail.signals import page_published, page_unpublished

# Promotions are read once per query and version from the shared cache (a search page
# stays within its query budget); any change to a promotion or a page bumps the version.
VERSION_KEY = "search:promotions:version"

# Separators people type inside numbers: 0722-1234567, 138 0000 0000, (0722)1234567.
NUMBER_SEPARATORS = re.compile(r"[\s\-－—–.·()（）]+")
PERSONAL_NUMBER = re.compile(r"\d{11,}|\d{6,}[xX]")


def may_hold_personal_data(query: str) -> bool:
    return bool(PERSONAL_NUMBER.search(NUMBER_SEPARATORS.sub("", query)))


def promoted(query: str) -> list[SearchPromotion]:
    """The promotions editors chose for `query` (live pages and external links), from the
    shared cache while nothing changed (not cached when PAGE_CACHE_SECONDS is 0)."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    if not settings.PAGE_CACHE_SECONDS:
        return _read(normalised)
    version = cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)
    digest = hashlib.sha256(normalised.encode()).hexdigest()[:32]
    key = f"search:promoted:{version}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _read(normalised)
        cache.set(key, found, 3600)
    return found


def _read(normalised: str) -> list[SearchPromotion]:
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


def forget_promotions(**kwargs) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


for _signal in (post_save, post_delete):
    _signal.connect(forget_promotions, sender=SearchPromotion, dispatch_uid=f"promo-{_signal}")
page_published.connect(forget_promotions, dispatch_uid="promo-page-published")
page_unpublished.connect(forget_promotions, dispatch_uid="promo-page-unpublished")
post_delete.connect(forget_promotions, sender=Page, dispatch_uid="promo-page-deleted")
