"""Staff sessions end after STAFF_IDLE_MINUTES without a request (ADR 0035).

A signed-in user's last activity is kept in the session (set on sign-in, rewritten at most
once a minute, not on every request); a request after a longer pause signs the user out
and sends them to the sign-in page, which says why. Anonymous sessions (the application
forms) are not affected: their data lives for SESSION_COOKIE_AGE and is purged by
clearsessions.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _

KEY = "staff_last_seen"
REWRITE_AFTER = 60  # seconds


def start_clock(sender, request, user, **kwargs):
    """On sign-in (user_logged_in): the clock starts with the session, written with it."""
    if request is not None and hasattr(request, "session"):
        request.session[KEY] = int(time.time())


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(KEY)
            if last is not None and now - last > settings.STAFF_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)s minutes without activity.")
                    % {"minutes": settings.STAFF_IDLE_MINUTES},
                )
                return redirect(f"/admin/login/?{urlencode({'next': request.get_full_path()})}")
            if last is None or now - last >= REWRITE_AFTER:
                request.session[KEY] = now
        return self.get_response(request)
