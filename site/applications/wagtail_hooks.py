from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from applications.views.admin import routing_preview
from applications.viewsets import (
    notification_viewset,
    purge_record_viewset,
    routing_rule_viewset,
)

register_snippet(routing_rule_viewset)


@hooks.register("register_admin_viewset")
def register_notifications():
    return notification_viewset


@hooks.register("register_admin_viewset")
def register_purge_log():
    return purge_record_viewset


@hooks.register("register_admin_urls")
def routing_preview_urls():
    return [path("routing-preview/", routing_preview, name="routing_preview")]


class PreviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cases.view_routingrule")


@hooks.register("register_admin_menu_item")
def routing_preview_menu_item():
    return PreviewMenuItem(
        _("Routing preview"), reverse("routing_preview"), icon_name="view", order=305
    )
