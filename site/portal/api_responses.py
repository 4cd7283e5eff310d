"""Every answer under /api/ is JSON in the API's documented shape `{"detail", "errors"}`.

The endpoints answer their own errors; this middleware catches what reaches a client from
elsewhere: Django's redirect to add a slash (an unknown API path would otherwise be sent
to the site's pages), 404 for unknown paths, 405 for a wrong method, and any error page a
handler rendered as HTML. Outermost in MIDDLEWARE, so it sees every response last.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from portal.errors import API_PREFIX, api_error

DOCS = ("/api/v1/docs",)
# Kept from the response being replaced: what the client must know, and the security
# headers the inner middleware set (CSP, Permissions-Policy, nosniff, ...).
KEPT_HEADERS = (
    "Allow",
    "Retry-After",
    "WWW-Authenticate",
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
)


def _messages():
    return {
        400: _("The request could not be understood."),
        401: _("Authentication is required."),
        403: _("You do not have permission for this request."),
        404: _("There is nothing at this address."),
        405: _("This address does not accept this request method."),
        413: _("The request is too large."),
        415: _("Send the request body as JSON (Content-Type: application/json)."),
        429: _("Too many attempts. Please try again later."),
        500: _("Something went wrong on our side."),
        503: _("The service is busy. Please try again in a moment."),
    }


class ApiJsonMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or request.path.startswith(DOCS):
            return response
        if response.status_code in (301, 302, 307, 308):
            # Only the slash-appending redirect reaches here: no API endpoint redirects.
            return kept(response, api_error(404, _messages()[404]))
        if response.status_code < 400 or isinstance(response, JsonResponse):
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        status = response.status_code
        return kept(response, api_error(status, _messages().get(status, _messages()[400])))


def kept(original, replacement):
    for header in KEPT_HEADERS:
        if header in original:
            replacement[header] = original[header]
    return replacement
