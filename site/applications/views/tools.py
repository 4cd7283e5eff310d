"""The time-limit calculator at /tools/time-limit/: a GET form, the answer on the same page
(works without JavaScript, printable). The rules are in cases.time_limits."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from applications.forms.time_limit import TimeLimitForm
from cases.time_limits import WARN_DAYS


@require_GET
def time_limit(request):
    today = timezone.localdate()
    asked = any(name in request.GET for name in TimeLimitForm.base_fields)
    form = TimeLimitForm(request.GET if asked else None, today=today)
    result = None
    if asked and form.is_valid():
        result = form.result()
    context = {"form": form, "result": result, "today": today, "warn_days": WARN_DAYS}
    return render(
        request, "applications/time_limit.html", context, status=400 if form.errors else 200
    )
