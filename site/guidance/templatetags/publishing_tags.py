from django import template

from guidance.highlights import home_highlights
from home.page_cache.memo import per_generation

register = template.Library()


@register.simple_tag
def home_page_highlights():
    """{% home_page_highlights as highlights %}: latest notices and featured guidance,
    computed once per content generation (publishing a notice or guide purges it)."""
    return per_generation("home-highlights", home_highlights)
