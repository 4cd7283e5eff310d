from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from casework import admin_urls, permissions
from casework.dashboard import CaseCountsPanel
from casework.services import referrals
from directory.permissions import is_center_admin


@hooks.register("register_admin_urls")
def casework_urls():
    return [path("cases/", include(admin_urls, namespace="casework"))]


class CaseMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_case_staff(request.user)


@hooks.register("register_admin_menu_item")
def case_menu_item():
    return CaseMenuItem(
        _("Case handling"), reverse("casework:queue"), icon_name="folder-open-inverse", order=50
    )


@hooks.register("construct_homepage_panels")
def add_case_counts_panel(request, panels):
    panel = CaseCountsPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)


@hooks.register("insert_global_admin_css")
def casework_css():
    return format_html('<link rel="stylesheet" href="{}">', static("casework/casework.css"))


# Court referrals, walk-in intake, tokens and the audit log (ADR 0016).
class CenterAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_center_admin(request.user)


class ReferralRegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return referrals.may_register(request.user)


@hooks.register("register_admin_menu_item")
def walk_in_menu_item():
    return CaseMenuItem(
        _("Record an oral application"), reverse("casework:walk_in"), icon_name="user", order=51
    )


@hooks.register("register_admin_menu_item")
def referral_menu():
    menu = Menu(
        items=[
            CaseMenuItem(_("Referred cases"), reverse("casework:referrals"), icon_name="list-ul"),
            ReferralRegisterMenuItem(
                _("Register a referral"), reverse("casework:referral_register"), icon_name="plus"
            ),
            CenterAdminMenuItem(
                _("Court API tokens"), reverse("casework:referral_tokens"), icon_name="key"
            ),
        ]
    )
    return SubmenuMenuItem(_("Court referrals"), menu, icon_name="folder-inverse", order=52)


@hooks.register("register_admin_menu_item")
def audit_log_menu_item():
    return CenterAdminMenuItem(
        _("Audit log"), reverse("casework:audit_log"), icon_name="history", order=53
    )
