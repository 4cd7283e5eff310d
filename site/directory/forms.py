"""Back-office forms: keep staff inside their own agencies when they create or edit."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permissions import policy_registry

from directory.models import Agency
from home.plain_text import PlainTextMixin


def _editable_agencies(model, user):
    return policy_registry.get_by_type(model).agencies_user_can_edit_for(user)


class MediatorAdminForm(PlainTextMixin, WagtailAdminModelForm):
    status_reason = forms.CharField(
        required=False,
        max_length=200,
        label=_("Reason for the status change"),
        help_text=_("Required when you change the status."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "agency" in self.fields:
            self.fields["agency"].queryset = _editable_agencies(self._meta.model, self.for_user)

    def clean(self):
        cleaned = super().clean()
        status_changed = self.instance.pk and "status" in self.changed_data
        if status_changed and not cleaned.get("status_reason", "").strip():
            self.add_error("status_reason", _("Give a reason for the status change."))
        return cleaned


class OrganizationAdminForm(PlainTextMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "host_agency" in self.fields:
            self.fields["host_agency"].queryset = _editable_agencies(
                self._meta.model, self.for_user
            )


class TrainingAdminForm(PlainTextMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.editable_agencies = Agency.objects.all()
        if self.for_user is not None and "organizers" in self.fields:
            self.editable_agencies = _editable_agencies(self._meta.model, self.for_user)

    def clean_organizers(self):
        organizers = self.cleaned_data["organizers"]
        allowed = set(self.editable_agencies.values_list("pk", flat=True))
        if not any(agency.pk in allowed for agency in organizers):
            raise forms.ValidationError(
                _("At least one organizing agency must be one of your own agencies.")
            )
        return organizers
