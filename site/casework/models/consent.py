"""The respondent's answer to the invitation to mediate (mediation is voluntary: 劳动争议调解
仲裁法 art. 5). Each answer is kept; the latest one counts (ADR 0046)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RespondentConsent(models.Model):
    class Answer(models.TextChoices):
        AGREED = "agreed", _("Agreed to mediate")
        REFUSED = "refused", _("Declined to mediate")

    class Channel(models.TextChoices):
        PHONE = "phone", _("By phone")
        IN_PERSON = "in_person", _("In person")
        WRITING = "writing", _("In writing")
        SMS = "sms", _("By SMS")
        ONLINE = "online", _("Online or instant message")
        OTHER = "other", _("Other")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="consents")
    answer = models.CharField(max_length=10, choices=Answer.choices, verbose_name=_("Answer"))
    channel = models.CharField(max_length=20, choices=Channel.choices, verbose_name=_("Channel"))
    given_on = models.DateField(verbose_name=_("Date of the answer"))
    note = models.TextField(blank=True, verbose_name=_("Note"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(verbose_name=_("Recorded"))

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = _("Respondent's consent to mediate")
        verbose_name_plural = _("Respondent's consents to mediate")

    def __str__(self):
        return f"{self.case_id} {self.answer} {self.given_on}"


def latest_consent(case) -> RespondentConsent | None:
    return case.consents.order_by("-recorded_at", "-pk").first()
