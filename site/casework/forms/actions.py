"""One form per workflow action. Each carries the case's `version` (hidden) so a change made
by someone else in the meantime is refused instead of overwritten, validates its fields
with clear messages, and hands `action_data()` to `services.actions.perform`."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms.fields import FriendlyDateField
from casework.models import DeclineGrounds
from casework.services.action_rules import ARBITRATION_ADVICE
from directory.models import (
    Agency,
    AgencyMembership,
    MediationOrganization,
    Mediator,
    MediatorStatus,
)
from home.plain_text import PlainTextMixin


def text_field(label, max_length, required=True, rows=3, help_text="", **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def staff_note():
    return text_field(
        _("Note for the case file (optional)"),
        2000,
        required=False,
        help_text=_("Staff only; not shown to the applicant."),
    )


def public_note():
    return text_field(
        _("Note for the applicant (optional)"),
        300,
        required=False,
        rows=2,
        help_text=_("Shown when the applicant tracks the application. At most 300 characters."),
    )


class ActionForm(PlainTextMixin, forms.Form):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("This page is out of date. Open the case again and retry."),
            "invalid": _("This page is out of date. Open the case again and retry."),
        },
    )

    def __init__(self, *args, case, user, **kwargs):
        self.case = case
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = case.version

    def action_data(self) -> dict:
        return {key: value for key, value in self.cleaned_data.items() if key != "version"}

    def error_items(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the error summary; the anchor may be empty."""
        items = []
        for name, errors in self.errors.items():
            anchor = ""
            if name in self.fields and name != "version":
                anchor = "#" + (self[name].id_for_label or f"id_{name}")
            items.extend((anchor, str(error)) for error in errors)
        return items


class AcceptForm(ActionForm):
    public_note = public_note()
    note = staff_note()


class StartWorkForm(AcceptForm):
    pass


class DeclineForm(ActionForm):
    grounds = forms.ChoiceField(
        label=_("Grounds"),
        choices=[("", _("Please choose")), *DeclineGrounds.choices],
        error_messages={
            "required": _("Choose the grounds for not accepting the application."),
            "invalid_choice": _("Choose the grounds from the list."),
        },
    )
    reason = text_field(
        _("Why the application is not accepted"),
        140,
        help_text=_("Shown to the applicant, e.g. the dispute is not a labor dispute."),
    )
    advice = text_field(
        _("Where the applicant can turn instead"),
        150,
        help_text=_("Shown to the applicant, e.g. the court or the people's mediation committee."),
    )
    note = staff_note()


