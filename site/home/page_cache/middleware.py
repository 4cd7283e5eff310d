"""Answer anonymous public GETs from the shared cache; store what is safe to share.

Placed after WhiteNoise and before the session middleware, so a hit runs no view, no
session and no database query. What is stored: a 200 text/html (or feed/XML) response to
a cacheable request (keys.cacheable) that set no cookie, used no CSRF token and touched no
session. Everything the middleware answers says how browsers and proxies may cache it:
public pages `public, max-age=<browser>, must-revalidate, s-maxage=<PAGE_CACHE_SECONDS>`
with an ETag (ConditionalGetMiddleware answers 304), everything else without its own
Cache-Control `private, no-store` (forms, tracking, the API, errors).

If the cache backend is down (Redis stopped), pages are rendered as if nothing were
cached and a warning is logged: never an error page.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers, set_response_etag

from home.page_cache import keys
from home.page_cache.invalidation import generation

logger = logging.getLogger(__name__)

STORED_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Link")
HIT, MISS = "hit", "miss"


def public_cache_control(response) -> None:
    browser = settings.PAGE_CACHE_BROWSER_SECONDS
    response["Cache-Control"] = (
        f"public, max-age={browser}, must-revalidate, s-maxage={settings.PAGE_CACHE_SECONDS}"
    )
    patch_vary_headers(response, ["Cookie"])  # the display mode cookie changes the page


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(STORED_TYPES):
        return False
    if response.has_header("Cache-Control"):  # the view decided (never_cache, private...)
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page carries a CSRF token
        return False
    # No session cookie came in (keys.cacheable), so a session read finds nothing; one
    # written would set a cookie. Either way the page is the same for every visitor.
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not keys.cacheable(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-store"
            return response
        key = self._key(request)
        stored = self._read(key) if key else None
        if stored is not None:
            return self._rebuild(stored)
        response = self.get_response(request)
        if _storable(request, response):
            public_cache_control(response)
            set_response_etag(response)
            response["X-Page-Cache"] = MISS
            if key:
                self._write(key, response)
        elif not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response

    @staticmethod
    def _key(request):
        try:
            return keys.page_key(request, generation())
        except Exception:
            logger.warning("Page cache unavailable; serving uncached", exc_info=True)
            return None

    @staticmethod
    def _read(key):
        try:
            return cache.get(key)
        except Exception:
            logger.warning("Page cache read failed; serving uncached", exc_info=True)
            return None

    @staticmethod
    def _write(key, response):
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        headers["Cache-Control"] = response["Cache-Control"]
        headers["Vary"] = response["Vary"]
        headers["ETag"] = response["ETag"]
        try:
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Page cache write failed", exc_info=True)

    @staticmethod
    def _rebuild(stored):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = HIT
        return response
