"""Filters of the center-wide audit log."""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import references
from casework.models import AuditEntry
from directory.models import Agency


class AuditLogFilterForm(forms.Form):
    actor = forms.CharField(
        max_length=150,
        required=False,
        label=_("Who"),
        help_text=_("User name, or part of a name."),
    )
    action = forms.ChoiceField(
        choices=[("", _("All actions")), *AuditEntry.Action.choices],
        required=False,
        label=_("Action"),
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.order_by("kind", "region"),
        required=False,
        label=_("Agency"),
        empty_label=_("All agencies"),
    )
    reference = forms.CharField(max_length=20, required=False, label=_("Case reference"))
    date_from = forms.DateField(
        required=False,
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2026-03-02.")},
    )
    date_to = forms.DateField(
        required=False,
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2026-03-02.")},
    )

    def clean_reference(self):
        value = self.cleaned_data["reference"].strip()
        if not value:
            return ""
        normalized = references.normalize(value)
        if not normalized:
            raise forms.ValidationError(
                _("This is not a case reference; it looks like SZ-XXXX-XXXX-X.")
            )
        return normalized

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("actor"):
            text = data["actor"].strip()
            queryset = queryset.filter(
                Q(actor__username__iexact=text)
                | Q(actor__first_name__icontains=text)
                | Q(actor__last_name__icontains=text)
            )
        if data.get("action"):
            queryset = queryset.filter(action=data["action"])
        if data.get("agency"):
            queryset = queryset.filter(agency=data["agency"])
        if data.get("reference"):
            queryset = queryset.filter(case__reference=data["reference"])
        if data.get("date_from"):
            queryset = queryset.filter(created_at__gte=_start_of(data["date_from"]))
        if data.get("date_to"):
            day_after = data["date_to"] + datetime.timedelta(days=1)
            queryset = queryset.filter(created_at__lt=_start_of(day_after))
        return queryset


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight of `day` in Beijing time: date filters follow the staff's calendar."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
