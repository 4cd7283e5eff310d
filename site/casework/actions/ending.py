"""Ending a case: the applicant withdraws; a senior closes an ended case."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.choices import CaseStatus as S
from casework.forms.actions import CloseForm, WithdrawForm
from casework.services.action_rules import record_outcome, required
from casework.workflow import ENDED, OPEN, SENIOR, Action


def withdraw(case, user, data):
    summary = required(data, "summary", _("Record how and when the applicant withdrew."))
    record_outcome(case, user, S.WITHDRAWN, summary)
    return {"staff": summary}


def close(case, user, data):
    case.closed_at = timezone.now()
    return {"staff": data.get("note", "")}


WITHDRAW = Action(
    "withdraw",
    gettext_lazy("Record withdrawal"),
    OPEN,
    S.WITHDRAWN,
    style="warning",
    tells_applicant=True,
    handler=withdraw,
    form=WithdrawForm,
    done=gettext_lazy("The withdrawal was recorded."),
)
CLOSE = Action(
    "close",
    gettext_lazy("Close the case"),
    ENDED,
    S.CLOSED,
    SENIOR,
    handler=close,
    form=CloseForm,
    done=gettext_lazy("The case was closed."),
)
