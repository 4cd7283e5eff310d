"""The routing preview tool: a hypothetical application, no personal data."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.choices import ApplicationType, DisputeCategory, DisputeStage
from cases.forms.fields import AmountField
from directory.models import MediationOrganization
from directory.regions import Region


class RoutingPreviewForm(forms.Form):
    application_type = forms.ChoiceField(
        choices=ApplicationType.choices, label=_("Application type")
    )
    region = forms.ChoiceField(choices=Region.choices, label=_("Region"))
    dispute_stage = forms.ChoiceField(
        choices=[("", "—")] + list(DisputeStage.choices), required=False, label=_("Dispute stage")
    )
    categories = forms.MultipleChoiceField(
        choices=DisputeCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Dispute categories"),
    )
    workers_involved = forms.IntegerField(
        min_value=1, initial=1, label=_("Number of workers involved")
    )
    amount_claimed = AmountField(required=False, label=_("Amount claimed in yuan (optional)"))
    preferred_organization = forms.ModelChoiceField(
        queryset=MediationOrganization.objects.all(),
        required=False,
        label=_("Preferred mediation organization (optional)"),
    )
