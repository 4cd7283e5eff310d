"""What every workflow action's handler shares: the refusal, required data, the one outcome
a case may have, and how people and places are named in the history."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.timeliness import outcome_facts
from casework.models import CaseOutcome, CourtReferral

ARBITRATION_ADVICE = gettext_lazy(
    "You may apply to the labor dispute arbitration commission for arbitration. The time limit "
    "for applying is one year from the day you knew or should have known your rights were "
    "infringed (Labor Dispute Mediation and Arbitration Law, art. 27)."
)
REFUSAL_ADVICE = gettext_lazy(
    "The respondent did not agree to mediation, and mediation is voluntary, so the mediation "
    "has ended. You may apply to the labor dispute arbitration commission for arbitration now, "
    "without waiting for the mediation period (Labor Dispute Mediation and Arbitration Law, "
    "art. 5). The time limit for applying is one year from the day you knew or should have "
    "known your rights were infringed (art. 27)."
)


class ActionRefused(Exception):
    def __init__(self, message: str, stale: bool = False):
        super().__init__(message)
        self.message = message
        self.stale = stale  # True: someone else changed the case first


def required(data, key, message):
    value = data.get(key)
    if value in (None, "", [], ()):
        raise ActionRefused(message)
    return value


def record_outcome(case, user, kind, summary, advice=""):
    if CaseOutcome.objects.filter(case=case).exists():
        raise ActionRefused(_("This case already has an outcome."))
    decided_at = timezone.now()
    referred = CourtReferral.objects.filter(case=case).exists()
    return CaseOutcome.objects.create(
        case=case,
        kind=kind,
        summary=summary,
        advice=advice,
        decided_at=decided_at,
        decided_by=user,
        **outcome_facts(case, kind, decided_at, referred=referred),
    )


def display(value) -> str:
    if value is None:
        return _("nobody")
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.get_username()
    return str(value)
