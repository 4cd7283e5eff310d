"""The statistics in the admin (/admin/statistics/): the page, its exports, the monthly
reports. Thin: the form validates the filters, `reporting.report` computes."""

import datetime
import re
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from directory.permissions import is_center_admin
from reporting import exports, report, workbooks
from reporting.access import agency_choices, reader_agencies
from reporting.filters import StatisticsFilterForm
from reporting.models import MonthlyReport

LABELLED_FILTERS = ("region", "agency", "agency_kind", "application_type", "phase", "channel")


def filter_form(request):
    agency_ids = reader_agencies(request.user)
    form = StatisticsFilterForm(request.GET, agencies=agency_choices(agency_ids))
    return form, agency_ids


def filter_labels(form) -> dict:
    labels = {}
    for name in LABELLED_FILTERS:
        value = form.cleaned_data.get(name)
        if not value:
            continue
        field = form.fields[name]
        text = str(value) if name == "agency" else str(dict(field.choices).get(value, value))
        labels[str(field.label)] = text
    return labels


def _errors(form) -> list[tuple[str, str]]:
    """(anchor, message) for the error summary."""
    errors = []
    for name, messages in form.errors.items():
        anchor = f"#id_{name}" if name in form.fields else ""
        errors.extend((anchor, message) for message in messages)
    return errors


def refused(request, form, extra=None):
    context = {"form": form, "is_center_admin": is_center_admin(request.user)}
    context["errors"] = _errors(form) + ([("", extra)] if extra else [])
    return render(request, "reporting/statistics.html", context, status=400)


def statistics(request):
    """One section of the report at a time (its tab); every figure has its own export."""
    form, agency_ids = filter_form(request)
    context = {"form": form, "is_center_admin": is_center_admin(request.user)}
    key = request.GET.get("section") or report.SECTIONS[0][0]
    if not form.is_valid():
        return refused(request, form)
    if key not in report.SECTION_KEYS:
        return refused(request, form, _("Choose a section from the list."))
    filters = form.filters(agency_ids)
    query = urlencode(filters.as_query())
    context.update(
        section=report.section(filters, key),
        tabs=[
            {
                "key": name,
                "title": title,
                "query": f"{query}&section={name}",
                "current": name == key,
            }
            for name, title, _figures in report.SECTIONS
        ],
        description=exports.describe(filters, filter_labels(form)),
        query=query,
        own_agencies_only=agency_ids is not None,
        workbooks=workbooks.recent(request.user),
    )
    return render(request, "reporting/statistics.html", context)


def export(request):
    form, agency_ids = filter_form(request)
    fmt = request.GET.get("format", "")
    key = request.GET.get("table", "")
    if not form.is_valid():
        return refused(request, form)
    if fmt not in exports.FORMATS:
        return refused(request, form, _("Choose CSV or XLSX for the download."))
    filters = form.filters(agency_ids)
    heading = exports.describe(filters, filter_labels(form))
    if key not in report.TABLE_SECTIONS:
        raise Http404  # every table at once: reporting.workbooks
    content = exports.table_file(report.table(filters, key), fmt, heading)
    response = HttpResponse(content, content_type=exports.FORMATS[fmt])
    name = exports.filename(key, filters, fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _center_admin(request):
    if not is_center_admin(request.user):
        raise PermissionDenied


def monthly_reports(request):
    _center_admin(request)
    reports = MonthlyReport.objects.order_by("-month")
    return render(request, "reporting/monthly_reports.html", {"reports": reports})


REPORT_FILE = re.compile(r"^(\d{4})-(\d{2})\.(html|xlsx)$")


def monthly_report(request, filename):
    _center_admin(request)
    match = REPORT_FILE.match(filename)
    if not match or not 1 <= int(match[2]) <= 12:
        raise Http404
    fmt = match[3]
    month = datetime.date(int(match[1]), int(match[2]), 1)
    record = get_object_or_404(MonthlyReport, month=month)
    if fmt == "html":
        return HttpResponse(record.summary_html)
    response = FileResponse(
        record.workbook.open("rb"),
        as_attachment=True,
        filename=f"monthly-report-{record.month:%Y-%m}.xlsx",
        content_type=exports.FORMATS["xlsx"],
    )
    response["Cache-Control"] = "private, no-store"
    return response
