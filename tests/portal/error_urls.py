"""The site's URLs plus views that fail on purpose, to exercise the error handlers."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def raise_error(exception):
    def view(request):
        raise exception

    return view


failing = [
    ("bad-request/", SuspiciousOperation("bad")),
    ("forbidden/", PermissionDenied()),
    ("crash/", RuntimeError("boom")),
    ("locked/", OperationalError("database is locked")),
]
urlpatterns = [
    *[path(f"fail/{name}", raise_error(error)) for name, error in failing],
    *[path(f"api/v1/fail/{name}", raise_error(error)) for name, error in failing],
    *urlpatterns,
]
