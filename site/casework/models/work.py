"""What staff record while handling a case: sessions, the outcome and agreement terms."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MediationSession(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(verbose_name=_("Time"))
    is_online = models.BooleanField(default=False, verbose_name=_("Online session"))
    place = models.CharField(max_length=200, verbose_name=_("Place or online meeting details"))
    minutes = models.TextField(blank=True, verbose_name=_("Mediation record"))
    minutes_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("Mediation session")
        verbose_name_plural = _("Mediation sessions")

    def __str__(self):
        return f"{self.case_id} {self.starts_at:%Y-%m-%d %H:%M}"


class DeclineGrounds(models.TextChoices):
    """Why an application was not accepted (the statistics count declines by these)."""

    NOT_LABOR_DISPUTE = "not_labor_dispute", _("Not a labor or personnel dispute")
    OUT_OF_AREA = "out_of_area", _("Outside this agency's area or remit")
    ALREADY_ELSEWHERE = (
        "already_elsewhere",
        _("Already before arbitration, a court or another body"),
    )
    TIME_LIMIT = "time_limit", _("The time limit for the claim has passed")
    INCOMPLETE = "incomplete", _("Information missing and not supplied")
    DUPLICATE = "duplicate", _("Same dispute already applied for")
    OTHER = "other", _("Other")


class CaseOutcome(models.Model):
    """How the case ended: agreement (with terms), no agreement, withdrawn, rejected, done."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="outcome")
    kind = models.CharField(max_length=20, verbose_name=_("Outcome"))  # a CaseStatus value
    summary = models.TextField(blank=True, verbose_name=_("Summary"))
    # Declines only: the grounds, as a category (the summary says it in words).
    grounds = models.CharField(
        max_length=20, choices=DeclineGrounds.choices, blank=True, verbose_name=_("Grounds")
    )
    advice = models.TextField(blank=True, verbose_name=_("Advice to the applicant"))
    decided_at = models.DateTimeField(verbose_name=_("Decided"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # How long the case took, worked out when the outcome is recorded (cases.timeliness):
    # the statistics count these instead of computing dates for every case at read time.
    working_days = models.PositiveIntegerField(
        null=True, editable=False, verbose_name=_("Working days from receipt")
    )
    # Mediations ended on the merits only (None otherwise).
    within_statutory_period = models.BooleanField(
        null=True, editable=False, verbose_name=_("Within 15 days of receipt")
    )
    within_mediation_period = models.BooleanField(
        null=True, editable=False, verbose_name=_("Within the mediation period")
    )
    # Court-referred cases only (None otherwise).
    feedback_on_time = models.BooleanField(
        null=True, editable=False, verbose_name=_("Court feedback on time")
    )

    class Meta:
        verbose_name = _("Case outcome")
        verbose_name_plural = _("Case outcomes")
        # Statistics (reporting) count outcomes of a date range from this index alone.
        indexes = [
            models.Index(
                fields=[
                    "decided_at",
                    "kind",
                    "grounds",
                    "working_days",
                    "within_statutory_period",
                    "within_mediation_period",
                    "feedback_on_time",
                    "case",
                ],
                name="outcome_figures_idx",
            )
        ]

    def __str__(self):
        return f"{self.case_id} {self.kind}"


class AgreementTerm(models.Model):
    """One numbered term of a mediation agreement (调解协议书)."""

    class PaymentMethod(models.TextChoices):
        BANK_TRANSFER = "bank_transfer", _("Bank transfer")
        CASH = "cash", _("Cash")
        OTHER = "other", _("Other")
        NONE = "none", _("No payment")

    outcome = models.ForeignKey(CaseOutcome, on_delete=models.CASCADE, related_name="terms")
    number = models.PositiveSmallIntegerField(verbose_name=_("No."))
    text = models.TextField(verbose_name=_("Term"))
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, verbose_name=_("Amount (yuan)")
    )
    due_date = models.DateField(null=True, blank=True, verbose_name=_("Due by"))
    payment_method = models.CharField(
        max_length=20,
        choices=PaymentMethod.choices,
        default=PaymentMethod.NONE,
        verbose_name=_("Payment method"),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("Agreement term")
        verbose_name_plural = _("Agreement terms")
        constraints = [
            models.UniqueConstraint(fields=["outcome", "number"], name="one_term_per_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:40]}"
