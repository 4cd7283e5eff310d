"""Statistics URLs inside the Wagtail admin (/admin/statistics/), namespace `reporting`."""

from django.urls import path, register_converter

from reporting import views


class MonthConverter:
    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value):
        import datetime

        try:
            return datetime.date(int(value[:4]), int(value[5:]), 1)
        except ValueError as error:
            raise ValueError(value) from error

    def to_url(self, value):
        return f"{value:%Y-%m}"


register_converter(MonthConverter, "month")

app_name = "reporting"
urlpatterns = [
    path("", views.statistics, name="statistics"),
    path("export/", views.export, name="export"),
    path("reports/", views.monthly_reports, name="monthly_reports"),
    path("reports/<month:month>.<str:fmt>", views.monthly_report, name="monthly_report"),
]
