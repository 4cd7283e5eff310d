from django import forms
from django.utils.translation import gettext_lazy as _

from .registry import searchable_types
from .segmentation import clean_query


class SearchForm(forms.Form):
    """Never invalid for the visitor: bad values fall back to 'everything'."""

    q = forms.CharField(required=False, label=_("Search this site"))
    type = forms.ChoiceField(required=False, label=_("Type"))

    def __init__(self, data):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All"))] + [
            (entry.key, entry.label) for entry in searchable_types()
        ]

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q"))

    def values(self) -> tuple[str, str]:
        self.is_valid()
        return self.cleaned_data.get("q", ""), self.cleaned_data.get("type", "")
