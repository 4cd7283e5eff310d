"""Validation of a court referral's own fields, shared by the API and the admin form.

The parties and the dispute are validated by the applications' forms (intake.parse in the
API, the same forms on the admin page), so every door accepts and refuses the same things.
"""

import re
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import CourtReferral
from directory.models import Agency, MediationOrganization
from directory.regions import AgencyKind, Region
from home.plain_text import PlainTextMixin

# Clocks of the court platform and ours may differ a little.
FUTURE_TOLERANCE = timedelta(minutes=5)
_SPACES = re.compile(r"\s+")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "〔": "（", "〕": "）", "[": "（", "]": "）"})


def normalize_case_number(value: str) -> str:
    """One spelling per court case number, so the same case pushed with half-width brackets
    or stray spaces is still recognised: （2026）鄂1303民初123号."""
    return _SPACES.sub("", value or "").translate(_BRACKETS)


def courts():
    return Agency.objects.filter(kind=AgencyKind.COURT).order_by("region", "code")


class ReferralForm(PlainTextMixin, forms.Form):
    court = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        to_field_name="code",
        label=_("Referring court"),
        error_messages={"invalid_choice": _("There is no court with this code.")},
    )
    court_case_number = forms.CharField(
        max_length=60,
        label=_("Court case number"),
        help_text=_("As on the court's papers, e.g. （2026）鄂1303民诉前调123号."),
    )
    kind = forms.ChoiceField(
        choices=CourtReferral.Kind.choices,
        widget=forms.RadioSelect,
        label=_("Referral kind"),
        error_messages={"invalid_choice": _("Choose court_delegated or court_entrusted.")},
    )
    procedure = forms.ChoiceField(
        choices=[("", _("Not applicable (court-delegated)")), *CourtReferral.Procedure.choices],
        required=False,
        label=_("Procedure"),
        help_text=_(
            "Court-entrusted cases only: 15 days under the ordinary procedure, 7 under the "
            "simple procedure."
        ),
        error_messages={"invalid_choice": _("Choose ordinary or simple.")},
    )
    received_at = forms.DateTimeField(
        label=_("Received from the court"),
        help_text=_("The feedback deadline runs from this day."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Enter a date and time, e.g. 2026-03-02T09:30:00+08:00.")},
    )
    target_organization = forms.ModelChoiceField(
        queryset=MediationOrganization.objects.none(),
        to_field_name="code",
        required=False,
        label=_("Mediation organization named by the court (optional)"),
        empty_label=_("None: the center's intake desk receives it"),
        error_messages={"invalid_choice": _("There is no mediation organization with this code.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = courts()
        self.fields["target_organization"].queryset = MediationOrganization.objects.select_related(
            "host_agency"
        ).order_by("name")

    def clean_court_case_number(self):
        number = normalize_case_number(self.cleaned_data["court_case_number"])
        if not number:
            raise forms.ValidationError(_("Enter the court case number."))
        return number

    def clean_received_at(self):
        received = self.cleaned_data["received_at"]
        if received > timezone.now() + FUTURE_TOLERANCE:
            raise forms.ValidationError(_("The time of receipt cannot be in the future."))
        if received.year < 2000:
            raise forms.ValidationError(_("Please check the year of the time of receipt."))
        return received

    def clean(self):
        data = super().clean()
        kind, procedure = data.get("kind"), data.get("procedure")
        if (
            kind == CourtReferral.Kind.ENTRUSTED
            and not procedure
            and "procedure" not in self.errors
        ):
            self.add_error(
                "procedure", _("A court-entrusted case needs its procedure: ordinary or simple.")
            )
        if kind == CourtReferral.Kind.DELEGATED and procedure:
            self.add_error(
                "procedure",
                _("Only court-entrusted cases have a procedure; leave it empty for delegated."),
            )
        return data


class ReferralRegistrationForm(ReferralForm):
    """The admin's form: the referral fields plus the region of the dispute; the courts
    offered are those the staff member may register for."""

    region = forms.ChoiceField(
        choices=Region.choices,
        label=_("Where is the work performed, or where is the employer?"),
    )

    field_order = [
        "court",
        "court_case_number",
        "kind",
        "procedure",
        "received_at",
        "region",
        "target_organization",
    ]

    def __init__(self, *args, courts_allowed=None, **kwargs):
        super().__init__(*args, **kwargs)
        if courts_allowed is not None:
            self.fields["court"].queryset = courts_allowed


class ReferralListFilterForm(forms.Form):
    STATE_CHOICES = [
        ("", _("All")),
        ("open", _("Still open")),
        ("overdue", _("Feedback overdue")),
        ("ended", _("Outcome reached")),
    ]
    court = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label=_("Court"), empty_label=_("All")
    )
    kind = forms.ChoiceField(
        choices=[("", _("All")), *CourtReferral.Kind.choices], required=False, label=_("Kind")
    )
    state = forms.ChoiceField(choices=STATE_CHOICES, required=False, label=_("State"))
    received_from = forms.DateField(
        required=False,
        label=_("Received from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2026-03-02.")},
    )
    received_to = forms.DateField(
        required=False,
        label=_("Received until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2026-03-02.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = courts()

    def filter(self, cases):
        from cases.deadlines import OUTCOME_STATUSES, today

        data = self.cleaned_data
        if data.get("court"):
            cases = cases.filter(referral__court=data["court"])
        if data.get("kind"):
            cases = cases.filter(referral__kind=data["kind"])
        state = data.get("state")
        if state == "open":
            cases = cases.exclude(status__in=OUTCOME_STATUSES)
        elif state == "overdue":
            cases = cases.exclude(status__in=OUTCOME_STATUSES).filter(feedback_due__lt=today())
        elif state == "ended":
            cases = cases.filter(status__in=OUTCOME_STATUSES)
        if data.get("received_from"):
            cases = cases.filter(referral__received_at__date__gte=data["received_from"])
        if data.get("received_to"):
            cases = cases.filter(referral__received_at__date__lte=data["received_to"])
        return cases
