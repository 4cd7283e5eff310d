"""Masking of personal data in staff views, and the logged reveal of one value."""

from django.utils.translation import gettext_lazy as _

from cases.privacy import mask_id_number, mask_phone, mask_text
from casework.models import AuditEntry
from casework.services import audit

__all__ = ["mask", "mask_id_number", "mask_phone", "mask_text", "lookup", "reveal"]

# Paths into Case.answers (and the one column) that hold personal data worth masking.
REVEALABLE = {
    "applicant.id_number": _("applicant's ID number"),
    "applicant.phone": _("applicant's mobile"),
    "applicant.email": _("applicant's email"),
    "applicant.address": _("applicant's address"),
    "respondent.id_number": _("respondent's ID number"),
    "respondent.phone": _("respondent's mobile"),
    "respondent.address": _("respondent's address"),
    "enterprise.phone": _("contact mobile"),
    "respondent.email": _("respondent's email"),
    "enterprise.email": _("contact email"),
}


def mask(path: str, value) -> str:
    value = "" if value is None else str(value)
    field = path.rsplit(".", 1)[-1]
    if field == "id_number":
        return mask_id_number(value)
    if field == "phone":
        return mask_phone(value)
    return mask_text(value)


def lookup(case, path: str):
    section, field = path.split(".", 1)
    if path == "applicant.phone":
        return case.applicant_phone
    return ((case.answers or {}).get(section) or {}).get(field)


def reveal(user, case, path: str) -> str:
    """The unmasked value of `path`, logged. Unknown paths raise KeyError."""
    if path not in REVEALABLE:
        raise KeyError(path)
    value = lookup(case, path)
    audit.record(user, AuditEntry.Action.REVEAL, case=case, detail=path)
    return "" if value is None else str(value)
