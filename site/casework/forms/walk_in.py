"""An oral application taken at the desk or on the phone (劳动争议调解仲裁法 art. 12: the
applicant's details, the matters in dispute, the reasons, and the time, recorded by staff)."""

import re
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.organization_choice import online_organizations
from directory.regions import REGION_REQUIRED, region_choices_with_prompt
from home.plain_text import PlainTextMixin

FUTURE_TOLERANCE = timedelta(minutes=5)
OLDEST = timedelta(days=30)
KEY = re.compile(r"^[0-9a-f]{32}$")


class Channel:
    IN_PERSON = "in_person"
    PHONE = "phone"
    CHOICES = [(IN_PERSON, _("In person at the desk")), (PHONE, _("By phone"))]


class WalkInForm(PlainTextMixin, forms.Form):
    form_key = forms.CharField(widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        choices=Channel.CHOICES, widget=forms.RadioSelect, label=_("How was the application made?")
    )
    applied_at = forms.DateTimeField(
        label=_("Time of the oral application"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Enter a date and time, e.g. 2026-03-02 09:30.")},
    )
    region = forms.ChoiceField(
        choices=region_choices_with_prompt,
        error_messages={"required": REGION_REQUIRED},
        label=_("Where is the work performed, or where is the employer?"),
        help_text=_("The application goes to the agency of that area."),
    )
    preferred_organization = forms.ModelChoiceField(
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=_("No preference: the center decides"),
        label=_("Mediation organization the applicant asked for (optional)"),
    )
    informed = forms.BooleanField(
        label=_(
            "I told the applicant how their personal data will be used, and they agreed to it."
        ),
        error_messages={"required": _("Tell the applicant about the privacy notice first.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_organization"].queryset = online_organizations()

    def clean_form_key(self):
        key = self.cleaned_data["form_key"]
        if not KEY.match(key):
            raise forms.ValidationError(_("The form has expired; open it again."))
        return key

    def clean_applied_at(self):
        moment = self.cleaned_data["applied_at"]
        now = timezone.now()
        if moment > now + FUTURE_TOLERANCE:
            raise forms.ValidationError(_("The time of the application cannot be in the future."))
        if moment < now - OLDEST:
            raise forms.ValidationError(
                _("Record an oral application within 30 days of it being made.")
            )
        return moment
