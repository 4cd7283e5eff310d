"""Values that change only with content, computed once per content generation and kept in
the shared cache (the footer and menu, whether any page is private, the home page's
highlights, which Site answers a host): a purge (invalidation.py) makes them recomputed."""

from django.conf import settings
from django.core.cache import cache

from home.page_cache.invalidation import generation

_MISSING = object()


def per_generation(name: str, compute, timeout: int = 3600):
    """`compute()`, remembered until content changes; PAGE_CACHE_SECONDS = 0 (tests) turns
    this off with the page cache."""
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    key = f"memo:{name}:{generation()}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value
