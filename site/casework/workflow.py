"""The case state machine, declared (DESIGN.md decision 6, ADR 0014).

Each action names the statuses it starts from, the status it leads to (None: unchanged),
the roles that may run it and the application types it applies to. `services/actions.py`
runs them (checks, side effects, audit); the case page offers `available(user, case)`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from applications.choices import ApplicationType as T
from applications.choices import CaseStatus as S

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

    def allows(self, case, role) -> bool:
        return (
            role in self.roles
            and case.status in self.sources
            and case.application_type in self.types
        )


ACTIONS = {
    action.name: action
    for action in [
        Action("accept", _("Accept"), frozenset({S.SUBMITTED}), S.ACCEPTED, tells_applicant=True),
        Action(
            "decline",
            _("Decline"),
            frozenset({S.SUBMITTED}),
            S.REJECTED,
            SENIOR,
            style="warning",
            tells_applicant=True,
        ),
        Action(
            "transfer",
            _("Transfer to another agency"),
            frozenset({S.SUBMITTED, S.ACCEPTED}),
            S.SUBMITTED,
            style="warning",
            tells_applicant=True,
        ),
        Action("assign", _("Assign"), OPEN, public=False),
        Action(
            "schedule_session",
            _("Schedule a mediation session"),
            frozenset({S.ACCEPTED, S.IN_MEDIATION}),
            S.IN_MEDIATION,
            types=MEDIATION,
            tells_applicant=True,
        ),
        Action(
            "record_minutes",
            _("Record a session's minutes"),
            frozenset({S.IN_MEDIATION}),
            types=MEDIATION,
            public=False,
        ),
        Action(
            "extend",
            _("Extend the mediation period"),
            frozenset({S.ACCEPTED, S.IN_MEDIATION}),
            types=MEDIATION,
        ),
        Action(
            "record_agreement",
            _("Record an agreement"),
            frozenset({S.ACCEPTED, S.IN_MEDIATION}),
            S.AGREEMENT,
            types=MEDIATION,
            tells_applicant=True,
        ),
        Action(
            "record_no_agreement",
            _("Record no agreement"),
            frozenset({S.ACCEPTED, S.IN_MEDIATION}),
            S.NO_AGREEMENT,
            types=MEDIATION,
            tells_applicant=True,
        ),
        Action(
            "start_work",
            _("Start work"),
            frozenset({S.ACCEPTED}),
            S.IN_PROGRESS,
            types=SETUP,
            tells_applicant=True,
        ),
        Action(
            "complete",
            _("Mark completed"),
            frozenset({S.IN_PROGRESS}),
            S.COMPLETED,
            types=SETUP,
            tells_applicant=True,
        ),
        Action(
            "withdraw",
            _("Record withdrawal"),
            OPEN,
            S.WITHDRAWN,
            style="warning",
            tells_applicant=True,
        ),
        Action("close", _("Close the case"), ENDED, S.CLOSED, SENIOR),
    ]
}


def available(case, role) -> list[Action]:
    if role is None:
        return []
    return [action for action in ACTIONS.values() if action.allows(case, role)]


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
