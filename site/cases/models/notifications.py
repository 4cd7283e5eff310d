"""Outgoing messages (email, SMS), each recorded with its delivery status."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from personal_data.fields import EncryptedCharField


class Notification(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        SMS = "sms", _("SMS")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Waiting to retry")
        SENT = "sent", _("Sent")
        NOT_SENT = "not_sent", _("Not sent (no SMS gateway)")
        FAILED = "failed", _("Failed")

    class Purpose(models.TextChoices):
        NEW_CASE = "new_case", _("New case for the agency")
        CONFIRMATION = "confirmation", _("Confirmation to the applicant")
        COPY = "copy", _("Copy for information")
        TRANSFER_IN = "transfer_in", _("Case transferred in")
        TRANSFER_OUT = "transfer_out", _("Case transferred out")
        DEADLINE_DIGEST = "deadline_digest", _("Deadline digest")
        PROGRESS = "progress", _("Progress update to the applicant")
        MONTHLY_REPORT = "monthly_report", _("Monthly statistics report")
        SATISFACTION_INVITE = "satisfaction_invite", _("Invitation to rate the service")
        LOW_RATING = "low_rating", _("Low satisfaction rating")
        ONE_TIME_CODE = "one_time_code", _("One-time code")
        REFERENCE = "reference", _("Reference sent again on request")

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, verbose_name=_("Channel"))
    purpose = models.CharField(max_length=20, choices=Purpose.choices, verbose_name=_("Purpose"))
    # An applicant's mobile or email: encrypted at rest (ADR 0038).
    recipient = EncryptedCharField(max_length=254, verbose_name=_("Recipient"))
    subject = models.CharField(max_length=200, blank=True, verbose_name=_("Subject"))
    body = models.TextField(verbose_name=_("Body"))
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.QUEUED,
        db_index=True,
        verbose_name=_("Status"),
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("Attempts"))
    last_error = models.CharField(max_length=500, blank=True, verbose_name=_("Last error"))
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Next attempt"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Sent"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        # The table keeps the name it had before the model moved here (cases 0001).
        db_table = "applications_notification"
        verbose_name = _("Notification")
        verbose_name_plural = _("Notifications")

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient}"
