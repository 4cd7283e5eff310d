"""Tracking at /track/: reference and mobile number, the same answer for any mismatch."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from applications.forms.track import TrackForm
from applications.services import ratelimit, tracking
from cases import validators

from . import arbitration
from .limits import limit_body, too_many


@require_http_methods(["GET", "POST"])
@limit_body("TRACK_MAX_BODY_BYTES")
def track(request):
    from applications.pages import section_page

    form = TrackForm(request.POST or None)
    context = {"form": form, "section": section_page("track"), "result": None, "not_found": False}
    if request.method == "POST":
        if not ratelimit.track_allowed(request, _phone_key(request.POST.get("phone", ""))):
            return too_many(request)
        if form.is_valid():
            case = tracking.find(form.cleaned_data["reference"], form.cleaned_data["phone"])
            if case is None:
                context["not_found"] = True
            else:
                context["result"] = tracking.public_view(case)
                arbitration.remember_tracked(request, case)
                context["offers_draft"] = arbitration.offers_draft(case)
                context["recommends_draft"] = arbitration.recommends_draft(case)
    response = render(request, "applications/track.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _phone_key(raw: str) -> str:
    try:
        return validators.mobile(raw)
    except ValidationError:
        return raw[:20]
