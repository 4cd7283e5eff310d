from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import lockouts
from portal.two_factor import views as two_factor


@hooks.register("register_admin_urls")
def lockout_urls():
    urls = [
        path("", lockouts.index, name="index"),
        path("<int:pk>/unlock/", lockouts.unlock, name="unlock"),
    ]
    return [path("sign-in-lockouts/", include((urls, "portal_lockouts")))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return SuperuserMenuItem(
        _("Sign-in lockouts"), reverse("portal_lockouts:index"), icon_name="lock", order=900
    )


@hooks.register("register_admin_urls")
def two_factor_urls():
    urls = [
        path("", two_factor.account, name="account"),
        path("verify/", two_factor.verify, name="verify"),
        path("enrol/", two_factor.enrol, name="enrol"),
        path("recovery-codes/", two_factor.new_recovery_codes, name="recovery_codes"),
        path("disable/", two_factor.disable, name="disable"),
        path("users/", two_factor.users, name="users"),
        path("users/<int:pk>/reset/", two_factor.reset, name="reset"),
    ]
    return [path("two-factor/", include((urls, "two_factor")))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor:account"),
        "label": _("Two-factor authentication"),
        "help_text": _("Sign in with a code from an authenticator app as well as the password."),
    }


@hooks.register("register_settings_menu_item")
def two_factor_menu_item():
    return SuperuserMenuItem(
        _("Two-factor authentication"),
        reverse("two_factor:users"),
        icon_name="key",
        order=910,
    )
