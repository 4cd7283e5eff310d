"""Run a workflow action on a case: check, change, record, all or nothing (ADR 0014).

`perform(case, name, user, data, version)` is the only way casework changes a case. It
refuses with `ActionRefused` (a message for the staff member, nothing changed) when the
action is not legal for the status, type or the user's role, when the business rules of
the action are not met, or when someone else changed the case since `version` was read.
`data` is what the action's form cleaned; the rules that do not depend on a form (e.g. a
transfer to one's own agency) are checked by the action's handler (casework/actions/), so
every door shares them. Each action is declared once, in casework/actions/.
"""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from cases import deadlines
from cases.models import Case, CaseEvent
from cases.services import satisfaction
from casework import permissions, workflow
from casework.actions import ACTIONS
from casework.services import applicant_notices, audit
from casework.services.action_rules import ActionRefused

__all__ = ["ActionRefused", "perform"]

logger = logging.getLogger(__name__)


def perform(case: Case, name: str, user, data: dict | None = None, version: int | None = None):
    action = ACTIONS.get(name)
    if action is None:
        raise ActionRefused(_("Unknown action."))
    data = data or {}
    with transaction.atomic():
        # Lock the row (PostgreSQL) / hold the write lock (SQLite IMMEDIATE) and re-read.
        fresh = Case.objects.select_for_update().get(pk=case.pk)
        if version is not None and fresh.version != version:
            raise ActionRefused(
                _(
                    "Someone else changed this case while you were working on it. "
                    "Your change was not saved; check the case and try again."
                ),
                stale=True,
            )
        role = permissions.role_on(user, fresh)
        if not action.allows(fresh, role):
            raise ActionRefused(workflow.refusal_reason(action, fresh, role))
        previous_status = fresh.status
        note = action.handler(fresh, user, data)
        if action.target:
            fresh.status = action.target
        fresh.version += 1
        deadlines.refresh(fresh)
        fresh.save()
        if not action.writes_own_event:
            CaseEvent.objects.create(
                case=fresh,
                kind=CaseEvent.Kind.STATUS if action.target else CaseEvent.Kind.NOTE,
                status=fresh.status if action.target != previous_status else "",
                agency=fresh.agency,
                is_public=action.public,
                public_note=(note.get("public") or "")[:300],
                staff_note=note.get("staff", ""),
                actor=user,
            )
        audit.record(
            user,
            action.audit_action,
            case=fresh,
            detail=f"{name}: {previous_status} → {fresh.status}",
        )
        if action.tells_applicant:
            applicant_notices.plan(fresh, name, note.get("notice") or note.get("public") or "")
        if fresh.status in workflow.ENDED and previous_status not in workflow.ENDED:
            satisfaction.invite(fresh)  # 满意度评价: one link to rate the case, once
    logger.info("case %s: %s by user %s", fresh.reference, name, user.pk)
    case.__dict__.update(fresh.__dict__)
    return fresh
