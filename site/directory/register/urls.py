from django.urls import path

from . import views

app_name = "directory_register"
urlpatterns = [
    path("export.csv", views.export_register, {"fmt": "csv"}, name="export_csv"),
    path("export.xlsx", views.export_register, {"fmt": "xlsx"}, name="export_xlsx"),
    path("import/", views.import_upload, name="import"),
    path("import/<uuid:pk>/", views.import_preview, name="preview"),
]
