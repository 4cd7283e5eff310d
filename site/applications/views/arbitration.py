"""/track/arbitration-application/: the applicant's draft arbitration application (一次填写，
多处使用), for the case they have just tracked in this session. Personal data is masked
until they enter the one-time code sent to the application's mobile."""

import time

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from applications.services import one_time_codes
from cases import deadlines
from cases.choices import ApplicationType, CaseStatus
from cases.fact_sheet import fact_sheet
from cases.models import Case
from cases.privacy import mask_phone

TRACKED_KEY = "tracked_case"
TRACKED_MINUTES = 30


class CodeForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\d{6}$",
        label=gettext_lazy("The 6-digit code from the SMS"),
        error_messages={
            "required": gettext_lazy("Enter the code."),
            "invalid": gettext_lazy("The code is 6 digits."),
        },
    )


def remember_tracked(request, case) -> None:
    """Called by tracking: this session has just proved reference + mobile for `case`."""
    request.session[TRACKED_KEY] = {"case": case.pk, "until": time.time() + TRACKED_MINUTES * 60}


def tracked_case(request) -> Case | None:
    tracked = request.session.get(TRACKED_KEY)
    if not tracked or tracked["until"] < time.time():
        return None
    return Case.objects.select_related("agency").filter(pk=tracked["case"]).first()


def offers_draft(case) -> bool:
    return case.application_type == ApplicationType.MEDIATION


def recommends_draft(case) -> bool:
    """Mediation ended without agreement, or the 15 days of art. 14 ran out."""
    return case.status == CaseStatus.NO_AGREEMENT or deadlines.may_apply_for_arbitration(case)


@require_http_methods(["GET", "POST"])
def arbitration_application(request):
    case = tracked_case(request)
    if case is None:
        return redirect("applications:track")
    if not offers_draft(case):
        raise Http404
    form = CodeForm(request.POST if request.POST.get("action") == "confirm" else None)
    message = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "send":
            if one_time_codes.send(request, case):
                return redirect(request.path + "?sent=1")
            message, status = _("Too many codes were sent. Please wait an hour."), 429
        elif action == "confirm" and form.is_valid():
            result = one_time_codes.confirm(request, case, form.cleaned_data["code"])
            if result == "ok":
                return redirect(request.path)
            message = {
                "expired": _("The code has expired or none was sent. Send a new code."),
                "locked": _("Too many wrong codes. Send a new code."),
                "wrong": _("That code is not right. Check the SMS and try again."),
            }[result]
            form.add_error("code", message)
            status = 400
        elif form.errors:
            status = 400
    revealed = one_time_codes.revealed(request, case)
    context = fact_sheet(case, masked=not revealed)
    context.update(
        form=form,
        message=message,
        revealed=revealed,
        code_pending=one_time_codes.code_pending(request, case),
        masked_mobile=mask_phone(case.applicant_phone),
        recommended=recommends_draft(case),
    )
    response = render(request, "applications/arbitration_application.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response
