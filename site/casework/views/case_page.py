"""One case at /admin/cases/<reference>/: answers, parties (masked), evidence, routing,
clocks, sessions, outcome, documents, history and the actions the user may take now.

`get_case_or_404` (casework.permissions) decides who may see it: another agency's case
answers 404. The page costs a fixed number of queries whatever the case's history length.
"""

from django.shortcuts import render
from django.urls import reverse

from cases import deadlines
from cases.choices import ApplicationType, CaseStatus
from cases.models import Case
from cases.services import repeat_applicants
from casework import answers, documents, history, permissions
from casework.actions import available

CASE_RELATIONS = (
    "agency",
    "assigned_to",
    "mediator",
    "organization",
    "preferred_organization",
    "referral__court",
    "outcome__decided_by",
    "satisfaction",
)


def load_case(user, reference) -> Case:
    return permissions.get_case_or_404(
        user, reference, Case.objects.select_related(*CASE_RELATIONS)
    )


def _related(case, name):
    try:
        return getattr(case, name)
    except Exception:  # RelatedObjectDoesNotExist: the case has none
        return None


def document_links(case, outcome, terms) -> list[dict]:
    """The printable documents the case offers now (casework/documents.py decides)."""
    return [
        {
            "kind": document.kind,
            "label": document.title,
            "url": reverse("casework:document", args=[case.reference, document.kind]),
        }
        for document in documents.available_documents(case, outcome, bool(terms))
    ]


def case_context(request, case, revealed=None) -> dict:
    user = request.user
    role = permissions.role_on(user, case)
    outcome = _related(case, "outcome")
    terms = list(outcome.terms.all()) if outcome is not None else []
    evidence = list(case.evidence.all())
    file_names = {item.pk: item.original_name for item in evidence}
    is_mediation = case.application_type == ApplicationType.MEDIATION
    show = request.GET.get("history", "")
    if show not in history.FILTERS:
        show = ""
    return {
        "case": case,
        "role": role,
        "referral": _related(case, "referral"),
        "same_applicant": repeat_applicants.same_applicant(case, permissions.visible_cases(user)),
        "rating": _related(case, "satisfaction"),
        "outcome": outcome,
        "outcome_label": CaseStatus(outcome.kind).label if outcome is not None else "",
        "terms": terms,
        "sections": answers.sections(case, revealed),
        "revealed": revealed or {},
        "evidence": evidence,
        "sessions": list(case.sessions.all()) if is_mediation else [],
        "consents": list(case.consents.select_related("recorded_by")) if is_mediation else [],
        "clocks": [
            {"clock": clock, "days": abs(clock.days_left or 0)} for clock in deadlines.clocks(case)
        ],
        "may_apply_for_arbitration": deadlines.may_apply_for_arbitration(case),
        "is_mediation": is_mediation,
        "actions": [
            {
                "action": action,
                "url": reverse("casework:action", args=[case.reference, action.name]),
            }
            for action in available(case, role)
        ],
        "documents": document_links(case, outcome, terms),
        "timeline": history.timeline(case, file_names, show),
        "history_filters": list(history.FILTERS.items()),
        "history_shown": show,
    }


def case_page(request, reference):
    case = load_case(request.user, reference)
    return render(request, "casework/case.html", case_context(request, case))
