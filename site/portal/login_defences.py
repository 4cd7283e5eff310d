"""Staff sign-in defences (ADR 0035), besides django-axes' lockout of a username at one
address after STAFF_LOGIN_FAILURES failures for STAFF_LOCKOUT_MINUTES:

- a ceiling on sign-in attempts per address (STAFF_LOGIN_RATE_LIMIT), whatever usernames
  they try: one address guessing many accounts is stopped too;
- a ceiling on password-reset requests per address (PASSWORD_RESET_RATE_LIMIT): the reset
  form mails whoever owns the address typed in, so an unthrottled form is a mail cannon;
- the pages both answer with (HTTP 429, in Chinese, saying what to do).

Counted in the shared cache (applications.services.ratelimit), so the ceilings hold across
every web worker.
"""

import ipaddress

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from applications.services.client_address import client_ip
from applications.services.ratelimit import hit

LOGIN_PATHS = ("/admin/login/",)
# The request form only: setting the new password from the mailed link is not a request.
RESET_PATHS = ("/admin/password_reset/",)


def sign_in_address(request) -> str | None:
    """The client's address for django-axes (AXES_CLIENT_IP_CALLABLE): our proxy-aware
    `client_ip`, or None when there is no valid one (a request built in code has no
    REMOTE_ADDR; PostgreSQL's inet column refuses anything but an address)."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE)."""
    minutes = settings.AXES_COOLOFF_TIME.total_seconds() // 60
    message = _(
        "Too many failed sign-ins for this account from your connection. Sign-in is paused "
        "for %(minutes)d minutes; then try again with the right password."
    ) % {"minutes": minutes}
    return render(request, "portal/staff_locked_out.html", {"message": message}, status=429)


def _throttled(request, message):
    return render(request, "portal/staff_locked_out.html", {"message": message}, status=429)


class SignInThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            if request.path in LOGIN_PATHS and not hit(
                "staff-login", {"ip": client_ip(request)}, settings.STAFF_LOGIN_RATE_LIMIT
            ):
                return _throttled(
                    request,
                    _("Too many sign-in attempts from your connection. Please wait an hour."),
                )
            if request.path in RESET_PATHS and not hit(
                "password-reset", {"ip": client_ip(request)}, settings.PASSWORD_RESET_RATE_LIMIT
            ):
                return _throttled(
                    request,
                    _(
                        "Too many password reset requests from your connection. "
                        "Please wait an hour."
                    ),
                )
        return self.get_response(request)
