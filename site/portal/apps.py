from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from portal.idle_timeout import start_clock
        from portal.two_factor.middleware import forget

        user_logged_in.connect(start_clock, dispatch_uid="portal-idle-timeout")
        user_logged_in.connect(forget, dispatch_uid="portal-two-factor")
