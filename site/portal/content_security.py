"""Content-Security-Policy (django-csp 4, ADRs 0036 and 0043).

Public pages get a strict policy: everything from this site only (the site serves its own
static files, no CDN: ADR 0019), no inline script, no plugins, no framing, forms post only
here. The admin gets the same for scripts: its own files plus inline scripts carrying the
session's nonce, which `admin_nonces.AdminScriptNonceMiddleware` writes into the script
tags Wagtail's widgets render inline (date pickers, choosers, inline panels). Inline
event handlers, `javascript:` URLs and eval stay refused everywhere. Inline styles are
allowed in the admin only (Wagtail positions menus with style attributes).
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

from . import admin_nonces

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
ADMIN = {
    **STRICT,
    "script-src": [SELF, NONCE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "media-src": [SELF, "blob:"],
    # The admin frames its own previews.
    "frame-ancestors": [SELF],
}
ADMIN_PREFIX = "/admin/"


def is_admin(request) -> bool:
    return request.path_info.startswith(ADMIN_PREFIX)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def _make_nonce(self, request) -> str:
        if not is_admin(request):
            return super()._make_nonce(request)
        stored = getattr(request, "_csp_nonce", None)
        if not isinstance(stored, str):
            stored = admin_nonces.nonce_for(request)
            request._csp_nonce = stored
        return stored

    def process_response(self, request, response):
        if is_admin(request):
            str(request.csp_nonce)  # the admin policy always names its nonce
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            parts.config = None
        else:
            parts.config = ADMIN if is_admin(request) else STRICT
        return parts
