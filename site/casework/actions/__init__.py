"""Every workflow action, each declared once in the module of its stage (ADR 0014, 0025).

To add an action: write its handler and form, declare its `Action` beside the handler, and
list it in `ACTIONS` below (the order is the order the case page offers them). Nothing
else names actions: `services.actions.perform` runs any of them, the action page shows its
form and its `done` message, the history names it by its label.
"""

from casework.actions.assignment import ASSIGN
from casework.actions.consent import RECORD_CONSENT, RECORD_REFUSAL
from casework.actions.ending import CLOSE, WITHDRAW
from casework.actions.intake import ACCEPT, DECLINE, TRANSFER
from casework.actions.mediation import (
    EXTEND,
    RECORD_AGREEMENT,
    RECORD_MINUTES,
    RECORD_NO_AGREEMENT,
    SCHEDULE_SESSION,
)
from casework.actions.setup_help import COMPLETE, START_WORK
from casework.workflow import Action

ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        ACCEPT,
        DECLINE,
        TRANSFER,
        ASSIGN,
        RECORD_CONSENT,
        SCHEDULE_SESSION,
        RECORD_MINUTES,
        EXTEND,
        RECORD_AGREEMENT,
        RECORD_NO_AGREEMENT,
        RECORD_REFUSAL,
        START_WORK,
        COMPLETE,
        WITHDRAW,
        CLOSE,
    ]
}


def available(case, role) -> list[Action]:
    if role is None:
        return []
    return [
        action
        for action in ACTIONS.values()
        if action.allows(case, role) and (action.offered is None or action.offered(case))
    ]
