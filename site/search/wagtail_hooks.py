from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 800
    add_to_admin_menu = False
    list_display = ["term", "equivalents"]
    search_fields = ["term", "equivalents"]


register_snippet(SynonymViewSet)
