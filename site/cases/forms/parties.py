"""The applicant and the respondent: one form, two uses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.choices import PartyKind
from home.plain_text import PlainTextMixin

from .fields import (
    CreditCodeField,
    LandlineField,
    MobileField,
    PhoneNumberField,
    ResidentIdField,
    shown_when,
)

WORKER_ONLY = ("id_number",)
EMPLOYER_ONLY = ("credit_code", "legal_representative", "contact_name", "landline")


class PartyForm(PlainTextMixin, forms.Form):
    """A worker or an employer. As the applicant, identity number and mobile are required;
    as the respondent only the name is, but whatever is given is validated the same way."""

    kind = forms.ChoiceField(
        choices=PartyKind.choices, widget=forms.RadioSelect, label=_("Worker or employer")
    )
    name = forms.CharField(max_length=100, label=_("Name (person or enterprise)"))
    id_number = shown_when(
        ResidentIdField(
            required=False,
            label=_("Resident ID number"),
            help_text=_("18 characters; the last one may be X."),
        ),
        "kind",
        PartyKind.WORKER,
    )
    credit_code = shown_when(
        CreditCodeField(
            required=False,
            label=_("Unified social credit code"),
            help_text=_("18 characters, on the business licence."),
        ),
        "kind",
        PartyKind.EMPLOYER,
    )
    legal_representative = shown_when(
        forms.CharField(max_length=50, required=False, label=_("Legal representative")),
        "kind",
        PartyKind.EMPLOYER,
    )
    contact_name = shown_when(
        forms.CharField(max_length=50, required=False, label=_("Contact person")),
        "kind",
        PartyKind.EMPLOYER,
    )
    phone = MobileField(required=False, label=_("Mobile number"))
    landline = shown_when(
        LandlineField(
            required=False,
            label=_("Office landline (optional)"),
            help_text=_("With the area code, e.g. 0722-3456789."),
        ),
        "kind",
        PartyKind.EMPLOYER,
    )
    email = forms.EmailField(
        max_length=254,
        required=False,
        label=_("Email (optional)"),
        help_text=_("We send a confirmation there."),
    )
    address = forms.CharField(max_length=200, required=False, label=_("Address (optional)"))

    def __init__(self, *args, role="applicant", applicant_kind="", **kwargs):
        self.role = role
        # The respondent's form knows the applicant's kind: a labor dispute has a worker
        # on one side and an employer on the other (劳动争议调解仲裁法 art. 2).
        self.applicant_kind = applicant_kind
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
        kind = data.get("kind")
        # Fields of the other kind are hidden on the page; what they hold is not kept.
        for name in EMPLOYER_ONLY if kind == PartyKind.WORKER else WORKER_ONLY if kind else ():
            if name in self.fields:
                data[name] = ""
                self.errors.pop(name, None)
        if self.role != "applicant":
            self._check_opposite_sides(kind)
            return data
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

    def _check_opposite_sides(self, kind):
        if not kind or kind != self.applicant_kind:
            return
        if kind == PartyKind.WORKER:
            message = _(
                "A dispute between two workers is not a labor dispute, so it cannot be mediated "
                "here. A people's mediation committee (人民调解委员会) of your community or the "
                "justice bureau's 12348 legal-aid hotline can help, or you can sue at the "
                "basic people's court. If the other person hired you, choose 'employer'."
            )
        else:
            message = _(
                "A dispute between two employers is a civil or commercial dispute, not a "
                "labor dispute, so it cannot be mediated here. A people's mediation committee "
                "(人民调解委员会), commercial mediation or the court can help."
            )
        self.add_error("kind", message)
