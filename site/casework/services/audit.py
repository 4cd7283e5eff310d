"""Write the audit log. Details name what was touched, never the personal data itself."""

from casework.models import AuditEntry


def record(actor, action: str, case=None, detail: str = "", agency=None) -> AuditEntry:
    if agency is None and case is not None:
        agency = case.agency
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        case=case,
        agency=agency,
        detail=detail[:200],
    )
