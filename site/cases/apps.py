from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The shared core of a case: the model, its vocabulary, references, routing, the legal
    clocks and notifications. Intake (`applications`) and handling (`casework`) both build
    on it and never on each other."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        # Register the system checks of the SMS backend.
        from cases import checks as sms_checks  # noqa: F401
