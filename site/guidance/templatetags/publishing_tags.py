from django import template

from guidance.highlights import home_highlights

register = template.Library()


@register.simple_tag
def home_page_highlights():
    """{% home_page_highlights as highlights %}: latest notices and featured guidance."""
    return home_highlights()
