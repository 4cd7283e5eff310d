"""The case state machine's vocabulary (ADR 0014): roles, status groups, and `Action`.

An `Action` is the one declaration of a workflow action (casework/actions/): the statuses
it starts from, the status it leads to (None: unchanged), the roles that may run it, the
application types it applies to, and how it runs: its handler (the business rules and side
effects), its form, whether the handler writes the case's timeline entry itself, how the
audit log names it, and the message shown when it is done. `services/actions.perform` runs
any action; the case page offers `casework.actions.available(case, role)`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext

from cases.choices import ApplicationType as T
from cases.choices import CaseStatus as S

HANDLER, HEAD, ADMIN = "handler", "head", "admin"
STAFF = frozenset({HANDLER, HEAD, ADMIN})
SENIOR = frozenset({HEAD, ADMIN})
MEDIATION = frozenset({T.MEDIATION})
SETUP = frozenset({T.UNION_SETUP, T.COMMITTEE_SETUP})
ALL_TYPES = MEDIATION | SETUP
OPEN = frozenset({S.SUBMITTED, S.ACCEPTED, S.IN_MEDIATION, S.IN_PROGRESS})
ENDED = frozenset({S.AGREEMENT, S.NO_AGREEMENT, S.WITHDRAWN, S.REJECTED, S.COMPLETED})


@dataclass(frozen=True)
class Action:
    name: str
    label: object
    sources: frozenset
    target: str | None = None
    roles: frozenset = STAFF
    types: frozenset = ALL_TYPES
    public: bool = True  # its timeline entry is shown to the applicant
    tells_applicant: bool = False  # the applicant gets an SMS (and email) about it
    style: str = ""  # "warning" for actions that end or hand away a case
    # How it runs: handler(case, user, data) -> {"public", "staff", "notice"} texts; the
    # form that collects `data`; the handler writes the timeline entry itself (True) or
    # perform() writes the standard one; the audit log's action; the success message.
    handler: Callable | None = None
    form: type | None = None
    writes_own_event: bool = False
    audit_action: str = "transition"
    done: object = ""
    # offered(case) -> bool: whether the case page offers it now (None: whenever allowed).
    # Only hides a button; the handler still refuses what its rules forbid.
    offered: Callable | None = None

    def allows(self, case, role) -> bool:
        return (
            role in self.roles
            and case.status in self.sources
            and case.application_type in self.types
        )


def refusal_reason(action: Action, case, role) -> str:
    """Why `action` cannot run now, in words for the staff member."""
    if role is None:
        return gettext("You do not have access to this case.")
    if case.application_type not in action.types:
        return gettext("This action does not apply to this type of application.")
    if role not in action.roles:
        return gettext("Your role does not allow this action; ask the head of your agency.")
    return gettext("This action is not possible while the case is “%(status)s”.") % {
        "status": case.get_status_display()
    }
