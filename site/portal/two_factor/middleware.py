"""Until the second factor is verified, the admin is the verify step (ADR 0037).

After OTPMiddleware (request.user.is_verified()). A signed-in user with a confirmed
device who has not given a code in this session is sent to the verify step from every
admin URL; one who must use a second factor (policy.is_required) and has none is sent to
enrolment. Public pages and the API (/api/, tokens) are not affected; nor are the
sign-in, sign-out and password-reset pages and the two steps themselves.
"""

from django.shortcuts import redirect
from django.utils.http import urlencode

from portal.two_factor import devices, policy

ADMIN = "/admin/"
OPEN = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/jsi18n/",
    "/admin/two-factor/verify/",
    "/admin/two-factor/enrol/",
)
VERIFY = "/admin/two-factor/verify/"
ENROL = "/admin/two-factor/enrol/"


def _to(step, request):
    return redirect(f"{step}?{urlencode({'next': request.get_full_path()})}")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith(ADMIN) and not path.startswith(OPEN):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                if devices.is_enrolled(user):
                    return _to(VERIFY, request)
                if policy.is_required(user):
                    return _to(ENROL, request)
        return self.get_response(request)
