"""The steps of a mediation request (劳动争议调解申请)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases import validators
from cases.choices import COLLECTIVE_THRESHOLD, DisputeCategory, DisputeStage
from directory.models import MediationOrganization
from directory.regions import REGION_REQUIRED, region_choices_with_prompt
from home.plain_text import PlainTextMixin

from .fields import AmountField, FriendlyDateField


class Relationship:
    EMPLOYMENT = "employment"
    LABOR_SERVICE = "labor_service"
    NO_EMPLOYER = "no_employer"
    CHOICES = [
        (
            EMPLOYMENT,
            _("An employment relationship: the worker works for the employer and is paid wages"),
        ),
        (
            LABOR_SERVICE,
            _(
                "A labor-service arrangement (劳务), e.g. a retired person re-employed, a student intern, a one-off job"  # noqa: E501
            ),
        ),
        (
            NO_EMPLOYER,
            _(
                "No employer: a dispute between private persons, a contractor, a partnership or a business deal"  # noqa: E501
            ),
        ),
    ]


class AboutForm(PlainTextMixin, forms.Form):
    relationship = forms.ChoiceField(
        choices=Relationship.CHOICES,
        widget=forms.RadioSelect,
        label=_("What is the relationship between the two sides?"),
    )
    region = forms.ChoiceField(
        choices=region_choices_with_prompt,
        error_messages={"required": REGION_REQUIRED},
        label=_("Where is the work performed, or where is the employer?"),
        help_text=_("We send your application to the agency of that area."),
    )


class StageForm(PlainTextMixin, forms.Form):
    stage = forms.ChoiceField(
        choices=DisputeStage.choices,
        widget=forms.RadioSelect,
        label=_("Where does the dispute stand?"),
    )
    arbitration_case_number = forms.CharField(
        max_length=60,
        required=False,
        label=_("Arbitration case number"),
        help_text=_(
            "Needed when an arbitration application is pending, e.g. 随劳人仲案字〔2024〕12号."
        ),
    )

    # Optional: when the applicant knows it, the next steps name only the remedy that
    # applies (final award: art. 47-49; otherwise art. 50).
    award_kind = forms.ChoiceField(
        choices=[
            ("", _("I don't know")),
            ("final", _("Final award")),
            ("non_final", _("Not final")),
        ],
        required=False,
        label=_("If an award was issued: is it final?"),
    )

    def clean(self):
        data = super().clean()
        if data.get("stage") != DisputeStage.AWARD_ISSUED:
            data["award_kind"] = ""
        if data.get("stage") == DisputeStage.ARBITRATION_PENDING and not data.get(
            "arbitration_case_number"
        ):
            self.add_error("arbitration_case_number", _("Enter the arbitration case number."))
        return data


class DisputeDetailsForm(PlainTextMixin, forms.Form):
    employment_start = FriendlyDateField(required=False, label=_("Employment start date"))
    employment_end = FriendlyDateField(
        required=False,
        label=_("Employment end date"),
        help_text=_("Leave empty if the worker still works there."),
    )
    categories = forms.MultipleChoiceField(
        choices=DisputeCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("What is the dispute about? Choose all that apply."),
    )
    amount_claimed = AmountField(
        required=False, label=_("Amount claimed in yuan (optional)"), help_text=_("e.g. 12000.50")
    )
    workers_involved = forms.IntegerField(
        min_value=1,
        max_value=100000,
        initial=1,
        label=_("Number of workers involved"),
        help_text=_("10 or more is a collective dispute: name a representative."),
    )
    representative = forms.CharField(
        max_length=50, required=False, label=_("Representative of the workers")
    )
    claims = forms.CharField(
        max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), label=_("What do you ask for?")
    )
    facts = forms.CharField(
        max_length=5000, widget=forms.Textarea(attrs={"rows": 6}), label=_("What happened?")
    )

    def clean(self):
        data = super().clean()
        try:
            validators.employment_dates(data.get("employment_start"), data.get("employment_end"))
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)
        workers = data.get("workers_involved") or 0
        if workers >= COLLECTIVE_THRESHOLD and not data.get("representative"):
            self.add_error(
                "representative", _("A collective dispute needs a representative: enter a name.")
            )
        return data


class DisputeForm(StageForm, DisputeDetailsForm):
    """Stage and details together, for the API."""

    def clean(self):
        StageForm.clean(self)
        return DisputeDetailsForm.clean(self)


def organization_choices():
    return MediationOrganization.objects.filter(
        is_public=True, accepts_online_applications=True
    ).select_related("host_agency")


class OrganizationForm(PlainTextMixin, forms.Form):
    preferred_organization = forms.ModelChoiceField(
        queryset=MediationOrganization.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("No preference: the center decides"),
        label=_("Preferred mediation organization (optional)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_organization"].queryset = organization_choices()
