"""The audit log: who saw or did what, when. Append-only; center admins read it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        REVEAL = "reveal", _("Personal data viewed")
        DOWNLOAD = "download", _("File downloaded")
        TRANSITION = "transition", _("Case action")
        TRANSFER = "transfer", _("Case transferred")
        EXPORT = "export", _("Export")
        PRINT = "print", _("Document printed")
        TOKEN = "token", _("Referral token changed")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Who"),
    )
    action = models.CharField(max_length=20, choices=Action.choices, verbose_name=_("Action"))
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("Case"),
    )
    agency = models.ForeignKey(
        "directory.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Agency"),
    )
    # What exactly: e.g. "applicant.id_number", an evidence file name, an action's name.
    # Never the personal data itself.
    detail = models.CharField(max_length=200, blank=True, verbose_name=_("Detail"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("When"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Audit entry")
        verbose_name_plural = _("Audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.detail}"
