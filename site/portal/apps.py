from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate

        from portal.idle_timeout import start_clock
        from portal.permission_names import translate_permission_names
        from portal.two_factor.middleware import look_up_at_sign_in

        user_logged_in.connect(start_clock, dispatch_uid="portal-idle-timeout")
        user_logged_in.connect(look_up_at_sign_in, dispatch_uid="portal-two-factor")
        post_migrate.connect(translate_permission_names, dispatch_uid="portal-permission-names")
