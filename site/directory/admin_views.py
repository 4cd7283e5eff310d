"""Generic admin views with per-record permission checks and personal-data logging.

Wagtail's generic views check model-level permissions and filter nothing by record; these
subclasses ask the permission policy about the record itself on every object URL.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log

from directory import services
from directory.models import Mediator

PERSONAL_DATA_VIEWED = "directory.view_personal_data"


class ScopedIndexView(generic.IndexView):
    def _allowed(self, action, instance):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, instance
        )

    def get_edit_url(self, instance):
        if self._allowed("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self._allowed("delete", instance):
            return super().get_delete_url(instance)
        return None


class ScopedObjectMixin:
    object_action = "change"

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.object_action, instance
        ):
            raise PermissionDenied
        return instance


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    object_action = "change"


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    object_action = "delete"


class MediatorIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("agency")

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons += [
            HeaderButton(
                _("Export CSV"), url=reverse("directory_register:export_csv"), icon_name="download"
            ),
            HeaderButton(
                _("Export XLSX"),
                url=reverse("directory_register:export_xlsx"),
                icon_name="download",
            ),
            HeaderButton(_("Import"), url=reverse("directory_register:import"), icon_name="upload"),
        ]
        return buttons


class MediatorSaveMixin:
    def save_instance(self):
        previous = ""
        if self.form.instance.pk:
            previous = (
                Mediator.objects.filter(pk=self.form.instance.pk)
                .values_list("status", flat=True)
                .first()
            ) or ""
        services.assign_code(self.form.instance)
        instance = super().save_instance()
        services.record_status(
            instance,
            previous,
            self.request.user,
            self.form.cleaned_data.get("status_reason", "").strip(),
        )
        return instance


class MediatorCreateView(MediatorSaveMixin, generic.CreateView):
    pass


class MediatorEditView(MediatorSaveMixin, ScopedEditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, PERSONAL_DATA_VIEWED, user=request.user)
        return response


class ScopedInspectView(generic.InspectView):
    """A record's page with yes/no fields in words (Wagtail shows "True"/"False")."""

    def get_field_display_value(self, field_name, field):
        if isinstance(field, models.BooleanField):
            value = getattr(self.object, field_name)
            return _("Yes") if value else _("No")
        return super().get_field_display_value(field_name, field)


class MediatorInspectView(ScopedInspectView):
    template_name = "directory/admin/mediator_inspect.html"
    m2m_fields = {"organizations", "specialties"}

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        log(instance, PERSONAL_DATA_VIEWED, user=self.request.user)
        return instance

    def get_field_display_value(self, field_name, field):
        if field_name in self.m2m_fields:
            return "、".join(str(item) for item in getattr(self.object, field_name).all()) or "-"
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sessions = list(self.object.training_sessions.order_by("-date"))
        context["training_sessions"] = sessions
        context["training_hours"] = sum((s.hours for s in sessions), 0)
        context["status_changes"] = self.object.status_changes.select_related("changed_by")
        context["can_edit"] = self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.object
        )
        return context
