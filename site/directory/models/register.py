"""Audit trail of register exports and imports; an import's file waits here for confirming."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegisterTransfer(models.Model):
    class Kind(models.TextChoices):
        EXPORT = "export", _("Export")
        IMPORT = "import", _("Import")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, verbose_name=_("Kind"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("User"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created"))
    file_format = models.CharField(max_length=10, verbose_name=_("Format"))
    filename = models.CharField(max_length=200, blank=True, verbose_name=_("File name"))
    row_count = models.PositiveIntegerField(default=0, verbose_name=_("Rows"))
    # An uploaded file kept between the dry-run preview and the confirmation; emptied
    # once applied so personal data does not linger.
    content = models.BinaryField(blank=True, default=b"")
    applied_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Applied"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Register transfer")
        verbose_name_plural = _("Register transfers")

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"
