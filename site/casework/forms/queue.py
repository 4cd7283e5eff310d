"""The queue's filters and search. Every field is optional; a value that does not validate
is ignored (the view lists what the valid fields select and says what it ignored)."""

from django import forms
from django.db.models import Value
from django.utils.translation import gettext_lazy as _

from cases.choices import ApplicationType, CaseSource, CaseStatus, DisputeStage
from cases.forms.fields import FriendlyDateField
from casework import listing
from casework.forms.widgets import ListSelect
from directory.models import MediationOrganization, Mediator
from directory.regions import Region


def _with_any(label, choices):
    return [("", label), *choices]


def assignee_choices():
    """Mediators and organizations as two option groups, read in one query."""
    mediators = (
        Mediator.objects.order_by().annotate(group=Value("m")).values_list("group", "pk", "name")
    )
    organizations = (
        MediationOrganization.objects.order_by()
        .annotate(group=Value("o"))
        .values_list("group", "pk", "name")
    )
    rows = sorted(mediators.union(organizations, all=True), key=lambda row: (row[0], row[2]))
    groups = {"m": [], "o": []}
    for kind, pk, name in rows:
        groups[kind].append((f"{kind}{pk}", name))
    return [
        ("", _("Any mediator or organization")),
        (_("Mediators"), groups["m"]),
        (_("Mediation organizations"), groups["o"]),
    ]


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=100,
        label=_("Reference, party name or mobile number"),
    )
    status = forms.ChoiceField(
        required=False,
        label=_("Status"),
        choices=_with_any(
            _("Any status"), [(listing.OPEN_STATUS, _("Open (not ended)")), *CaseStatus.choices]
        ),
    )
    type = forms.ChoiceField(
        required=False,
        label=_("Application type"),
        choices=_with_any(_("Any type"), ApplicationType.choices),
    )
    source = forms.ChoiceField(
        required=False, label=_("Source"), choices=_with_any(_("Any source"), CaseSource.choices)
    )
    region = forms.ChoiceField(
        required=False, label=_("Region"), choices=_with_any(_("Any region"), Region.choices)
    )
    stage = forms.ChoiceField(
        required=False,
        label=_("Dispute stage"),
        choices=_with_any(_("Any stage"), DisputeStage.choices),
    )
    assignee = forms.ChoiceField(required=False, label=_("Mediator or organization"))
    submitted_from = FriendlyDateField(required=False, label=_("Submitted from"))
    submitted_to = FriendlyDateField(required=False, label=_("Submitted until"))
    sort = forms.ChoiceField(
        required=False,
        label=_("Sort by"),
        choices=[
            ("deadline", _("Nearest deadline first")),
            ("newest", _("Newest submission first")),
            ("oldest", _("Oldest submission first")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = assignee_choices()
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = ListSelect(choices=field.choices)

    def valid_values(self) -> dict:
        """What validated, field by field (call after `is_valid()`)."""
        return {name: value for name, value in self.cleaned_data.items() if value}

    def ignored_labels(self) -> list[str]:
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]

    @property
    def is_filtered(self) -> bool:
        return any(value for name, value in self.valid_values().items() if name != "sort")
