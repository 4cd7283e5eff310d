"""/verify/ (防诈骗核验): is this number ours, is this message about a real application?
Answers reveal nothing beyond "ours (whose)" / "not ours", and "genuine, at stage X" /
"not found". Rate-limited per address and number like tracking; never cached."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from applications.forms.verify import MessageCheckForm, NumberCheckForm
from applications.services import official_numbers, ratelimit, tracking

from .limits import limit_body, too_many


@require_http_methods(["GET", "POST"])
@limit_body("TRACK_MAX_BODY_BYTES")
def verify(request):
    check = request.POST.get("check") if request.method == "POST" else None
    number_form = NumberCheckForm(request.POST if check == "number" else None, prefix="n")
    message_form = MessageCheckForm(request.POST if check == "message" else None, prefix="m")
    context = {"number_form": number_form, "message_form": message_form, "check": check}
    if check in ("number", "message"):
        key = request.POST.get("n-number" if check == "number" else "m-phone", "")[:20]
        if not ratelimit.verify_allowed(request, official_numbers.normalize(key)):
            return too_many(request)
    if check == "number" and number_form.is_valid():
        context["owners"] = official_numbers.owners(number_form.cleaned_data["number"])
        context["number_checked"] = number_form.cleaned_data["number"]
    elif check == "message" and message_form.is_valid():
        case = tracking.find(
            message_form.cleaned_data["reference"], message_form.cleaned_data["phone"]
        )
        context["message_result"] = "genuine" if case else "not_found"
        if case:
            context["stage"] = case.get_status_display()
    errors = number_form.errors or message_form.errors
    response = render(request, "applications/verify.html", context, status=400 if errors else 200)
    response["Cache-Control"] = "no-store"
    return response
