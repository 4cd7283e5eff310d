"""Casework URLs inside the Wagtail admin (/admin/cases/), namespace `casework`."""

from django.urls import path

from casework.views import case_page, queues

app_name = "casework"
urlpatterns = [
    path("", queues.queue, name="queue"),
    path("<str:reference>/", case_page.case_page, name="case"),
]
