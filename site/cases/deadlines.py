"""The legal clocks of a case (docs/architecture.md, "Legal clocks") and their state.

Stored on the case (`acceptance_due`, `mediation_due`, `feedback_due`, `next_due`) so
queues can filter and sort 100,000 cases in the database; `refresh()` recomputes them after
every change, `clocks()` describes them for the case page.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import ApplicationType, CaseStatus, DisputeStage
from cases.working_days import add_days, add_working_days

OUTCOME_STATUSES = {
    CaseStatus.AGREEMENT,
    CaseStatus.NO_AGREEMENT,
    CaseStatus.WITHDRAWN,
    CaseStatus.REJECTED,
    CaseStatus.COMPLETED,
    CaseStatus.CLOSED,
}
# 15 days twice: from receipt, the applicant's way to arbitration (劳动争议调解仲裁法 art. 14);
# from acceptance, the organization's working limit (企业劳动争议协商调解规定).
MEDIATION_DAYS = 15
OPEN_MEDIATION_STATUSES = (CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION)
DELEGATED_FEEDBACK_DAYS = 30  # the seed document; 特邀调解规定 art. 27
ENTRUSTED_DAYS = {"ordinary": 15, "simple": 7}  # 特邀调解规定 art. 27


def _local_date(moment) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def today() -> datetime.date:
    return timezone.localdate()


def due_soon_days() -> int:
    return getattr(settings, "CASE_DUE_SOON_DAYS", 3)


def acceptance_due(case) -> datetime.date | None:
    start = _local_date(case.arrived_at or case.submitted_at or timezone.now())
    if start is None:
        return None
    if case.application_type == ApplicationType.MEDIATION:
        return add_working_days(start, settings.CASE_ACCEPTANCE_WORKING_DAYS)
    return add_working_days(start, settings.CASE_SETUP_RESPONSE_WORKING_DAYS)


def received_on(case) -> datetime.date:
    """The day the handling organization received the application (art. 14 counts from it)."""
    moment = case.arrived_at or case.submitted_at or timezone.now()
    return timezone.localdate(moment)


def counts_art_14(case) -> bool:
    """Art. 14's clock is the way to arbitration from mediation before any case is filed;
    with arbitration or a court case under way it does not apply."""
    return case.application_type == ApplicationType.MEDIATION and case.dispute_stage in (
        "",
        DisputeStage.PRE_CASE,
    )


def arbitration_open_after(case) -> datetime.date | None:
    """The last day of art. 14's 15 days from receipt (moved off a rest day or holiday): with
    no agreement by the end of it, a party may apply for arbitration. None for applications
    that are not mediation."""
    if case.application_type != ApplicationType.MEDIATION:
        return None
    return add_days(received_on(case), MEDIATION_DAYS)


def mediation_due(case) -> datetime.date | None:
    """The organization's working limit: 15 days from acceptance, longer only by the
    extension both parties agreed to (企业劳动争议协商调解规定). Not the applicant's art. 14
    clock, which runs from receipt (`arbitration_open_after`)."""
    if case.application_type != ApplicationType.MEDIATION or not case.accepted_at:
        return None
    return add_days(_local_date(case.accepted_at), MEDIATION_DAYS + case.mediation_extension_days)


def feedback_due(referral) -> datetime.date | None:
    if referral is None:
        return None
    if referral.kind == "court_delegated":
        days = DELEGATED_FEEDBACK_DAYS
    else:
        days = ENTRUSTED_DAYS.get(referral.procedure or "ordinary", ENTRUSTED_DAYS["ordinary"])
    return add_days(_local_date(referral.received_at), days)


def _referral_of(case):
    try:
        return case.referral
    except ObjectDoesNotExist:  # not a court referral
        return None


def refresh(case, referral=None) -> list[str]:
    """Recompute the stored clocks; returns the names of the fields to save."""
    referral = referral or _referral_of(case)
    case.acceptance_due = acceptance_due(case)
    case.mediation_due = mediation_due(case)
    case.feedback_due = feedback_due(referral)
    case.next_due = next_due(case)
    return ["acceptance_due", "mediation_due", "feedback_due", "next_due"]


def initial(case) -> dict:
    """The clocks of a case about to be created (no referral yet, status submitted)."""
    due = acceptance_due(case)
    return {"acceptance_due": due, "next_due": due}


def next_due(case) -> datetime.date | None:
    if case.status in OUTCOME_STATUSES:
        return None
    running = []
    if case.status == CaseStatus.SUBMITTED and case.acceptance_due:
        running.append(case.acceptance_due)
    if case.status in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION) and case.mediation_due:
        running.append(case.mediation_due)
    if case.feedback_due:
        running.append(case.feedback_due)
    return min(running) if running else None


@dataclass(frozen=True)
class Clock:
    name: str
    label: str
    due: datetime.date | None
    running: bool
    basis: str

    @property
    def state(self) -> str:
        """'overdue', 'due_soon', 'running', 'met' (stopped) or 'not_started'."""
        if self.due is None:
            return "not_started"
        if not self.running:
            return "met"
        if self.due < today():
            return "overdue"
        if (self.due - today()).days <= due_soon_days():
            return "due_soon"
        return "running"

    @property
    def days_left(self) -> int | None:
        return (self.due - today()).days if self.due else None


def clocks(case) -> list[Clock]:
    referral = _referral_of(case)
    result = [
        Clock(
            "acceptance",
            str(
                _("Acceptance decision")
                if case.application_type == ApplicationType.MEDIATION
                else _("First response")
            ),
            case.acceptance_due,
            case.status == CaseStatus.SUBMITTED,
            str(_("Internal service level, in working days")),
        )
    ]
    if counts_art_14(case):
        result.append(
            Clock(
                "arbitration_open",
                str(_("Applicant may go to arbitration after")),
                arbitration_open_after(case),
                case.status in OPEN_MEDIATION_STATUSES,
                str(
                    _(
                        "15 days from receipt without an agreement (Labor Dispute Mediation "
                        "and Arbitration Law, art. 14)"
                    )
                ),
            )
        )
    if case.application_type == ApplicationType.MEDIATION:
        result.append(
            Clock(
                "mediation",
                str(_("Mediation working limit")),
                case.mediation_due,
                case.status in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION),
                str(
                    _(
                        "15 days from acceptance, longer only with both parties' recorded "
                        "agreement (Provisions on Consultation and Mediation of Enterprise "
                        "Labor Disputes)"
                    )
                ),
            )
        )
    if referral is not None:
        result.append(
            Clock(
                "feedback",
                str(_("Feedback to the court")),
                case.feedback_due,
                case.status not in OUTCOME_STATUSES,
                str(_("Court referral rules (art. 27)")),
            )
        )
    return result


def may_apply_for_arbitration(case) -> bool:
    """Mediation ended without agreement, or art. 14's 15 days from receipt ran out without
    one: the parties may now apply for arbitration (劳动争议调解仲裁法 art. 14)."""
    if case.status == CaseStatus.NO_AGREEMENT:
        return True
    if counts_art_14(case):
        return case.status in OPEN_MEDIATION_STATUSES and arbitration_open_after(case) < today()
    return (
        case.status in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION)
        and case.mediation_due is not None
        and case.mediation_due < today()
    )
