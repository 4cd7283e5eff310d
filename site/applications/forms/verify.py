"""The two checks of /verify/: a phone number, or a message's reference and mobile."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from applications.forms.track import TrackForm
from applications.services.official_numbers import normalize

PHONE_CHARACTERS = re.compile(r"^[0-9+\-\s()（）]+$")


class NumberCheckForm(forms.Form):
    number = forms.CharField(
        max_length=30,
        label=_("The number that called or texted you"),
        help_text=_("A mobile, a landline such as 0722-3256789, or a short number such as 12345."),
        error_messages={"required": _("Enter the phone number.")},
    )

    def clean_number(self):
        raw = self.cleaned_data["number"].strip()
        digits = normalize(raw)
        if not PHONE_CHARACTERS.match(raw) or not 3 <= len(digits) <= 13:
            raise ValidationError(
                _("Enter the number as digits, e.g. 0722-3256789 or 13800000000.")
            )
        return raw


class MessageCheckForm(TrackForm):
    """A reference and the mobile number the message was sent to (the tracking fields)."""
