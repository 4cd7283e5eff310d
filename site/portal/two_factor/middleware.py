"""Until the second factor is verified, the admin is the verify step (ADR 0037).

After OTPMiddleware (request.user.is_verified()). A signed-in user with a confirmed
device who has not given a code in this session is sent to the verify step from every
admin URL; one who must use a second factor (policy.is_required) and has none is sent to
enrolment. Outside the admin such a user is anonymous (documents and pages restricted to
signed-in users stay closed; the API uses tokens anyway). The sign-in, sign-out and
password-reset pages and the two steps themselves stay open.

Whether the user has a device is looked up at sign-in and kept in the session (written
with the sign-in's own session save; updated whenever this session enrols, turns it off
or finds it reset), so an admin page costs no extra query, the first one included. A
device enrolled in another browser counts there from its next sign-in.
"""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.utils.http import urlencode

from portal.two_factor import devices, policy

ADMIN = "/admin/"
OPEN = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/sprite/",  # the icons every admin page fetches, the two steps included
    "/admin/two-factor/verify/",
    "/admin/two-factor/enrol/",
)
VERIFY = "/admin/two-factor/verify/"
ENROL = "/admin/two-factor/enrol/"


SESSION_KEY = "two_factor_device"


def has_device(request) -> bool:
    known = request.session.get(SESSION_KEY)
    if known is None:
        known = remember(request, devices.is_enrolled(request.user))
    return known


def remember(request, value: bool) -> bool:
    request.session[SESSION_KEY] = value
    return value


def look_up_at_sign_in(sender, request, user, **kwargs):
    """On sign-in (user_logged_in): whether this user has a device, kept for the session."""
    if request is not None and hasattr(request, "session"):
        remember(request, devices.is_enrolled(user))


def _to(step, request):
    return redirect(f"{step}?{urlencode({'next': request.get_full_path()})}")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info  # without any SCRIPT_NAME prefix, as URL resolving sees it
        user = request.user
        if user.is_authenticated and not user.is_verified() and owes_a_code(request, user):
            if path.startswith(ADMIN) and not path.startswith(OPEN):
                return _to(VERIFY if has_device(request) else ENROL, request)
            if not path.startswith(ADMIN):
                # Outside the admin a password alone signs in nobody: documents and pages
                # kept for signed-in users stay closed until the code is given.
                request.user = AnonymousUser()
        return self.get_response(request)


def owes_a_code(request, user) -> bool:
    return has_device(request) or policy.is_required(user)
