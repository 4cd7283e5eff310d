from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        # Connect the cache invalidation of promotions, synonyms and the suggestion vocabulary.
        from . import promotions, synonyms, vocabulary  # noqa: F401
