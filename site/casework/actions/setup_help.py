"""Helping an enterprise set up a union or a mediation committee: start, complete."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.choices import CaseStatus as S
from casework.forms.actions import CompleteForm, StartWorkForm
from casework.services.action_rules import record_outcome, required
from casework.workflow import SETUP, Action


def start_work(case, user, data):
    return {"public": data.get("public_note", ""), "staff": data.get("note", "")}


def complete(case, user, data):
    summary = required(data, "summary", _("Summarize the help given."))
    record_outcome(case, user, S.COMPLETED, summary)
    return {"staff": summary}


START_WORK = Action(
    "start_work",
    gettext_lazy("Start work"),
    frozenset({S.ACCEPTED}),
    S.IN_PROGRESS,
    types=SETUP,
    tells_applicant=True,
    handler=start_work,
    form=StartWorkForm,
    done=gettext_lazy("Work on the case has started."),
)
COMPLETE = Action(
    "complete",
    gettext_lazy("Mark completed"),
    frozenset({S.IN_PROGRESS}),
    S.COMPLETED,
    types=SETUP,
    tells_applicant=True,
    handler=complete,
    form=CompleteForm,
    done=gettext_lazy("The case was marked completed."),
)
