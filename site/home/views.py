from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .display_mode import COOKIE_MAX_AGE, MODES, STANDARD


@require_POST
def set_display_mode(request):
    """Switch the large-text mode with a plain form post, so it works without JavaScript."""
    mode = request.POST.get("mode", STANDARD)
    if mode not in MODES:
        mode = STANDARD
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.DISPLAY_MODE_COOKIE,
        mode,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response
