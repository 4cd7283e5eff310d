"""The record of second factors reset by a superuser (a lost phone)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecondFactorReset(models.Model):
    class How(models.TextChoices):
        ADMIN = "admin", _("In the admin")
        COMMAND = "command", _("Management command")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="second_factor_resets",
        verbose_name=_("User"),
    )
    username = models.CharField(max_length=150, verbose_name=_("Username"))
    reset_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Reset by"),
    )
    how = models.CharField(max_length=10, choices=How.choices, verbose_name=_("How"))
    reset_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Reset at"))

    class Meta:
        app_label = "portal"
        ordering = ["-reset_at"]
        verbose_name = _("Second factor reset")
        verbose_name_plural = _("Second factor resets")

    def __str__(self):
        return self.username
