from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import lockouts


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
