"""The one field every step asks: a 6-digit code from the app, or (where allowed) a
recovery code. Malformed input is refused here, before any device is asked (a malformed
code does not count against the throttle)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

TOTP_CODE = re.compile(r"^\d{6}$")
RECOVERY_CODE = re.compile(r"^[a-z2-7]{8}$")


def normalise(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").lower()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )
    accepts_recovery = False

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if TOTP_CODE.match(code):
            return code
        if self.accepts_recovery and RECOVERY_CODE.match(code):
            return code
        if self.accepts_recovery:
            raise forms.ValidationError(
                _("Enter the 6-digit code from your app, or one of your recovery codes.")
            )
        raise forms.ValidationError(_("Enter the 6-digit code from your app."))


class VerifyForm(CodeForm):
    accepts_recovery = True
