"""The tracking form: a reference and the mobile number used in the application."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases import references
from cases.forms.fields import MobileField


class TrackForm(forms.Form):
    reference = forms.CharField(
        max_length=30,
        label=_("Application reference"),
        help_text=_(
            "e.g. SZ-7K3M-9QXR-P, as shown after submitting and in the confirmation message."
        ),
    )
    phone = MobileField(label=_("Mobile number used in the application"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        )

    def clean_reference(self):
        reference = references.normalize(self.cleaned_data["reference"])
        if reference is None:
            raise ValidationError(
                _(
                    "This is not a valid reference: please check each character (SZ- followed by 9 letters and digits)."  # noqa: E501
                )
            )
        return reference
