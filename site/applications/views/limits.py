"""Refusals shared by the form and tracking views: oversized bodies and rate limits."""

from functools import wraps

from django.conf import settings
from django.shortcuts import render


def too_many(request):
    return render(request, "applications/rate_limited.html", status=429)


def limit_body(setting_name: str):
    """Refuse a request whose declared body is larger than the setting, before reading it."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            length = request.META.get("CONTENT_LENGTH") or "0"
            try:
                size = int(length)
            except ValueError:
                size = 0
            if size > getattr(settings, setting_name):
                return render(request, "applications/too_large.html", status=413)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
