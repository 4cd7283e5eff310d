"""Deciding on an application: accept, decline, transfer to another agency."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.choices import CaseStatus as S
from cases.models import CaseEvent
from cases.timeliness import acceptance_working_days
from casework import permissions
from casework.forms.actions import AcceptForm, DeclineForm, TransferForm
from casework.models import DeclineGrounds
from casework.services import transfer_notices
from casework.services.action_rules import ActionRefused, record_outcome, required
from casework.workflow import SENIOR, Action


def accept(case, user, data):
    case.accepted_at = timezone.now()
    case.acceptance_working_days = acceptance_working_days(case)
    if not case.assigned_to_id and permissions.role_on(user, case) != permissions.ADMIN:
        case.assigned_to = user
    return {"public": data.get("public_note", ""), "staff": data.get("note", "")}


def decline(case, user, data):
    reason = required(data, "reason", _("Give the reason for not accepting the application."))
    advice = required(data, "advice", _("Tell the applicant where to go instead."))
    outcome = record_outcome(case, user, S.REJECTED, reason, advice)
    outcome.grounds = data.get("grounds") or DeclineGrounds.OTHER
    outcome.save(update_fields=["grounds"])
    return {"public": f"{reason} {advice}", "staff": data.get("note", "")}


def transfer(case, user, data):
    target = required(data, "agency", _("Choose the agency to transfer the case to."))
    reason = required(data, "reason", _("Give the reason for the transfer."))
    if target.pk == case.agency_id:
        raise ActionRefused(_("The case is already with this agency; choose another one."))
    sender = case.agency
    case.agency = target
    case.arrived_at = timezone.now()
    case.accepted_at = None
    case.acceptance_working_days = None
    case.assigned_to = None
    case.mediator = None
    case.organization = None
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.TRANSFERRED,
        status=S.SUBMITTED,
        agency=target,
        from_agency=sender,
        is_public=True,
        staff_note=_("From %(sender)s to %(receiver)s: %(reason)s")
        % {"sender": sender.name, "receiver": target.name, "reason": reason},
        actor=user,
    )
    transfer_notices.plan(case, sender, target, reason)
    return {"notice": _("Now handled by %(agency)s.") % {"agency": target.name}}


ACCEPT = Action(
    "accept",
    gettext_lazy("Accept"),
    frozenset({S.SUBMITTED}),
    S.ACCEPTED,
    tells_applicant=True,
    handler=accept,
    form=AcceptForm,
    done=gettext_lazy("The case was accepted."),
)
DECLINE = Action(
    "decline",
    gettext_lazy("Decline"),
    frozenset({S.SUBMITTED}),
    S.REJECTED,
    SENIOR,
    style="warning",
    tells_applicant=True,
    handler=decline,
    form=DeclineForm,
    done=gettext_lazy("The application was declined; the applicant can see the reason."),
)
TRANSFER = Action(
    "transfer",
    gettext_lazy("Transfer to another agency"),
    frozenset({S.SUBMITTED, S.ACCEPTED}),
    S.SUBMITTED,
    style="warning",
    tells_applicant=True,
    handler=transfer,
    form=TransferForm,
    writes_own_event=True,
    audit_action="transfer",
    done=gettext_lazy("The case was transferred; both agencies' liaisons are notified."),
)
