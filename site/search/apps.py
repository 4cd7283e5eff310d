from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        from . import synonyms  # noqa: F401 - connects the cache invalidation
