"""Admin viewsets: routing rules (center admins) and the notification log."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.models import Notification, RoutingRule


class RoutingRuleViewSet(SnippetViewSet):
    model = RoutingRule
    icon = "resubmit"
    menu_label = _("Routing rules")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["priority", "name", "target", Column("is_active", label=_("Active"))]
    list_filter = ["is_active", "application_type", "target"]
    ordering = ["priority"]


class NotificationViewSet(ModelViewSet):
    model = Notification
    icon = "mail"
    menu_label = _("Notifications")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "created_at",
        "case",
        "channel",
        "purpose",
        StatusTagColumn("status", primary=lambda n: n.status == "sent"),
        "attempts",
        "last_error",
    ]
    list_filter = ["status", "channel", "purpose"]
    form_fields = ["status"]
    # Not the recipient: it is encrypted at rest (ADR 0038).
    search_fields = ["case__reference"]
    inspect_view_fields = [
        "case",
        "channel",
        "purpose",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]


routing_rule_viewset = RoutingRuleViewSet()
notification_viewset = NotificationViewSet("notifications")
