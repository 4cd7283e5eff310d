"""Which documents a case can print, and what they say about the parties and the outcome.

Each document is declared once: its title (also the link on the case page), its template
and the rule for when a case offers it. The case page and the document view both ask it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases import next_steps
from cases.choices import ApplicationType, CaseStatus, DisputeCategory, PartyKind
from casework.models import AgreementTerm, CaseOutcome
from casework.services.handling_organization import (
    handling_organization,
    offers_judicial_confirmation,
)


def _outcome(case):
    try:
        return case.outcome
    except CaseOutcome.DoesNotExist:
        return None


@dataclass(frozen=True)
class Document:
    kind: str
    title: object
    template: str
    # rule(case, outcome, has_terms) -> bool: whether the case offers this document now.
    rule: Callable

    def available(self, case, outcome=None, has_terms=None) -> bool:
        """`outcome` and `has_terms` may be passed when the caller has them loaded."""
        if outcome is None:
            outcome = _outcome(case)
        if has_terms is None:
            has_terms = outcome is not None and outcome.terms.exists()
        return self.rule(case, outcome, has_terms)


def _accepted(case, outcome, has_terms) -> bool:
    return case.accepted_at is not None


def _declined(case, outcome, has_terms) -> bool:
    return outcome is not None and outcome.kind == CaseStatus.REJECTED


def _agreed(case, outcome, has_terms) -> bool:
    return (
        case.application_type == ApplicationType.MEDIATION
        and outcome is not None
        and outcome.kind == CaseStatus.AGREEMENT
        and has_terms
    )


def _mediation(case, outcome, has_terms) -> bool:
    """The draft arbitration application: staff may print it for any mediation, on request."""
    return case.application_type == ApplicationType.MEDIATION


DOCUMENTS = {
    document.kind: document
    for document in (
        Document(
            "agreement",
            _("Labor dispute mediation agreement"),
            "casework/documents/agreement.html",
            _agreed,
        ),
        Document(
            "acceptance",
            _("Notice of acceptance"),
            "casework/documents/acceptance_notice.html",
            _accepted,
        ),
        Document(
            "arbitration_application",
            _("Draft application for arbitration"),
            "casework/documents/arbitration_application.html",
            _mediation,
        ),
        Document(
            "decline",
            _("Notice of non-acceptance"),
            "casework/documents/decline_notice.html",
            _declined,
        ),
    )
}


OPENINGS = {
    False: _(
        "Your application for %(type)s submitted on %(date)s has been examined and is accepted."
    ),
    True: _(
        "Your application for %(type)s submitted on %(date)s has been examined and is not accepted."
    ),
}


def available_documents(case, outcome=None, has_terms=None) -> list[Document]:
    return [
        document for document in DOCUMENTS.values() if document.available(case, outcome, has_terms)
    ]


def _party(answers: dict, section: str, fallback_name: str = "") -> dict:
    party = dict(answers.get(section) or {})
    party.setdefault("name", fallback_name)
    party["is_worker"] = party.get("kind") == PartyKind.WORKER
    party.update(_born_and_sex(party.get("id_number") or ""))
    return party


def _born_and_sex(id_number: str) -> dict:
    """A person's sex and date of birth, as an agreement states them, read from the 18-digit
    resident ID number (digits 7-14: birth date; digit 17: odd for men, even for women)."""
    if len(id_number) != 18 or not id_number[:17].isdigit():
        return {}
    try:
        born = datetime.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return {}
    return {"born_on": born, "sex": _("Male") if int(id_number[16]) % 2 else _("Female")}


def performance(terms) -> list[str]:
    """When and how each term is performed ("履行期限和方式"), one sentence per term: its due
    date (none: once the agreement takes effect) and how any amount is paid."""
    lines = []
    for term in terms:
        parts = [
            gettext("Term %(number)s") % {"number": term.number},
            gettext("to be performed by %(date)s")
            % {"date": f"{term.due_date.year}年{term.due_date.month}月{term.due_date.day}日"}
            if term.due_date
            else gettext("to be performed once this agreement takes effect"),
        ]
        if term.payment_method != AgreementTerm.PaymentMethod.NONE:
            method = term.get_payment_method_display()
            if term.amount is not None:
                parts.append(
                    gettext("%(amount)s yuan paid by %(method)s")
                    % {"amount": term.amount, "method": method}
                )
            else:
                parts.append(gettext("paid by %(method)s") % {"method": method})
        lines.append(parts)
    return lines


def document_context(case) -> dict:
    answers = case.answers or {}
    applicant = _party(answers, "applicant", case.applicant_name)
    applicant.setdefault("phone", case.applicant_phone)
    if case.application_type != ApplicationType.MEDIATION:
        enterprise = answers.get("enterprise") or {}
        applicant = {
            "name": enterprise.get("name", case.applicant_name),
            "credit_code": enterprise.get("credit_code", ""),
            "contact_name": enterprise.get("contact_name", ""),
            "phone": case.applicant_phone,
            "address": enterprise.get("address", ""),
            "is_worker": False,
        }
    dispute = answers.get("dispute") or {}
    labels = dict(DisputeCategory.choices)
    outcome = _outcome(case)
    terms = list(outcome.terms.all()) if outcome else []
    organization = handling_organization(case)
    submitted_on = timezone.localdate(case.submitted_at)
    values = {
        "type": case.get_application_type_display(),
        "date": f"{submitted_on.year}年{submitted_on.month}月{submitted_on.day}日",
    }
    return {
        "opening": str(OPENINGS[case.status == CaseStatus.REJECTED]) % values,
        "case": case,
        "applicant": applicant,
        "respondent": _party(answers, "respondent", case.respondent_name),
        "dispute": dispute,
        "categories": [str(labels.get(item, item)) for item in case.categories],
        "outcome": outcome,
        "terms": terms,
        # The 调解组织 that handled the case; agreements recorded before ADR 0046 may have
        # none, and keep the agency's name.
        "organization": organization,
        "organization_name": organization.name if organization else case.agency.name,
        "judicial_confirmation": offers_judicial_confirmation(organization),
        # 支付令 (art. 16) covers pay, work-injury medical costs, economic compensation and
        # damages: the "pay" category; other agreements do not offer it.
        "payment_order": DisputeCategory.PAY in (case.categories or []),
        "performance": performance(terms),
        "accepted_on": timezone.localdate(case.accepted_at) if case.accepted_at else None,
        "submitted_on": submitted_on,
        "decided_on": timezone.localdate(outcome.decided_at) if outcome else None,
        # The two clocks, each for what it is (cases/next_steps.py).
        "clocks": next_steps.public_clocks(case),
    }
