"""The record of each purge of personal data (ADR 0039): what kind, how many, when. Never
the personal data itself, nor which applicant."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PurgeRecord(models.Model):
    class Kind(models.TextChoices):
        CASES_ANONYMISED = "cases_anonymised", _("Closed cases anonymised")
        EVIDENCE_DELETED = "evidence_deleted", _("Evidence files deleted")
        ABANDONED_UPLOADS = "abandoned_uploads", _("Uploads of abandoned forms deleted")

    kind = models.CharField(max_length=30, choices=Kind.choices, verbose_name=_("Kind"))
    count = models.PositiveIntegerField(verbose_name=_("How many"))
    # The rule applied, e.g. "closed before 2023-12-04": never names or numbers.
    detail = models.CharField(max_length=200, blank=True, verbose_name=_("Detail"))
    created_at = models.DateTimeField(db_index=True, verbose_name=_("When"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Purge record")
        verbose_name_plural = _("Purge log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.kind} {self.count}"
