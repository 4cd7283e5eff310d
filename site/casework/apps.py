from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "casework"
    verbose_name = _("Casework")

    def ready(self):
        from cases.services.retention import anonymising
        from casework.retention import anonymise_casework

        anonymising.connect(anonymise_casework, dispatch_uid="casework.anonymise")
