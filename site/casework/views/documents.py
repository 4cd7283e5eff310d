"""Print-ready A4 documents generated from a case: the mediation agreement (调解协议书) and
the acceptance / decline notices. Full party details are printed, so every opening is
permission-checked and logged (AuditEntry PRINT)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from cases.choices import CaseStatus
from cases.fact_sheet import fact_sheet
from casework import permissions
from casework.documents import DOCUMENTS, document_context
from casework.models import AuditEntry
from casework.services import audit


def document(request, reference, kind):
    spec = DOCUMENTS.get(kind)
    if spec is None:
        raise Http404
    queryset = permissions.visible_cases(request.user).select_related(
        "agency", "organization", "mediator"
    )
    case = permissions.get_case_or_404(request.user, reference, queryset)
    if not spec.available(case):
        raise Http404
    audit.record(request.user, AuditEntry.Action.PRINT, case=case, detail=kind)
    context = document_context(case)
    if kind == "arbitration_application":
        context.update(fact_sheet(case, masked=False))  # staff see the case's data anyway
    context.update({"document": spec, "printed_on": timezone.localdate(), "CaseStatus": CaseStatus})
    return render(request, spec.template, context)
