"""The center-wide audit log at /admin/cases/audit/ (center admins only)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from casework.forms.audit_log import AuditLogFilterForm
from casework.forms.intake_sections import error_list
from casework.history import audit_detail
from casework.models import AuditEntry
from casework.views.access import allowed_if
from directory.permissions import is_center_admin

PER_PAGE = 50


@allowed_if(is_center_admin)
def audit_log(request):
    form = AuditLogFilterForm(request.GET or None)
    entries = AuditEntry.objects.select_related("actor", "case", "agency")
    errors = []
    if form.is_bound:
        if form.is_valid():
            entries = form.filter(entries)
        else:
            errors = error_list(form)
            entries = entries.none()
    page = Paginator(entries.order_by("-created_at", "-pk"), PER_PAGE).get_page(
        request.GET.get("p")
    )
    for entry in page:
        # In words (action and status labels), as on the case page; never the raw codes.
        entry.detail_text = audit_detail(entry, {})
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "casework/audit/log.html",
        {"form": form, "page": page, "query": query.urlencode(), "errors": errors},
    )
