"""The time-limit calculator's questions (GET form, and the same rules for the API)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import time_limits
from cases.choices import DisputeCategory
from cases.forms.fields import FriendlyDateField


def _date(label, required, help_text=""):
    return FriendlyDateField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={"required": _("Enter the date.")},
    )


class TimeLimitForm(forms.Form):
    dispute = forms.ChoiceField(
        label=_("What is the dispute about?"),
        choices=[("", _("Please choose")), *DisputeCategory.choices],
        error_messages={
            "required": _("Choose what the dispute is about."),
            "invalid_choice": _("Choose what the dispute is about from the list."),
        },
    )
    known_on = _date(
        _("When did you know, or should have known, that your rights were infringed?"),
        True,
        _(
            "For example the day you were dismissed, or the pay day when pay was not paid. "
            "Format 2026-06-01."
        ),
    )
    employment_ended = _date(
        _("When did the employment end? (if it has ended)"),
        False,
        _("Leave empty if you still work there."),
    )
    interrupted_on = _date(
        _("Latest claim or request for help (optional)"),
        False,
        _(
            "The latest day you claimed from the employer, asked an authority (such as a "
            "labor inspection or mediation body) for help, or the employer agreed to pay."
        ),
    )

    def __init__(self, *args, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def _check_date(self, name):
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        if value > self.today:
            raise forms.ValidationError(_("The date cannot be in the future."))
        if value < time_limits.EARLIEST:
            raise forms.ValidationError(_("Enter a date from 1990 onwards."))
        return value

    def clean_known_on(self):
        return self._check_date("known_on")

    def clean_employment_ended(self):
        return self._check_date("employment_ended")

    def clean_interrupted_on(self):
        return self._check_date("interrupted_on")

    def clean(self):
        cleaned = super().clean()
        known = cleaned.get("known_on")
        if known is None:
            return cleaned
        ended = cleaned.get("employment_ended")
        if ended is not None and ended < known:
            self.add_error(
                "employment_ended",
                _(
                    "The employment cannot end before the day you knew of the infringement. "
                    "If you only learned of it after leaving, leave this date empty: for "
                    "anything but pay owed during employment it does not change the limit."
                ),
            )
        interrupted = cleaned.get("interrupted_on")
        if interrupted is not None and interrupted < known:
            self.add_error(
                "interrupted_on",
                _(
                    "The claim or request for help must be on or after the day you knew of "
                    "the infringement."
                ),
            )
        return cleaned

    def result(self) -> time_limits.TimeLimit:
        """The answer for valid input (call after is_valid())."""
        data = self.cleaned_data
        return time_limits.compute(
            data["dispute"],
            data["known_on"],
            self.today,
            employment_ended=data.get("employment_ended"),
            interrupted_on=data.get("interrupted_on"),
        )
