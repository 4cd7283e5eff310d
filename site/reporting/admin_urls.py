"""Statistics URLs inside the Wagtail admin (/admin/statistics/), namespace `reporting`."""

from django.urls import path

from reporting import views, workbook_views

app_name = "reporting"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("export/", views.export, name="export"),
    path("workbooks/", workbook_views.ask, name="workbooks"),
    path("workbooks/<int:pk>.xlsx", workbook_views.download, name="workbook"),
    path("reports/", views.monthly_reports, name="monthly_reports"),
    # reports/2026-03.xlsx, reports/2026-03.html
    path("reports/<str:filename>", views.monthly_report, name="monthly_report"),
]
