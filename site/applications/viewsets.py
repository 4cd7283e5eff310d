"""Admin viewsets: routing rules (center admins) and the notification log."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.models import Notification, PurgeRecord, RoutingRule


class RoutingRuleViewSet(SnippetViewSet):
    model = RoutingRule
    icon = "resubmit"
    menu_label = _("Routing rules")
    menu_order = 300
    add_to_admin_menu = True
    list_display = [
        "priority",
        "name",
        "target",
        BooleanColumn("is_active", label=_("Active"), sort_key="is_active"),
    ]
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
        Column("case", label=_("Case")),
        "channel",
        "purpose",
        # The label in words (the raw value is an English code), under a label translated
        # per request (StatusTagColumn's default is translated once, at import).
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda n: n.status == "sent",
        ),
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


class ViewOnlyPolicy(ModelPermissionPolicy):
    """A log is read, never written by hand: only the "view" action is ever granted."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class PurgeRecordViewSet(ModelViewSet):
    """The retention log (ADR 0039): what the nightly jobs deleted or anonymised, how many,
    under which rule; never names or numbers."""

    model = PurgeRecord
    icon = "bin"
    menu_label = _("Purge log")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["created_at", "kind", "count", "detail"]
    list_filter = ["kind"]
    form_fields = ["kind", "count", "detail", "created_at"]  # required by the viewset; unused
    # Its permission policy is ViewOnlyPolicy, registered in ApplicationsConfig.ready().


routing_rule_viewset = RoutingRuleViewSet()
notification_viewset = NotificationViewSet("notifications")
purge_record_viewset = PurgeRecordViewSet("purge_records")
