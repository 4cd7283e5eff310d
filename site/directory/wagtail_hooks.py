from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from directory.admin_views import PERSONAL_DATA_VIEWED
from directory.dashboard import RegisterPanel
from directory.register import urls as register_urls
from directory.viewsets import DirectoryViewSetGroup


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return DirectoryViewSetGroup()


@hooks.register("register_admin_urls")
def register_register_urls():
    return [path("directory/register/", include(register_urls, namespace="directory_register"))]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        PERSONAL_DATA_VIEWED,
        _("View personal data"),
        _("Viewed contact details and ID number"),
    )


@hooks.register("construct_homepage_panels")
def add_register_panel(request, panels):
    panel = RegisterPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