class TransferForm(ActionForm):
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.order_by("kind", "region"),
        label=_("Transfer to"),
        error_messages={
            "required": _("Choose the agency to transfer the case to."),
            "invalid_choice": _("Choose an agency from the list."),
        },
    )
    reason = text_field(_("Reason for the transfer"), 500, help_text=_("Both agencies see it."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        field.widget.choices = [("", _("Choose an agency"))] + [
            (agency.pk, agency.name)
            for agency in field.queryset
            if agency.pk != self.case.agency_id
        ]

    def clean_agency(self):
        agency = self.cleaned_data["agency"]
        if agency.pk == self.case.agency_id:
            raise forms.ValidationError(
                _("The case is already with this agency; choose another one.")
            )
        return agency


class _UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class AssignForm(ActionForm):
    """Only what changed is passed on: an unchanged field leaves that assignment alone."""

    assigned_to = _UserChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label=_("Handler"),
        empty_label=_("Nobody"),
        help_text=_("A handler or head of the case's agency."),
    )
    mediator = forms.ModelChoiceField(
        queryset=Mediator.objects.none(),
        required=False,
        label=_("Mediator"),
        empty_label=_("Nobody"),
        help_text=_("From the shared mediator register (active mediators)."),
    )
    organization = forms.ModelChoiceField(
        queryset=MediationOrganization.objects.none(),
        required=False,
        label=_("Mediation organization"),
        empty_label=_("None"),
    )
    FIELDS = ("assigned_to", "mediator", "organization")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.case
        staff = Q(
            agency_memberships__agency_id=case.agency_id,
            agency_memberships__role__in=[
                AgencyMembership.Role.HANDLER,
                AgencyMembership.Role.HEAD,
            ],
            is_active=True,
        )
        self.fields["assigned_to"].queryset = (
            get_user_model()
            .objects.filter(staff | Q(pk=case.assigned_to_id))
            .distinct()
            .order_by("first_name", "username")
        )
        self.fields["mediator"].queryset = Mediator.objects.filter(
            Q(status=MediatorStatus.ACTIVE) | Q(pk=case.mediator_id)
        ).order_by("name")
        self.fields["organization"].queryset = MediationOrganization.objects.order_by(
            "region", "kind", "name"
        )
        for name in self.FIELDS:
            self.fields[name].initial = getattr(case, f"{name}_id")
        for name in ("assigned_to", "mediator", "organization"):
            self.fields[name].error_messages["invalid_choice"] = _("Choose someone from the list.")

    def clean(self):
        data = super().clean()
        if not self.errors and not self.action_data():
            raise forms.ValidationError(
                _("Nothing changed: choose a different handler, mediator or organization.")
            )
        return data

    def action_data(self) -> dict:
        changed = {}
        for name in self.FIELDS:
            if name not in self.cleaned_data:
                continue
            value = self.cleaned_data[name]
            if (value.pk if value else None) != getattr(self.case, f"{name}_id"):
                changed[name] = value
        return changed


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class ScheduleSessionForm(ActionForm):
    date = FriendlyDateField(label=_("Date"), error_messages={"required": _("Enter the date.")})
    time = forms.TimeField(
        label=_("Time"),
        widget=TimeInput,
        input_formats=["%H:%M", "%H:%M:%S", "%H时%M分"],
        error_messages={
            "required": _("Enter the time, e.g. 09:30."),
            "invalid": _("Enter a real time, e.g. 09:30."),
        },
    )
    is_online = forms.BooleanField(required=False, label=_("Online session"))
    place = forms.CharField(
        max_length=200,
        label=_("Place, or the online meeting details"),
        error_messages={"required": _("Enter the place, or how to join online.")},
    )
    MAX_AHEAD_DAYS = 365

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time"):
            starts_at = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
            earliest = timezone.localdate(self.case.submitted_at)
            if data["date"] < earliest:
                self.add_error("date", _("The session cannot be before the case was submitted."))
            elif data["date"] > timezone.localdate() + datetime.timedelta(self.MAX_AHEAD_DAYS):
                self.add_error("date", _("The session must be within a year from today."))
            data["starts_at"] = starts_at
        return data

    def action_data(self) -> dict:
        return {
            "starts_at": self.cleaned_data["starts_at"],
            "place": self.cleaned_data["place"],
            "is_online": self.cleaned_data["is_online"],
        }


class _SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        when = timezone.localtime(obj.starts_at).strftime("%Y-%m-%d %H:%M")
        return f"{when} {obj.place}"


class RecordMinutesForm(ActionForm):
    session = _SessionChoiceField(
        queryset=None,
        label=_("Session"),
        error_messages={
            "required": _("Choose the session."),
            "invalid_choice": _("Choose a session of this case."),
        },
    )
    minutes = text_field(
        _("Mediation record (minutes)"),
        20000,
        rows=12,
        error_messages={"required": _("Write the minutes of the session.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = self.case.sessions.all()


class ExtendForm(ActionForm):
    days = forms.IntegerField(
        label=_("Extend by (days)"),
        min_value=1,
        max_value=30,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Enter the number of days, from 1 to 30."),
            "invalid": _("Enter a whole number of days, from 1 to 30."),
            "min_value": _("Enter the number of days, from 1 to 30."),
            "max_value": _("Enter the number of days, from 1 to 30."),
        },
    )
    parties_agreed = forms.BooleanField(
        label=_("Both parties agreed to extend the mediation period"),
        error_messages={
            "required": _("The period can only be extended when both parties agree: confirm it.")
        },
    )
    note = staff_note()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = _("How the parties agreed (optional)")


class OutcomeSummaryForm(ActionForm):
    summary = text_field(
        _("Summary"), 5000, rows=5, error_messages={"required": _("Write a summary.")}
    )


class RecordNoAgreementForm(OutcomeSummaryForm):
    advice = text_field(
        _("Advice to the applicant"),
        1000,
        rows=4,
        help_text=_("Shown to the applicant."),
        error_messages={"required": _("Write the advice to the applicant.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].label = _("Why no agreement was reached")
        self.fields["advice"].initial = str(ARBITRATION_ADVICE)


class WithdrawForm(OutcomeSummaryForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].label = _("How and when the applicant withdrew")


class CompleteForm(OutcomeSummaryForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].label = _("The help given")


class CloseForm(ActionForm):
    note = staff_note()
