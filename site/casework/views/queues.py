"""The case queues (first version: the user's visible cases; filters come with the UI)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from casework import permissions


def queue(request):
    if not permissions.is_case_staff(request.user):
        raise PermissionDenied
    cases = permissions.visible_cases(request.user).select_related("agency")[:50]
    return render(request, "casework/queue.html", {"cases": cases})
