"""Admin form for routing rules: list conditions as checkboxes instead of raw JSON."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cases.choices import DisputeCategory
from directory.regions import AgencyKind, Region
from home.plain_text import PlainTextMixin


class RoutingRuleAdminForm(PlainTextMixin, WagtailAdminModelForm):
    regions = forms.MultipleChoiceField(
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Regions"),
        help_text=_("None ticked: any region."),
    )
    categories = forms.MultipleChoiceField(
        choices=DisputeCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Dispute categories"),
        help_text=_(
            "None ticked: any category. Otherwise matches when the application names any of them."
        ),
    )
    also_notify_kinds = forms.MultipleChoiceField(
        choices=AgencyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Also notify"),
        help_text=_("Agencies of these kinds in the applicant's region are notified too."),
    )
