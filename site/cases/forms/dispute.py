"""The steps of a mediation request (劳动争议调解申请)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases import case_numbers, validators
from cases.choices import COLLECTIVE_THRESHOLD, DisputeCategory, DisputeStage
from cases.organization_choice import organizations_for
from directory.models import MediationOrganization
from directory.regions import REGION_REQUIRED, region_choices_with_prompt
from home.plain_text import PlainTextMixin

from .fields import AmountField, FriendlyDateField, shown_when

# The case number each stage asks for (the first one is required unless the applicant
# says why it is not known yet), and how each is checked.
NUMBER_REQUIRED = {
    DisputeStage.ARBITRATION_PENDING: "arbitration_case_number",
    DisputeStage.IN_LITIGATION: "court_case_number",
}
STAGE_NUMBERS = {
    DisputeStage.ARBITRATION_PENDING: ("arbitration_case_number",),
    DisputeStage.AWARD_ISSUED: ("arbitration_case_number",),
    DisputeStage.IN_LITIGATION: ("court_case_number",),
}
CASE_NUMBERS = {
    "arbitration_case_number": case_numbers.arbitration_case_number,
    "court_case_number": case_numbers.court_case_number,
}


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
    """The stage, and the case number that goes with it: the arbitration case while an
    arbitration application is pending (or the award's), the court case in litigation. An
    applicant who has filed but not yet received a number says why instead."""

    stage = forms.ChoiceField(
        choices=DisputeStage.choices,
        widget=forms.RadioSelect,
        label=_("Where does the dispute stand?"),
    )
    arbitration_case_number = shown_when(
        forms.CharField(
            max_length=60,
            required=False,
            label=_("Arbitration case number"),
            help_text=_("On the commission's notice or award, e.g. 随劳人仲案字〔2024〕12号."),
        ),
        "stage",
        DisputeStage.ARBITRATION_PENDING,
        DisputeStage.AWARD_ISSUED,
    )
    court_case_number = shown_when(
        forms.CharField(
            max_length=60,
            required=False,
            label=_("Court case number"),
            help_text=_("On the court's notice of acceptance, e.g. （2024）鄂1303民初123号."),
        ),
        "stage",
        DisputeStage.IN_LITIGATION,
    )
    case_number_unknown = shown_when(
        forms.BooleanField(required=False, label=_("I do not have the case number yet")),
        "stage",
        *NUMBER_REQUIRED,
    )
    case_number_unknown_reason = shown_when(
        forms.CharField(
            max_length=200,
            required=False,
            label=_("Why not? (if you do not have the number)"),
            help_text=_("e.g. I filed last week and have no notice of acceptance yet."),
        ),
        "stage",
        *NUMBER_REQUIRED,
    )
    # Optional: when the applicant knows it, the next steps name only the remedy that
    # applies (final award: arts. 47-49; otherwise art. 50).
    award_kind = shown_when(
        forms.ChoiceField(
            choices=[
                ("", _("I don't know")),
                ("final", _("Final award")),
                ("non_final", _("Not final")),
            ],
            required=False,
            label=_("If an award was issued: is it final?"),
            help_text=_("The award says so: a final award states that it is final (终局裁决)."),
        ),
        "stage",
        DisputeStage.AWARD_ISSUED,
    )

    def __init__(self, *args, case_number_on_file=False, **kwargs):
        # A court referral carries its court case number in the referral itself.
        self.case_number_on_file = case_number_on_file
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        stage = data.get("stage")
        if stage != DisputeStage.AWARD_ISSUED:
            data["award_kind"] = ""
        wanted = None if self.case_number_on_file else NUMBER_REQUIRED.get(stage)
        for name, check in CASE_NUMBERS.items():
            value = data.get(name) or ""
            if name not in STAGE_NUMBERS.get(stage, ()):
                data[name] = ""  # a number left over from another stage is not kept
                continue
            if value:
                try:
                    data[name] = check(value)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        if wanted is None or data.get(wanted) or wanted in self.errors:
            data["case_number_unknown"] = False
            data["case_number_unknown_reason"] = ""
            return data
        if not data.get("case_number_unknown"):
            message = (
                _("Enter the arbitration case number, or tick that you do not have it yet.")
                if wanted == "arbitration_case_number"
                else _("Enter the court case number, or tick that you do not have it yet.")
            )
            self.add_error(wanted, message)
        elif not data.get("case_number_unknown_reason"):
            self.add_error(
                "case_number_unknown_reason",
                _("Say why you do not have the case number yet."),
            )
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


class OrganizationForm(PlainTextMixin, forms.Form):
    preferred_organization = forms.ModelChoiceField(
        queryset=MediationOrganization.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("No preference: the center decides"),
        label=_("Preferred mediation organization (optional)"),
        help_text=_("Only organizations that can take a case from your area at its stage."),
    )

    def __init__(self, *args, region="", stage="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_organization"].queryset = organizations_for(region, stage)
