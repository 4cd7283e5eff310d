"""Issue a court's API token (center admins)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from casework.forms.referral import courts
from home.plain_text import PlainTextMixin


class IssueTokenForm(PlainTextMixin, forms.Form):
    court = forms.ModelChoiceField(
        queryset=None,
        label=_("Court"),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose a court from the list.")},
    )
    name = forms.CharField(
        max_length=100,
        label=_("Label"),
        help_text=_("What the token is for, e.g. the court's mediation platform."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].queryset = courts()
