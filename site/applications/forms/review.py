"""The check-your-answers step: consent and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReviewForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my details are used to handle this application."  # noqa: E501
        ),
        error_messages={"required": _("Tick the box to agree to the privacy notice.")},
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
