"""The four phases of mediation the seed policy names, derived from what a case records.

- 案前调解 (before_case): a mediation with no arbitration case yet (stage "pre_case");
- 裁前调解 (before_award): the dispute is pending at arbitration;
- 诉前委派 (before_filing): delegated by a court before filing, or the award was issued and
  the applicant is about to sue;
- 诉中委托 (in_litigation): entrusted by a court during litigation, or already in court.
A court referral's kind decides over the stage the applicant gave. Setup-help requests have
no phase.
"""

from django.db.models import Case as Choose
from django.db.models import CharField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from cases.choices import ApplicationType, DisputeStage

PHASES = (
    ("before_case", _("Before an arbitration case (案前调解)")),
    ("before_award", _("Before the arbitral award (裁前调解)")),
    ("before_filing", _("Court-delegated, before filing (诉前委派)")),
    ("in_litigation", _("Court-entrusted, during litigation (诉中委托)")),
)


def phase_q(phase: str, prefix: str = "") -> Q:
    def q(**lookups):
        return Q(**{prefix + key: value for key, value in lookups.items()})

    no_referral = q(referral__isnull=True, application_type=ApplicationType.MEDIATION)
    if phase == "before_case":
        return no_referral & q(dispute_stage=DisputeStage.PRE_CASE)
    if phase == "before_award":
        return no_referral & q(dispute_stage=DisputeStage.ARBITRATION_PENDING)
    if phase == "before_filing":
        return q(referral__kind="court_delegated") | (
            no_referral & q(dispute_stage=DisputeStage.AWARD_ISSUED)
        )
    if phase == "in_litigation":
        return q(referral__kind="court_entrusted") | (
            no_referral & q(dispute_stage=DisputeStage.IN_LITIGATION)
        )
    raise ValueError(phase)


def phase_expression(prefix: str = ""):
    """The phase as a database expression ("" for none), for grouping."""
    return Choose(
        *(When(phase_q(code, prefix), then=Value(code)) for code, _label in PHASES),
        default=Value(""),
        output_field=CharField(),
    )
