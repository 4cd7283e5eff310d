from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Home page and site-wide settings")

    def ready(self):
        from wagtail.models import PageViewRestriction

        from home.models import NavigationItem
        from home.page_cache import invalidation

        invalidation.connect()
        # Saved with the site settings or the privacy dialog; both show on public pages.
        invalidation.watch(NavigationItem, PageViewRestriction)
