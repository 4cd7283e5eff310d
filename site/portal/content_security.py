"""Content-Security-Policy (django-csp 4, ADR 0036).

Public pages get a strict policy: everything from this site only (the site serves its own
static files, no CDN: ADR 0019), no inline script, no plugins, no framing, forms post only
here. Wagtail's admin still needs inline scripts and styles in places (wagtail/wagtail
#7053), so under /admin/ the enforced policy keeps what cannot break it (no plugins, no
framing by others, no foreign <base>, forms post only here) and the strict policy is sent
as report-only, so a violation shows in the browser's console without breaking the page.
"""

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts

STRICT = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
ADMIN_ENFORCED = {
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # The admin frames its own previews.
    "frame-ancestors": [SELF],
}
ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin = request.path_info.startswith(ADMIN_PREFIX)
        if report_only:
            parts.config = STRICT if admin else None
        else:
            parts.config = ADMIN_ENFORCED if admin else STRICT
        return parts
