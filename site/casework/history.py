"""A case's history for staff: every CaseEvent and every audit entry, in time order.

Events are the handling record (some of them public in the applicant's tracking); audit
entries are who viewed personal data, downloaded, printed, exported or acted. Two queries.
"""

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from cases.choices import CaseStatus
from casework.actions import ACTIONS
from casework.documents import DOCUMENTS
from casework.models import AuditEntry
from casework.services import personal_data

EVENTS, AUDIT = "events", "audit"
FILTERS = {"": _("Everything"), EVENTS: _("Handling record"), AUDIT: _("Access and audit log")}


def _who(user) -> str:
    if user is None:
        return gettext_now("System")
    return user.get_full_name() or user.get_username()


def _status_label(value: str) -> str:
    try:
        return str(CaseStatus(value).label)
    except ValueError:
        return value


def audit_detail(entry: AuditEntry, evidence_names: dict[int, str]) -> str:
    """The entry's detail in words; details name what was touched, never the data."""
    detail = entry.detail or ""
    if entry.action in (AuditEntry.Action.TRANSITION, AuditEntry.Action.TRANSFER):
        name, _sep, change = detail.partition(":")
        action = ACTIONS.get(name.strip())
        if action is None:
            return detail
        before, _arrow, after = change.partition("→")
        text = str(action.label)
        if before.strip() and after.strip() and before.strip() != after.strip():
            text += f"（{_status_label(before.strip())} → {_status_label(after.strip())}）"
        return text
    if entry.action == AuditEntry.Action.REVEAL:
        return str(personal_data.REVEALABLE.get(detail, detail))
    if entry.action == AuditEntry.Action.DOWNLOAD and detail.startswith("evidence:"):
        number, _space, name = detail.split(":", 1)[1].partition(" ")
        if number.isdigit() and int(number) in evidence_names:
            return evidence_names[int(number)]
        return name or detail
    if entry.action == AuditEntry.Action.PRINT and detail in DOCUMENTS:
        return str(DOCUMENTS[detail].title)
    return _coded_detail(detail)


# Details our code writes in a fixed English form (casework/services/referral_tokens.py,
# casework/views/referrals.py), shown in words; their data (a token's prefix and name, a
# row count) are kept as they are, the export's filter query is not shown.
TOKEN_DETAILS = (
    ("issued ", _("Token issued: %(token)s")),
    ("revoked ", _("Token revoked: %(token)s")),
)
EXPORT_PREFIX = "court feedback xlsx: "


def _coded_detail(detail: str) -> str:
    for prefix, words in TOKEN_DETAILS:
        if detail.startswith(prefix):
            return str(words) % {"token": detail.removeprefix(prefix)}
    if detail.startswith(EXPORT_PREFIX):
        rows = detail.removeprefix(EXPORT_PREFIX).split(" ", 1)[0]
        if rows.isdigit():
            return str(_("Court feedback workbook exported: %(rows)s rows")) % {"rows": rows}
    return detail


def timeline(case, evidence_names: dict[int, str], show: str = "") -> list[dict]:
    entries = []
    if show in ("", EVENTS):
        for event in case.events.select_related("actor", "agency"):
            title = event.get_kind_display()
            if event.status:
                title = f"{title}：{event.get_status_display()}"
            entries.append(
                {
                    "kind": EVENTS,
                    "at": event.created_at,
                    "title": title,
                    "actor": _who(event.actor) if event.actor_id else "",
                    "agency": event.agency.short_name if event.agency else "",
                    "public_note": event.public_note if event.is_public else "",
                    "staff_note": event.staff_note,
                    "is_public": event.is_public,
                    "order": (event.created_at, 0, event.pk),
                }
            )
    if show in ("", AUDIT):
        for entry in case.audit_entries.select_related("actor"):
            entries.append(
                {
                    "kind": AUDIT,
                    "at": entry.created_at,
                    "title": entry.get_action_display(),
                    "actor": _who(entry.actor),
                    "agency": "",
                    "public_note": "",
                    "staff_note": audit_detail(entry, evidence_names),
                    "is_public": False,
                    "order": (entry.created_at, 1, entry.pk),
                }
            )
    entries.sort(key=lambda item: item["order"])
    return entries
