"""Who handles a case: its handler, its mediator, its mediation organization."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import CaseEvent
from casework import permissions
from casework.forms.actions import AssignForm
from casework.services.action_rules import ActionRefused, display
from casework.workflow import OPEN, Action


def assign(case, user, data):
    changes = []
    if "assigned_to" in data:
        handler = data["assigned_to"]
        if handler is not None and permissions.role_on(handler, case) not in ("handler", "head"):
            raise ActionRefused(_("The handler must be a staff member of the case's agency."))
        case.assigned_to = handler
        changes.append(_("handler: %(name)s") % {"name": display(handler)})
    if "mediator" in data:
        case.mediator = data["mediator"]
        changes.append(_("mediator: %(name)s") % {"name": display(data["mediator"])})
    if "organization" in data:
        case.organization = data["organization"]
        changes.append(_("organization: %(name)s") % {"name": display(data["organization"])})
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


ASSIGN = Action(
    "assign",
    gettext_lazy("Assign"),
    OPEN,
    public=False,
    handler=assign,
    form=AssignForm,
    writes_own_event=True,
    done=gettext_lazy("The assignment was saved."),
)
