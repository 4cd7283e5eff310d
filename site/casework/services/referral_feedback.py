"""What a court is told about a referred case (反馈): one description for the API and the
XLSX export. Built from a queryset with everything joined: a constant number of queries
however many referrals are listed."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.choices import CaseStatus
from cases.fact_sheet import dispute_facts
from cases.models import Case
from casework.models import AgreementTerm


def with_feedback(queryset):
    return (
        queryset.filter(referral__isnull=False)
        .select_related("referral__court", "agency", "organization", "mediator", "outcome")
        .prefetch_related("outcome__terms")
    )


def for_court(court):
    return with_feedback(Case.objects.filter(referral__court=court))


def _outcome(case):
    try:
        return case.outcome
    except ObjectDoesNotExist:
        return None


def _moment(value):
    return timezone.localtime(value).isoformat() if value else None


def _amount(value) -> str:
    return f"{value:,.2f}"


def term_line(term: AgreementTerm) -> str:
    details = []
    if term.amount is not None:
        details.append(_("amount %(amount)s yuan") % {"amount": _amount(term.amount)})
    if term.due_date:
        details.append(_("by %(date)s") % {"date": term.due_date.isoformat()})
    if term.payment_method != AgreementTerm.PaymentMethod.NONE:
        details.append(term.get_payment_method_display())
    line = f"{term.number}. {term.text}"
    return f"{line}（{'，'.join(str(d) for d in details)}）" if details else line


def terms_summary(terms) -> str:
    return "；".join(term_line(term) for term in terms)


def describe(case: Case) -> dict:
    referral = case.referral
    outcome = _outcome(case)
    terms = list(outcome.terms.all()) if outcome and outcome.kind == CaseStatus.AGREEMENT else []
    return {
        "reference": case.reference,
        "court": referral.court.code,
        "court_case_number": referral.court_case_number,
        "kind": referral.kind,
        "procedure": referral.procedure or None,
        "status": case.status,
        "status_label": str(case.get_status_display()),
        "agency": {"code": case.agency.code, "name": case.agency.name},
        "organization": case.organization.name if case.organization else None,
        "mediator": case.mediator.name if case.mediator else None,
        "outcome": (
            {
                "kind": outcome.kind,
                "label": str(CaseStatus(outcome.kind).label)
                if outcome.kind in CaseStatus.values
                else outcome.kind,
                "summary": outcome.summary,
            }
            if outcome
            else None
        ),
        "agreement_terms": [
            {
                "number": term.number,
                "text": term.text,
                "amount": str(term.amount) if term.amount is not None else None,
                "due_date": term.due_date.isoformat() if term.due_date else None,
                "payment_method": term.payment_method,
            }
            for term in terms
        ],
        "terms_summary": terms_summary(terms),
        "dates": {
            "received": _moment(referral.received_at),
            "accepted": _moment(case.accepted_at),
            "outcome": _moment(outcome.decided_at) if outcome else None,
            "closed": _moment(case.closed_at),
        },
        "feedback_due": case.feedback_due.isoformat() if case.feedback_due else None,
        "updated_at": _moment(case.updated_at),
        "dispute": _dispute(case),
    }


def _dispute(case) -> dict:
    """The applicant's fact sheet (cases.fact_sheet), the same the arbitration draft uses."""
    facts = dispute_facts(case)
    amount = facts["amount_claimed"]
    return {**facts, "amount_claimed": str(amount) if amount is not None else None}
