"""Asking for the workbook of every table, and downloading it (reporting.workbooks)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reporting import exports, report, workbooks
from reporting.access import reader_agencies
from reporting.models import StatisticsWorkbook
from reporting.views import filter_form, filter_labels, refused


@require_POST
def ask(request):
    """The filters come in the query string, as on the page; the CSRF token in the body."""
    form, agency_ids = filter_form(request)
    if not form.is_valid():
        return refused(request, form)
    filters = form.filters(agency_ids)
    query = filters.as_query()
    try:
        workbooks.ask(request.user, query, exports.describe(filters, filter_labels(form)))
    except workbooks.WorkbookRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("The workbook is being prepared; it appears in the list below when it is ready."),
        )
    section = request.GET.get("section", "")
    back = {**query, "section": section} if section in report.SECTION_KEYS else query
    return redirect(f"{reverse('reporting:statistics')}?{urlencode(back)}#workbooks")


def download(request, pk):
    reader_agencies(request.user)  # someone who lost their case role reads nothing
    record = get_object_or_404(
        StatisticsWorkbook,
        pk=pk,
        requested_by=request.user,
        status=StatisticsWorkbook.Status.READY,
    )
    response = FileResponse(
        record.workbook.open("rb"),
        as_attachment=True,
        filename=record.workbook.name.rsplit("/", 1)[-1],
        content_type=exports.FORMATS["xlsx"],
    )
    response["Cache-Control"] = "private, no-store"
    return response
