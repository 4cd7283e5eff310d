"""The statistics filters: a GET form that validates, and the `Filters` the figures read."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import ApplicationType, CaseSource
from directory.models import Agency
from directory.regions import AgencyKind, Region
from reporting import periods
from reporting.phases import PHASES


def _all(choices):
    return [("", _("All")), *choices]


def _choice(label, choices):
    return forms.ChoiceField(
        label=label,
        choices=_all(choices),
        required=False,
        error_messages={"invalid_choice": _("Choose a value from the list.")},
    )


class StatisticsFilterForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[("", _("Dates below")), *periods.QUICK_PICKS],
        required=False,
        error_messages={"invalid_choice": _("Choose a period from the list.")},
    )
    date_from = forms.DateField(
        label=_("Period start"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date such as 2026-01-31.")},
    )
    date_to = forms.DateField(
        label=_("Period end"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date such as 2026-01-31.")},
    )
    region = _choice(_("Region"), Region.choices)
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("All"),
        error_messages={"invalid_choice": _("Choose an agency from the list.")},
    )
    agency_kind = _choice(_("Agency kind"), AgencyKind.choices)
    application_type = _choice(_("Application type"), ApplicationType.choices)
    phase = _choice(_("Phase"), PHASES)
    channel = _choice(_("Channel"), CaseSource.choices)

    def __init__(self, data=None, *, agencies=None, today=None):
        super().__init__(data)
        self.today = today or timezone.localdate()
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.all()

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if cleaned.get("period") or not (start or end):
            picked = periods.quick_pick(cleaned.get("period") or "this_year", self.today)
            start, end = picked.start, picked.end
        elif not start:
            start = end.replace(month=1, day=1)
        elif not end:
            end = max(start, self.today)
        if start > end:
            self.add_error("date_to", _("The end date must not be before the start date."))
        elif start < periods.EARLIEST:
            self.add_error(
                "date_from", _("Statistics start in the year 2000; choose a later date.")
            )
        elif end > self.today + datetime.timedelta(days=366):
            self.add_error("date_to", _("The end date is too far in the future."))
        elif end >= periods.years_after(start, periods.MAX_YEARS):
            self.add_error(
                "date_to",
                _("Choose a range of at most %(years)s years.") % {"years": periods.MAX_YEARS},
            )
        else:
            cleaned["range"] = periods.DateRange(start, end)
        return cleaned

    def filters(self, agency_ids=None) -> "Filters":
        data = self.cleaned_data
        return Filters(
            range=data["range"],
            region=data.get("region") or "",
            agency=data.get("agency"),
            agency_kind=data.get("agency_kind") or "",
            application_type=data.get("application_type") or "",
            phase=data.get("phase") or "",
            channel=data.get("channel") or "",
            agency_ids=agency_ids,
            today=self.today,
        )


@dataclass(frozen=True)
class Filters:
    range: periods.DateRange
    region: str = ""
    agency: Agency | None = None
    agency_kind: str = ""
    application_type: str = ""
    phase: str = ""
    channel: str = ""
    # The agencies the reader may see figures of (None: every agency, a center admin).
    agency_ids: frozenset | None = None
    today: datetime.date | None = None

    def as_query(self) -> dict:
        """The filters as GET parameters (for export links and the report's header)."""
        query = {"date_from": self.range.start.isoformat(), "date_to": self.range.end.isoformat()}
        for name in ("region", "agency_kind", "application_type", "phase", "channel"):
            if getattr(self, name):
                query[name] = getattr(self, name)
        if self.agency:
            query["agency"] = str(self.agency.pk)
        return query
