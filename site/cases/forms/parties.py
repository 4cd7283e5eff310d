"""The applicant and the respondent: one form, two uses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.choices import PartyKind
from home.plain_text import PlainTextMixin

from .fields import CreditCodeField, LandlineField, MobileField, PhoneNumberField, ResidentIdField


class PartyForm(PlainTextMixin, forms.Form):
    """A worker or an employer. As the applicant, identity number and mobile are required;
    as the respondent only the name is, but whatever is given is validated the same way."""

    kind = forms.ChoiceField(
        choices=PartyKind.choices, widget=forms.RadioSelect, label=_("Worker or employer")
    )
    name = forms.CharField(max_length=100, label=_("Name (person or enterprise)"))
    id_number = ResidentIdField(
        required=False,
        label=_("Resident ID number"),
        help_text=_("18 characters; the last one may be X."),
    )
    credit_code = CreditCodeField(
        required=False,
        label=_("Unified social credit code"),
        help_text=_("18 characters, on the business licence."),
    )
    legal_representative = forms.CharField(
        max_length=50, required=False, label=_("Legal representative")
    )
    contact_name = forms.CharField(max_length=50, required=False, label=_("Contact person"))
    phone = MobileField(required=False, label=_("Mobile number"))
    landline = LandlineField(
        required=False,
        label=_("Office landline (optional)"),
        help_text=_("With the area code, e.g. 0722-3456789."),
    )
    email = forms.EmailField(
        max_length=254,
        required=False,
        label=_("Email (optional)"),
        help_text=_("We send a confirmation there."),
    )
    address = forms.CharField(max_length=200, required=False, label=_("Address (optional)"))

    def __init__(self, *args, role="applicant", **kwargs):
        self.role = role
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if role == "respondent":
            self.fields["kind"].label = _("Is the other side a worker or an employer?")
            self.fields["name"].label = _("Name of the other side")
            # The other side is often an employer known only by its office landline.
            self.fields["phone"] = PhoneNumberField(
                required=False,
                label=_("Their phone (optional)"),
                help_text=_("A mobile number, or a landline with its area code."),
            )
            del self.fields["landline"]
            self.fields["email"].label = _("Their email (optional)")
            self.fields["email"].help_text = ""
            self.fields["id_number"].label = _("Their resident ID number (optional)")
            self.fields["credit_code"].label = _("Their unified social credit code (optional)")
        else:
            self.fields["phone"].required = True
            self.fields["phone"].help_text = _(
                "Used to track your application; +86, spaces and dashes are fine."
            )

    def clean(self):
        data = super().clean()
        if self.role != "applicant":
            return data
        kind = data.get("kind")
        if (
            kind == PartyKind.WORKER
            and not data.get("id_number")
            and "id_number" not in self.errors
        ):
            self.add_error("id_number", _("Enter your resident ID number."))
        if (
            kind == PartyKind.EMPLOYER
            and not data.get("credit_code")
            and "credit_code" not in self.errors
        ):
            self.add_error("credit_code", _("Enter the unified social credit code."))
        return data
