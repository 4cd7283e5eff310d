"""The confirmation page after a submission: the reference, who handles it, what happens
next, and three ways not to lose the reference (SMS it again, print, save as a file).

Only the browser that submitted sees it: the reference is read from its session, never
from the URL."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from applications.services import reference_sms
from applications.wizard.definitions import WIZARDS
from cases import next_steps
from cases.models import Case
from personal_data.masks import mask_phone

from .limits import too_many

SMS_RESULT = "apply:done:sms:{slug}"


def _submitted_case(request, slug):
    if slug not in WIZARDS:
        raise Http404
    reference = request.session.get(f"apply:done:{slug}")
    if not reference:
        return None
    return Case.objects.select_related("agency", "organization").filter(reference=reference).first()


@never_cache
def done(request, slug):
    case = _submitted_case(request, slug)
    if case is None:
        return redirect("applications:start", slug=slug)
    return render(
        request,
        "applications/done.html",
        {
            "wizard": WIZARDS[slug],
            "case": case,
            "enterprise": case.answers.get("enterprise") or {},
            "next_steps": next_steps.with_links(next_steps.next_steps(case)),
            "masked_phone": mask_phone(case.applicant_phone),
            "sms_result": request.session.pop(SMS_RESULT.format(slug=slug), ""),
        },
    )


@require_POST
def send_reference(request, slug):
    case = _submitted_case(request, slug)
    if case is None:
        return redirect("applications:start", slug=slug)
    if not reference_sms.allowed(request, case):
        return too_many(request)
    reference_sms.send(case)
    request.session[SMS_RESULT.format(slug=slug)] = "sent"
    return redirect("applications:done", slug=slug)


@never_cache
def receipt(request, slug):
    """The confirmation as a plain-text file to keep (no personal data but the reference)."""
    case = _submitted_case(request, slug)
    if case is None:
        return redirect("applications:start", slug=slug)
    text = render_to_string(
        "applications/receipt.txt",
        {
            "wizard": WIZARDS[slug],
            "case": case,
            "track_url": request.build_absolute_uri(reverse("applications:track")),
            "next_steps": next_steps.as_text(next_steps.next_steps(case)),
        },
    )
    response = HttpResponse(text.replace("\n", "\r\n"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.txt"'
    return response
