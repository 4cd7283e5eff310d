from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .display_mode import LARGE, mode_from_request
from .page_cache.invalidation import generation
from .site_chrome import site_chrome


def display_mode(request):
    mode = mode_from_request(request)
    return {"display_mode": mode, "large_text": mode == LARGE}


def instance(request):
    """Whether this is a demonstration instance (`make run`): every page says so."""
    return {"demo_instance": settings.DEMO_INSTANCE}


def chrome(request):
    """The footer's contact details and the menu, read only if a template uses them; and
    what fragment caching of the page's chrome varies on (base.html): the content
    generation, and how long a fragment lives (0 with the page cache off)."""
    return {
        "site_chrome": SimpleLazyObject(lambda: site_chrome(request)),
        "content_generation": SimpleLazyObject(generation),
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
    }
