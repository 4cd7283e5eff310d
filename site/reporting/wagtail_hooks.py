from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reporting import access, admin_urls


@hooks.register("register_admin_urls")
def reporting_urls():
    return [path("statistics/", include(admin_urls, namespace="reporting"))]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_read(request.user)


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse("reporting:statistics"), icon_name="table", order=54
    )
