"""Which Wagtail Site answers a host, remembered per content generation.

Wagtail looks the Site up with a query on every request (`Site.find_for_request`, cached
only on the request object); sites change almost never and saving one purges the
generation. Runs after the page cache, so only for requests that render.
"""

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from home.page_cache.memo import per_generation


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # With content caching off (tests) or for the API (which never asks), Wagtail's
        # own lookup stays lazy: it runs only if something asks for the site.
        if not settings.PAGE_CACHE_SECONDS or request.path.startswith("/api/"):
            return self.get_response(request)
        try:
            hostname = split_domain_port(request.get_host())[0]
            port = request.get_port()
        except Exception:  # DisallowedHost: Django answers it further on
            return self.get_response(request)
        request._wagtail_site = per_generation(
            f"site-for:{hostname}:{port}", lambda: Site._find_for_request(request)
        )
        return self.get_response(request)
