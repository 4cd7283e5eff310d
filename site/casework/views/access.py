"""Refuse a casework page with a real 403 (Wagtail turns PermissionDenied in the admin into a
redirect to the dashboard, which hides the refusal from clients and tests alike)."""

from functools import wraps

from django.shortcuts import render


def forbidden(request):
    return render(request, "casework/access_denied.html", status=403)


def allowed_if(test):
    """Serve the view only to users for whom `test(user)` is true; others get a 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not test(request.user):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
