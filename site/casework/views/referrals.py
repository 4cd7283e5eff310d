"""Court referrals in the admin: the list of the user's visible referral cases, the XLSX
feedback export for the court platform, and registering a referral by hand."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases import deadlines
from cases.choices import ApplicationType, CaseStatus
from cases.services.submission import Application
from casework import permissions
from casework.forms.intake_sections import IntakeSections, error_list
from casework.forms.referral import ReferralListFilterForm, ReferralRegistrationForm
from casework.models import AuditEntry
from casework.services import audit, exports, referrals
from casework.views.access import allowed_if
from directory.models import Agency

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PER_PAGE = 50


def _filtered(request):
    form = ReferralListFilterForm(request.GET or None)
    cases = permissions.visible_cases(request.user).filter(referral__isnull=False)
    if form.is_valid():
        cases = form.filter(cases)
    return form, cases


@allowed_if(permissions.is_case_staff)
def referral_list(request):
    form, cases = _filtered(request)
    page = Paginator(
        cases.select_related("referral__court", "agency").order_by("feedback_due", "pk"),
        PER_PAGE,
    ).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "casework/referrals/list.html",
        {
            "form": form,
            "errors": error_list(form) if form.is_bound and not form.is_valid() else [],
            "page": page,
            "query": query.urlencode(),
            "today": deadlines.today(),
            "may_register": referrals.may_register(request.user),
            "open_statuses": [CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION],
        },
    )


@allowed_if(permissions.is_case_staff)
def referral_export(request):
    form, cases = _filtered(request)
    content, count = exports.feedback_xlsx(cases)
    agency_ids = permissions.case_agency_ids(request.user)
    audit.record(
        request.user,
        AuditEntry.Action.EXPORT,
        detail=f"court feedback xlsx: {count} rows {request.GET.urlencode()}"[:200],
        # The exporting agency, so center admins can filter the log by it.
        agency=Agency.objects.get(pk=agency_ids.pop()) if len(agency_ids) == 1 else None,
    )
    filename = f"court-feedback-{timezone.localdate():%Y%m%d}.xlsx"
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@allowed_if(referrals.may_register)
@require_http_methods(["GET", "POST"])
def register_referral(request):
    allowed = referrals.courts_for(request.user)
    data = request.POST if request.method == "POST" else None
    form = ReferralRegistrationForm(
        data,
        courts_allowed=allowed,
        initial={"received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")},
    )
    sections = IntakeSections(data, with_stage=False)
    if request.method == "POST" and form.is_valid() & sections.is_valid():
        return _register(request, form, sections)
    return render(
        request,
        "casework/referrals/register.html",
        {
            "form": form,
            "sections": sections,
            "errors": error_list(form, *sections.forms) if request.method == "POST" else [],
        },
    )


def _register(request, form, sections):
    data = dict(form.cleaned_data)
    region = data.pop("region")
    parts = sections.cleaned()
    parts["dispute"]["stage"] = referrals.DEFAULT_STAGE[data["kind"]]
    parts["dispute"].setdefault("arbitration_case_number", "")
    application = Application(
        application_type=ApplicationType.MEDIATION,
        region=region,
        applicant=parts["applicant"],
        respondent=parts["respondent"],
        dispute=parts["dispute"],
    )
    case, created = referrals.register(referrals.Referral(**data), application, request.user)
    if created:
        messages.success(
            request,
            _("Registered as case %(reference)s and sent to %(agency)s.")
            % {"reference": case.reference, "agency": case.agency.name},
        )
    else:
        messages.warning(
            request,
            _(
                "This court case number was already registered as case %(reference)s "
                "(%(agency)s); nothing new was created."
            )
            % {"reference": case.reference, "agency": case.agency.name},
        )
    if permissions.can_view(request.user, case):
        return redirect("casework:case", case.reference)
    return redirect(reverse("casework:referral_register"))
