"""Which requests the page cache may answer, and the key each one is stored under.

Only anonymous GETs of public paths, with query parameters from a known list, are
cacheable. Anything else (a session cookie, an Authorization header, a path that carries
forms or personal data, a parameter the site does not read, an over-long value) bypasses
the cache entirely, so junk query strings
cannot fill the cache or be answered with another page.
"""

import hashlib

from django.conf import settings
from django.utils import translation

from home.display_mode import mode_from_request

# Parameters public pages read: paging, search, the policy library's filters, the
# directory's filters. Others bypass the cache.
PARAMETERS = frozenset(
    {
        "page",
        "q",
        "type",
        "issuer",
        "year",
        "validity",
        "topic",
        "region",
        "kind",
        "category",
        "specialty",
        "quarter",
    }
)
MAX_PARAMETERS = 6
MAX_VALUE_LENGTH = 100
# Paths with forms, sessions or personal data, and what the site does not render itself.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/apply/",
    "/track/",
    "/verify/",
    "/rate/",
    "/api/",
    "/display-mode/",
    "/documents/",
    "/media/",
    "/static/",
    "/healthz",
)


def cacheable(request) -> bool:
    if request.method != "GET" or not settings.PAGE_CACHE_SECONDS:
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    if len(request.GET) > MAX_PARAMETERS:
        return False
    for name, values in request.GET.lists():
        if name not in PARAMETERS or len(values) != 1 or len(values[0]) > MAX_VALUE_LENGTH:
            return False
    return True


def page_key(request, generation: str) -> str:
    """Host, path, the parameters that matter (sorted), display mode, language, and the
    content generation: a purge changes the generation, so every old key is unreachable."""
    parameters = "&".join(f"{name}={request.GET[name]}" for name in sorted(request.GET))
    language = translation.get_language_from_request(request)
    parts = [
        request.get_host(),
        request.path,
        parameters,
        mode_from_request(request),
        language,
        "https" if request.is_secure() else "http",
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page-cache:{generation}:{digest}"
