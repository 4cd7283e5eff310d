"""One fact sheet per case (一次填写，多处使用): the parties, claims, facts and reasons,
evidence, amounts and dates the applicant gave once, reused for the draft arbitration
application (劳动人事争议仲裁申请书), the staff's documents and the court referral feedback.

`masked=True` hides the ID number and phones (the applicant's unmasked copy needs a
one-time code sent to the application's mobile: applications/views/arbitration.py).
"""

import datetime

from django.utils import timezone

from cases.choices import ApplicationType, DisputeCategory, PartyKind
from cases.privacy import mask_id_number, mask_phone
from directory.models import Agency
from directory.regions import AgencyKind, Region


def _party(section: dict, fallback_name: str, masked: bool) -> dict:
    party = {
        "kind": section.get("kind", ""),
        "is_worker": section.get("kind") == PartyKind.WORKER,
        "name": section.get("name") or fallback_name,
        "id_number": section.get("id_number", ""),
        "credit_code": section.get("credit_code", ""),
        "legal_representative": section.get("legal_representative", ""),
        "contact_name": section.get("contact_name", ""),
        "phone": section.get("phone", ""),
        "address": section.get("address", ""),
    }
    if masked:
        party["id_number"] = mask_id_number(party["id_number"])
        party["phone"] = mask_phone(party["phone"])
    return party


def arbitration_commission(case) -> Agency | None:
    """The arbitration commission of the case's region, else the city's."""
    commissions = Agency.objects.filter(kind=AgencyKind.ARBITRATION)
    return (
        commissions.filter(region=case.region).first()
        or commissions.filter(region=Region.CITY).first()
    )


def _date(value):
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def dispute_facts(case) -> dict:
    """The dispute as the applicant stated it: claims, facts and reasons, amount, matters.
    No queries (answers and case columns only), so lists of many cases can use it."""
    dispute = (case.answers or {}).get("dispute") or {}
    labels = dict(DisputeCategory.choices)
    return {
        "claims": dispute.get("claims", ""),
        "facts": dispute.get("facts", ""),
        "amount_claimed": case.amount_claimed,
        "categories": [str(labels.get(item, item)) for item in case.categories],
    }


def fact_sheet(case, masked: bool = True) -> dict:
    answers = case.answers or {}
    dispute = answers.get("dispute") or {}
    applicant = _party(answers.get("applicant") or {}, case.applicant_name, masked)
    if not applicant["phone"]:
        applicant["phone"] = mask_phone(case.applicant_phone) if masked else case.applicant_phone
    commission = arbitration_commission(case)
    return {
        **dispute_facts(case),
        "case": case,
        "is_mediation": case.application_type == ApplicationType.MEDIATION,
        "masked": masked,
        "applicant": applicant,
        "respondent": _party(answers.get("respondent") or {}, case.respondent_name, masked),
        "workers_involved": case.workers_involved,
        "representative": dispute.get("representative", ""),
        "employment_start": _date(dispute.get("employment_start")),
        "employment_end": _date(dispute.get("employment_end")),
        "arbitration_case_number": dispute.get("arbitration_case_number", ""),
        "court_case_number": dispute.get("court_case_number", ""),
        "evidence": [item.original_name for item in case.evidence.all()],
        "commission": commission.name if commission else "",
        "submitted_on": timezone.localdate(case.submitted_at),
        "today": timezone.localdate(),
    }
