from django.conf import settings

from .display_mode import LARGE, mode_from_request


def display_mode(request):
    mode = mode_from_request(request)
    return {"display_mode": mode, "large_text": mode == LARGE}


def instance(request):
    """Whether this is a demonstration instance (`make run`): every page says so."""
    return {"demo_instance": settings.DEMO_INSTANCE}
