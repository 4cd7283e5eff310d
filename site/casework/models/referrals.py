"""Court referrals (诉前委派 / 诉中委托) and the bearer tokens courts push them with."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CourtReferral(models.Model):
    class Kind(models.TextChoices):
        DELEGATED = "court_delegated", _("Court-delegated mediation (before filing)")
        ENTRUSTED = "court_entrusted", _("Court-entrusted mediation (during litigation)")

    class Procedure(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary procedure")
        SIMPLE = "simple", _("Simple procedure")

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="referral")
    court = models.ForeignKey(
        "directory.Agency",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("Court"),
    )
    court_case_number = models.CharField(max_length=60, verbose_name=_("Court case number"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("Referral kind"))
    procedure = models.CharField(
        max_length=10, choices=Procedure.choices, blank=True, verbose_name=_("Procedure")
    )
    received_at = models.DateTimeField(verbose_name=_("Received"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Court referral")
        verbose_name_plural = _("Court referrals")
        constraints = [
            models.UniqueConstraint(
                fields=["court", "court_case_number"], name="one_case_per_court_case_number"
            )
        ]

    def __str__(self):
        return f"{self.court_case_number} ({self.get_kind_display()})"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ReferralToken(models.Model):
    """A court's API credential. Only the SHA-256 of the token is stored; the token itself is
    shown once when issued."""

    court = models.ForeignKey(
        "directory.Agency",
        on_delete=models.CASCADE,
        related_name="referral_tokens",
        verbose_name=_("Court"),
    )
    name = models.CharField(max_length=100, blank=True, verbose_name=_("Label"))
    prefix = models.CharField(max_length=8, editable=False, verbose_name=_("Token starts with"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Issued"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Last used"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Revoked"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Referral token")
        verbose_name_plural = _("Referral tokens")

    def __str__(self):
        return f"{self.court.short_name} {self.prefix}…"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
