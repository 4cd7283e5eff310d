from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    label = "applications"
    verbose_name = _("Online applications")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from applications.viewsets import ViewOnlyPolicy
        from cases.models import PurgeRecord

        register_permission_policy(PurgeRecord, ViewOnlyPolicy(PurgeRecord), exact_class=True)
