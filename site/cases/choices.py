"""The vocabularies of an application and a case (glossary: docs/architecture.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationType(models.TextChoices):
    MEDIATION = "mediation", _("Labor dispute mediation")
    UNION_SETUP = "union_setup", _("Help setting up a trade union")
    COMMITTEE_SETUP = "committee_setup", _("Help setting up an enterprise mediation committee")


class DisputeStage(models.TextChoices):
    PRE_CASE = "pre_case", _("No case filed yet")
    ARBITRATION_PENDING = "arbitration_pending", _("Arbitration application pending")
    AWARD_ISSUED = "award_issued", _("Arbitral award issued, I want to go to court")
    IN_LITIGATION = "in_litigation", _("Already in litigation at a court")


class DisputeCategory(models.TextChoices):
    """The six kinds of labor dispute of 劳动争议调解仲裁法 art. 2, worded for people."""

    EMPLOYMENT_RELATIONSHIP = (
        "relationship",
        _("Whether there is an employment relationship with the employer"),
    )
    CONTRACT = "contract", _("Signing, performing, changing or ending a labor contract")
    DISMISSAL = "dismissal", _("Being dismissed, removed, resigning or leaving the job")
    HOURS_AND_LEAVE = (
        "hours",
        _("Working hours, rest, holidays, social insurance, welfare, training"),
    )
    PAY = "pay", _("Unpaid wages, medical costs for work injury, compensation")
    OTHER = "other", _("Other labor disputes under laws and regulations")


class PartyKind(models.TextChoices):
    WORKER = "worker", _("Worker")
    EMPLOYER = "employer", _("Employer")


class UnionStatus(models.TextChoices):
    NONE = "none", _("No union yet")
    ORGANIZER = "organizer", _("A union organizer only")
    COMMITTEE = "committee", _("A union committee")


class CaseSource(models.TextChoices):
    ONLINE = "online", _("Online form")
    API = "api", _("API")
    WALK_IN = "walk_in", _("Walk-in or phone")
    COURT_REFERRAL = "court_referral", _("Court referral")


class CaseStatus(models.TextChoices):
    """Every status a case can have; the casework workflow moves cases between them."""

    SUBMITTED = "submitted", _("Submitted, awaiting acceptance")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")
    IN_MEDIATION = "in_mediation", _("In mediation")
    IN_PROGRESS = "in_progress", _("In progress")
    AGREEMENT = "agreement", _("Mediation agreement reached")
    NO_AGREEMENT = "no_agreement", _("No agreement reached")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Case closed")


EMPLOYEE_BANDS_FOR_UNION = 25  # 25 or more members: a union committee (工会法 art. 13)
COLLECTIVE_THRESHOLD = 10  # 10 or more workers: a collective dispute
