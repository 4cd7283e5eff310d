"""The policy library's filter form. Invalid values are ignored, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.segmentation import clean_query, query_words

from .choices import Topic, Validity


class PolicyFilterForm(forms.Form):
    q = forms.CharField(required=False, label=_("Keyword"))
    issuer = forms.ChoiceField(required=False, label=_("Issuing body"))
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label=_("Year"))
    validity = forms.ChoiceField(
        required=False, choices=[("", _("All"))] + Validity.choices, label=_("Validity")
    )
    topic = forms.ChoiceField(
        required=False, choices=[("", _("All"))] + Topic.choices, label=_("Topic")
    )

    def __init__(self, data, *, issuers, years):
        super().__init__(data)
        self.fields["issuer"].choices = [("", _("All"))] + [(a.code, a.name) for a in issuers]
        self.fields["year"].choices = [("", _("All"))] + [(y, str(y)) for y in years]

    def clean_q(self):
        # Any length and character set is accepted; long queries are truncated, and a
        # query without a single word (only quotes or symbols) is no filter at all.
        query = clean_query(self.cleaned_data.get("q"))
        return query if query_words(query) else ""

    def valid_filters(self):
        """The filters whose values are valid; invalid ones are dropped, not reported."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
