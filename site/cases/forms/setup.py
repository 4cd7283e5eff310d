"""The steps of the two setup-help applications (union, mediation committee)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.choices import UnionStatus
from directory.regions import REGION_REQUIRED, region_choices_with_prompt
from home.plain_text import PlainTextMixin

from .fields import CreditCodeField, LandlineField, MobileField


class EnterpriseForm(PlainTextMixin, forms.Form):
    name = forms.CharField(max_length=100, label=_("Enterprise name"))
    credit_code = CreditCodeField(label=_("Unified social credit code"))
    region = forms.ChoiceField(
        choices=region_choices_with_prompt,
        error_messages={"required": REGION_REQUIRED},
        label=_("Where is the enterprise?"),
    )
    address = forms.CharField(max_length=200, required=False, label=_("Address (optional)"))
    industry = forms.CharField(max_length=50, required=False, label=_("Industry (optional)"))
    employee_count = forms.IntegerField(
        min_value=1, max_value=1000000, label=_("Number of employees")
    )


class UnionEnterpriseForm(EnterpriseForm):
    """Help setting up a union is often asked for by workers or a union organizer, who may
    not know the enterprise's credit code: optional here (checked when given)."""

    credit_code = CreditCodeField(
        required=False, label=_("Unified social credit code (optional, if you know it)")
    )


class UnionStatusForm(PlainTextMixin, forms.Form):
    union_status = forms.ChoiceField(
        choices=UnionStatus.choices,
        widget=forms.RadioSelect,
        label=_("Does the enterprise have a union now?"),
    )
    questions = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=_("Your questions (optional)"),
    )


class CommitteeStatusForm(PlainTextMixin, forms.Form):
    has_union = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label=_("Does the enterprise have a trade union?"),
    )
    questions = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=_("Your questions (optional)"),
    )


class ContactForm(PlainTextMixin, forms.Form):
    contact_name = forms.CharField(max_length=50, label=_("Contact person"))
    phone = MobileField(
        label=_("Mobile number"),
        help_text=_("Used to track your application; +86, spaces and dashes are fine."),
    )
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


class SetupEnterpriseForm(EnterpriseForm, ContactForm):
    """Enterprise and contact together, for the API."""

    union_status = UnionStatusForm.base_fields["union_status"]
    has_mediation_committee = forms.BooleanField(required=False)
    questions = UnionStatusForm.base_fields["questions"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("region")  # top-level in the API


class SetupUnionEnterpriseForm(SetupEnterpriseForm):
    """The API's union-setup enterprise: the credit code is optional, as on the web form."""

    credit_code = UnionEnterpriseForm.base_fields["credit_code"]
