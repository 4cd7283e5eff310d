"""/rate/<token>/: the applicant rates a case that ended, once, without logging in. A
forged, expired or used link answers a friendly page and stores nothing."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from applications.forms.satisfaction import RatingForm
from cases.services import satisfaction

from .limits import limit_body

REFUSED_STATUS = {"invalid": 404, "expired": 410, "used": 409}


def _refused(request, reason):
    response = render(
        request,
        "applications/rate_refused.html",
        {"reason": reason},
        status=REFUSED_STATUS[reason],
    )
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@limit_body("TRACK_MAX_BODY_BYTES")
def rate(request, token):
    try:
        case = satisfaction.case_for(token)
    except satisfaction.LinkRefused as refused:
        return _refused(request, refused.reason)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            satisfaction.record(
                case, data["overall"], data["timeliness"], data["fairness"], data["comment"]
            )
        except satisfaction.LinkRefused as refused:
            return _refused(request, refused.reason)
        response = render(request, "applications/rate_thanks.html", {"case": case})
    else:
        status = 400 if form.errors else 200
        response = render(
            request, "applications/rate.html", {"form": form, "case": case}, status=status
        )
    response["Cache-Control"] = "no-store"
    return response
