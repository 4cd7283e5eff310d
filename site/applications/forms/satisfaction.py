"""The satisfaction form: three scores from 1 to 5 and an optional comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.plain_text import PlainTextMixin

SCORES = [
    ("5", _("5 – very satisfied")),
    ("4", _("4 – satisfied")),
    ("3", _("3 – neither")),
    ("2", _("2 – dissatisfied")),
    ("1", _("1 – very dissatisfied")),
]


def _score(label):
    return forms.TypedChoiceField(
        label=label,
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a score from 1 to 5."),
            "invalid_choice": _("Choose a score from 1 to 5."),
        },
    )


class RatingForm(PlainTextMixin, forms.Form):
    overall = _score(_("How satisfied are you with the service overall?"))
    timeliness = _score(_("How satisfied are you with how quickly it was handled?"))
    fairness = _score(_("How fair was the handling?"))
    comment = forms.CharField(
        label=_("Anything you want to tell us? (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Please do not write ID numbers or bank details here."),
        error_messages={"max_length": _("Keep it under 500 characters.")},
    )
