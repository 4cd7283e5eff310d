"""Recording the respondent's answer to the invitation to mediate: agreed, or declined
(which ends the mediation). The date is when the respondent answered, not when staff type."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms.fields import FriendlyDateField
from casework.forms.actions import ActionForm, staff_note, text_field
from casework.models import RespondentConsent
from casework.services.action_rules import REFUSAL_ADVICE


class RecordConsentForm(ActionForm):
    given_on = FriendlyDateField(
        label=_("Date the respondent answered"),
        error_messages={"required": _("Enter the date the respondent answered.")},
    )
    channel = forms.ChoiceField(
        choices=[("", _("Please choose")), *RespondentConsent.Channel.choices],
        label=_("How the respondent answered"),
        error_messages={
            "required": _("Choose how the respondent answered."),
            "invalid_choice": _("Choose how the respondent answered."),
        },
    )
    note = staff_note()

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > timezone.localdate():
            raise forms.ValidationError(_("The date of the answer cannot be in the future."))
        if given_on < timezone.localdate(self.case.submitted_at):
            raise forms.ValidationError(
                _("The date of the answer cannot be before the case was submitted.")
            )
        return given_on


class RecordRefusalForm(RecordConsentForm):
    advice = text_field(
        _("Advice to the applicant"),
        1000,
        rows=5,
        help_text=_("Shown to the applicant and sent by SMS or email."),
        error_messages={"required": _("Write the advice to the applicant.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advice"].initial = str(REFUSAL_ADVICE)
        self.fields["note"].label = _("What the respondent said (optional)")
