from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalDataConfig(AppConfig):
    """Personal data at rest (ADR 0038): the keys, the encrypted model fields with their
    digests and masks, rotation and the startup key check. The bottom layer, so every app
    that stores ID numbers or phones (the case, the mediator register) can use it."""

    name = "personal_data"
    label = "personal_data"
    verbose_name = _("Personal data")

    def ready(self):
        from personal_data import checks  # noqa: F401  (registers the key check)
