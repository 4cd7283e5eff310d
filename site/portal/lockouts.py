"""Sign-in lockouts in the admin (设置 → 登录锁定): superusers see the usernames paused at an
address (django-axes) and lift a pause at once (ADR 0035). `manage.py axes_reset_username`
does the same from a shell."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST


def _superuser(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def locked():
    return AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)


def index(request):
    _superuser(request)
    return render(request, "portal/lockouts.html", {"attempts": locked().order_by("-attempt_time")})


@require_POST
def unlock(request, pk):
    _superuser(request)
    attempt = get_object_or_404(locked(), pk=pk)
    username = attempt.username
    attempt.delete()
    messages.success(request, _("Sign-in is open again for %(username)s.") % {"username": username})
    return redirect("portal_lockouts:index")
