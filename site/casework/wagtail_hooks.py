from django.urls import include, path
from wagtail import hooks

from casework import admin_urls


@hooks.register("register_admin_urls")
def casework_urls():
    return [path("cases/", include(admin_urls, namespace="casework"))]
