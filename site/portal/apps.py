from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from portal.idle_timeout import start_clock
        from portal.two_factor.middleware import look_up_at_sign_in

        user_logged_in.connect(start_clock, dispatch_uid="portal-idle-timeout")
        user_logged_in.connect(look_up_at_sign_in, dispatch_uid="portal-two-factor")
