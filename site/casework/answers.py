"""A case's structured answers as staff read them: labelled rows per section, with personal
data masked (and revealable, one logged value at a time: services/personal_data.py)."""

from django.utils.translation import gettext_lazy as _

from cases.choices import (
    ApplicationType,
    DisputeCategory,
    DisputeStage,
    PartyKind,
    UnionStatus,
)
from casework.services import personal_data

PARTY_FIELDS = (
    ("kind", _("Party kind"), dict(PartyKind.choices)),
    ("name", _("Name"), None),
    ("id_number", _("Resident ID number"), None),
    ("credit_code", _("Unified social credit code"), None),
    ("legal_representative", _("Legal representative"), None),
    ("contact_name", _("Contact person"), None),
    ("phone", _("Phone"), None),
    ("landline", _("Office landline"), None),
    ("email", _("Email"), None),
    ("address", _("Address"), None),
)
DISPUTE_FIELDS = (
    ("stage", _("Dispute stage"), dict(DisputeStage.choices)),
    ("arbitration_case_number", _("Arbitration case number"), None),
    ("court_case_number", _("Court case number"), None),
    ("case_number_unknown_reason", _("Why the case number is not known yet"), None),
    ("employment_start", _("Employment start date"), None),
    ("employment_end", _("Employment end date"), None),
    ("categories", _("Dispute categories"), dict(DisputeCategory.choices)),
    ("amount_claimed", _("Amount claimed (yuan)"), None),
    ("workers_involved", _("Workers involved"), None),
    ("representative", _("Representative of the workers"), None),
    ("claims", _("Claims"), None),
    ("facts", _("Facts and reasons"), None),
)
ENTERPRISE_FIELDS = (
    ("name", _("Enterprise name"), None),
    ("credit_code", _("Unified social credit code"), None),
    ("address", _("Address"), None),
    ("industry", _("Industry"), None),
    ("employee_count", _("Number of employees"), None),
    ("union_status", _("Union at the enterprise"), dict(UnionStatus.choices)),
    ("has_union", _("Has a trade union"), None),
    ("has_mediation_committee", _("Has a mediation committee"), None),
    ("contact_name", _("Contact person"), None),
    ("phone", _("Mobile number"), None),
    ("landline", _("Office landline"), None),
    ("email", _("Email"), None),
    ("questions", _("Questions"), None),
)
SECTIONS = {
    ApplicationType.MEDIATION: (
        ("applicant", _("Applicant"), PARTY_FIELDS),
        ("respondent", _("Respondent"), PARTY_FIELDS),
        ("dispute", _("The dispute"), DISPUTE_FIELDS),
    ),
    ApplicationType.UNION_SETUP: (("enterprise", _("Enterprise"), ENTERPRISE_FIELDS),),
    ApplicationType.COMMITTEE_SETUP: (("enterprise", _("Enterprise"), ENTERPRISE_FIELDS),),
}


def _display(value, choices) -> str:
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, (list, tuple)):
        return "；".join(str(choices.get(item, item)) if choices else str(item) for item in value)
    if choices:
        return str(choices.get(value, value))
    return str(value)


def sections(case, revealed: dict | None = None) -> list[dict]:
    """[{key, title, rows: [{label, value, path, masked}]}]; empty answers are left out.
    `revealed` maps paths to values this request revealed (shown instead of the mask)."""
    revealed = revealed or {}
    answers = case.answers or {}
    result = []
    for key, title, fields in SECTIONS.get(case.application_type, ()):
        data = answers.get(key) or {}
        rows = []
        for name, label, choices in fields:
            path = f"{key}.{name}"
            if path == "applicant.phone":
                value = personal_data.lookup(case, path)
            else:
                value = data.get(name)
            if value in (None, "", [], ()):
                continue
            row = {"label": label, "path": path, "masked": False}
            if path in personal_data.REVEALABLE and path not in revealed:
                row.update(value=personal_data.mask(path, value), masked=True)
            else:
                row["value"] = revealed.get(path) or _display(value, choices)
            rows.append(row)
        if rows:
            result.append({"key": key, "title": title, "rows": rows})
    return result
