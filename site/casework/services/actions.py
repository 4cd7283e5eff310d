"""Run a workflow action on a case: check, change, record, all or nothing (ADR 0014).

`perform(case, name, user, data, version)` is the only way casework changes a case. It
refuses with `ActionRefused` (a message for the staff member, nothing changed) when the
action is not legal for the status, type or the user's role, when the business rules of
the action are not met, or when someone else changed the case since `version` was read.
`data` is what the action's form cleaned (casework/forms.py); the rules that do not depend
on a form (e.g. a transfer to one's own agency) are checked here so every door shares them.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.choices import CaseStatus
from applications.models import Case, CaseEvent
from casework import deadlines, permissions, workflow
from casework.models import AgreementTerm, AuditEntry, CaseOutcome, MediationSession
from casework.services import applicant_notices, audit, transfer_notices

logger = logging.getLogger(__name__)


class ActionRefused(Exception):
    def __init__(self, message: str, stale: bool = False):
        super().__init__(message)
        self.message = message
        self.stale = stale  # True: someone else changed the case first


def perform(case: Case, name: str, user, data: dict | None = None, version: int | None = None):
    action = workflow.ACTIONS.get(name)
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
        note = HANDLERS[name](fresh, user, data)
        if action.target:
            fresh.status = action.target
        fresh.version += 1
        deadlines.refresh(fresh)
        fresh.save()
        if name not in EVENT_WRITTEN_BY_HANDLER:
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
            AuditEntry.Action.TRANSFER if name == "transfer" else AuditEntry.Action.TRANSITION,
            case=fresh,
            detail=f"{name}: {previous_status} → {fresh.status}",
        )
        if action.tells_applicant:
            applicant_notices.plan(fresh, name, note.get("notice") or note.get("public") or "")
    logger.info("case %s: %s by user %s", fresh.reference, name, user.pk)
    case.__dict__.update(fresh.__dict__)
    return fresh


def _required(data, key, message):
    value = data.get(key)
    if value in (None, "", [], ()):
        raise ActionRefused(message)
    return value


def _accept(case, user, data):
    case.accepted_at = timezone.now()
    if not case.assigned_to_id and permissions.role_on(user, case) != permissions.ADMIN:
        case.assigned_to = user
    return {"public": data.get("public_note", ""), "staff": data.get("note", "")}


def _outcome(case, user, kind, summary, advice=""):
    if CaseOutcome.objects.filter(case=case).exists():
        raise ActionRefused(_("This case already has an outcome."))
    return CaseOutcome.objects.create(
        case=case,
        kind=kind,
        summary=summary,
        advice=advice,
        decided_at=timezone.now(),
        decided_by=user,
    )


def _decline(case, user, data):
    reason = _required(data, "reason", _("Give the reason for not accepting the application."))
    advice = _required(data, "advice", _("Tell the applicant where to go instead."))
    _outcome(case, user, CaseStatus.REJECTED, reason, advice)
    return {"public": f"{reason} {advice}", "staff": data.get("note", "")}


def _transfer(case, user, data):
    target = _required(data, "agency", _("Choose the agency to transfer the case to."))
    reason = _required(data, "reason", _("Give the reason for the transfer."))
    if target.pk == case.agency_id:
        raise ActionRefused(_("The case is already with this agency; choose another one."))
    sender = case.agency
    case.agency = target
    case.arrived_at = timezone.now()
    case.accepted_at = None
    case.assigned_to = None
    case.mediator = None
    case.organization = None
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.TRANSFERRED,
        status=CaseStatus.SUBMITTED,
        agency=target,
        is_public=True,
        staff_note=_("From %(sender)s to %(receiver)s: %(reason)s")
        % {"sender": sender.name, "receiver": target.name, "reason": reason},
        actor=user,
    )
    transfer_notices.plan(case, sender, target, reason)
    return {"notice": _("Now handled by %(agency)s.") % {"agency": target.name}}


def _assign(case, user, data):
    changes = []
    if "assigned_to" in data:
        handler = data["assigned_to"]
        if handler is not None and permissions.role_on(handler, case) not in ("handler", "head"):
            raise ActionRefused(_("The handler must be a staff member of the case's agency."))
        case.assigned_to = handler
        changes.append(_("handler: %(name)s") % {"name": _display(handler)})
    if "mediator" in data:
        case.mediator = data["mediator"]
        changes.append(_("mediator: %(name)s") % {"name": _display(data["mediator"])})
    if "organization" in data:
        case.organization = data["organization"]
        changes.append(_("organization: %(name)s") % {"name": _display(data["organization"])})
    if not changes:
        raise ActionRefused(_("Choose a handler, a mediator or an organization."))
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.ASSIGNED,
        agency=case.agency,
        staff_note="; ".join(changes),
        actor=user,
    )
    return {}


def _display(value) -> str:
    if value is None:
        return _("nobody")
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.get_username()
    return str(value)


def _schedule_session(case, user, data):
    starts_at = _required(data, "starts_at", _("Give the time of the session."))
    place = _required(data, "place", _("Give the place, or the online meeting details."))
    MediationSession.objects.create(
        case=case,
        starts_at=starts_at,
        is_online=bool(data.get("is_online")),
        place=place,
        created_by=user,
    )
    when = timezone.localtime(starts_at).strftime("%Y-%m-%d %H:%M")
    notice = _("Mediation session: %(when)s, %(place)s") % {"when": when, "place": place}
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.SESSION,
        status=CaseStatus.IN_MEDIATION if case.status != CaseStatus.IN_MEDIATION else "",
        agency=case.agency,
        is_public=True,
        public_note=notice[:300],
        actor=user,
    )
    return {"notice": notice}


def _record_minutes(case, user, data):
    session = _required(data, "session", _("Choose the session."))
    minutes = _required(data, "minutes", _("Write the minutes of the session."))
    if session.case_id != case.pk:
        raise ActionRefused(_("That session belongs to another case."))
    session.minutes = minutes
    session.minutes_recorded_at = timezone.now()
    session.save(update_fields=["minutes", "minutes_recorded_at"])
    return {
        "staff": _("Minutes recorded for the session of %(when)s")
        % {"when": timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")}
    }


def _extend(case, user, data):
    days = _required(data, "days", _("Give the number of days."))
    if not data.get("parties_agreed"):
        raise ActionRefused(_("The period can only be extended when both parties agree."))
    case.mediation_extension_days += days
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.EXTENDED,
        agency=case.agency,
        is_public=True,
        public_note=_("Both parties agreed to extend mediation by %(days)s days.") % {"days": days},
        staff_note=data.get("note", ""),
        actor=user,
    )
    return {}


def _record_agreement(case, user, data):
    terms = data.get("terms") or []
    terms = [term for term in terms if (term.get("text") or "").strip()]
    if not terms:
        raise ActionRefused(_("An agreement needs at least one term."))
    outcome = _outcome(case, user, CaseStatus.AGREEMENT, data.get("summary", ""))
    AgreementTerm.objects.bulk_create(
        [
            AgreementTerm(
                outcome=outcome,
                number=number,
                text=term["text"].strip(),
                amount=term.get("amount"),
                due_date=term.get("due_date"),
                payment_method=term.get("payment_method") or AgreementTerm.PaymentMethod.NONE,
            )
            for number, term in enumerate(terms, start=1)
        ]
    )
    return {"staff": data.get("summary", "")}


ARBITRATION_ADVICE = _(
    "You may apply to the labor dispute arbitration commission for arbitration. The time limit "
    "for applying is one year from the day you knew or should have known your rights were "
    "infringed (Labor Dispute Mediation and Arbitration Law, art. 27)."
)


def _record_no_agreement(case, user, data):
    summary = _required(data, "summary", _("Summarize why no agreement was reached."))
    advice = data.get("advice") or str(ARBITRATION_ADVICE)
    _outcome(case, user, CaseStatus.NO_AGREEMENT, summary, advice)
    return {"public": advice, "staff": summary}


def _withdraw(case, user, data):
    summary = _required(data, "summary", _("Record how and when the applicant withdrew."))
    _outcome(case, user, CaseStatus.WITHDRAWN, summary)
    return {"staff": summary}


def _start_work(case, user, data):
    return {"public": data.get("public_note", ""), "staff": data.get("note", "")}


def _complete(case, user, data):
    summary = _required(data, "summary", _("Summarize the help given."))
    _outcome(case, user, CaseStatus.COMPLETED, summary)
    return {"staff": summary}


def _close(case, user, data):
    case.closed_at = timezone.now()
    return {"staff": data.get("note", "")}


HANDLERS = {
    "accept": _accept,
    "decline": _decline,
    "transfer": _transfer,
    "assign": _assign,
    "schedule_session": _schedule_session,
    "record_minutes": _record_minutes,
    "extend": _extend,
    "record_agreement": _record_agreement,
    "record_no_agreement": _record_no_agreement,
    "withdraw": _withdraw,
    "start_work": _start_work,
    "complete": _complete,
    "close": _close,
}
EVENT_WRITTEN_BY_HANDLER = {"transfer", "assign", "schedule_session", "extend"}
