from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .display_mode import COOKIE_MAX_AGE, MODES, STANDARD


@csrf_exempt
@require_POST
def set_display_mode(request):
    """Switch the large-text mode with a plain form post, so it works without JavaScript.

    Exempt from CSRF: it only sets a display preference (a forged post can do no more than
    enlarge someone's text), and a token in the toggle on every page would make every
    public page personal and uncacheable (home/page_cache)."""
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
