"""The site's error responses: styled pages in the site's look with the hotline, JSON in the
API's documented shape under /api/, never a stack trace (ADR 0021).

Django calls these handlers (`handler400` ... in portal.urls) with DEBUG off. The 500
handler also turns a database that is locked or unreachable into a 503 with Retry-After:
the request may well succeed in a moment, and saying so is more useful than "error".
A page that cannot be rendered with the site's chrome (the chrome reads the database)
falls back to a self-contained page that needs nothing but the template engine.
"""

import logging
import sys

from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 10
# The hotline as last read from the site settings, for pages shown while the database is
# unavailable (the plain page cannot ask it).
HOTLINE_CACHE_KEY = "portal:errors:hotline"


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def api_error(status: int, detail: str, headers=None) -> JsonResponse:
    response = JsonResponse(
        {"detail": detail, "errors": []},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _plain_page(status: int) -> str:
    context = {"status": status, "hotline": cache.get(HOTLINE_CACHE_KEY, "")}
    return loader.render_to_string("error_plain.html", context)


def _page(request, template_name: str, status: int, use_database=True) -> HttpResponse:
    if not use_database:
        return HttpResponse(_plain_page(status), status=status)
    try:
        from home.models import SiteSettings

        hotline = SiteSettings.for_request(request).hotline
        cache.set(HOTLINE_CACHE_KEY, hotline, None)
        body = loader.render_to_string(template_name, {"request_path": request.path}, request)
    except Exception:  # the chrome needs the database, which may be why we are here
        logger.exception("Rendering %s failed; serving the plain error page", template_name)
        body = _plain_page(status)
    return HttpResponse(body, status=status)


def _respond(request, status, template_name, api_detail, headers=None, use_database=True):
    if _is_api(request):
        return api_error(status, api_detail, headers)
    response = _page(request, template_name, status, use_database)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@requires_csrf_token
def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        # Django's own upload limit tripped before the view's: the request is too large.
        return _respond(request, 413, "400.html", _("The request is too large."))
    return _respond(request, 400, "400.html", _("The request could not be understood."))


@requires_csrf_token
def permission_denied(request, exception=None):
    return _respond(request, 403, "403.html", _("You do not have permission for this request."))


@requires_csrf_token
def page_not_found(request, exception=None):
    return _respond(request, 404, "404.html", _("There is nothing at this address."))


def database_unavailable(request):
    """503 with Retry-After: the database is locked beyond its busy timeout or unreachable."""
    return _respond(
        request,
        503,
        "503.html",
        _("The service is busy. Please try again in a moment."),
        {"Retry-After": str(RETRY_AFTER_SECONDS)},
        use_database=False,  # asking it again would wait out another busy timeout
    )


@requires_csrf_token
def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError):
        return database_unavailable(request)
    return _respond(request, 500, "500.html", _("Something went wrong on our side."))
