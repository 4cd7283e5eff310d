"""Record an oral application (walk-in or phone) at /admin/cases/walk-in/."""

import uuid

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from casework import permissions
from casework.forms.intake_sections import IntakeSections, error_list
from casework.forms.walk_in import WalkInForm
from casework.services import walk_in
from casework.views.access import allowed_if


@allowed_if(permissions.is_case_staff)
@require_http_methods(["GET", "POST"])
def record_walk_in(request):
    posted = request.method == "POST"
    form = WalkInForm(
        request.POST if posted else None,
        initial={
            "form_key": uuid.uuid4().hex,
            "applied_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    sections = IntakeSections(request.POST if posted else None)
    if posted and form.is_valid() & sections.is_valid():
        case, created = walk_in.record(request.user, form.cleaned_data, sections.cleaned())
        if created:
            messages.success(
                request,
                _("Oral application recorded as case %(reference)s, sent to %(agency)s.")
                % {"reference": case.reference, "agency": case.agency.name},
            )
        if permissions.can_view(request.user, case):
            return redirect("casework:case", case.reference)
        return render(request, "casework/intake/walk_in_done.html", {"case": case})
    return render(
        request,
        "casework/intake/walk_in.html",
        {
            "form": form,
            "sections": sections,
            "errors": error_list(form, *sections.forms) if posted else [],
        },
    )
