"""The large-text / high-contrast display mode (适老化) chosen by a visitor."""

from django.conf import settings

STANDARD = "standard"
LARGE = "large"
MODES = (STANDARD, LARGE)
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def mode_from_request(request) -> str:
    value = request.COOKIES.get(settings.DISPLAY_MODE_COOKIE, STANDARD)
    return value if value in MODES else STANDARD
