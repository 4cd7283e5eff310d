from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def two_factor_required() -> bool:
    """Whether staff who can see personal data must use a second factor (ADR 0037)."""
    return settings.STAFF_TWO_FACTOR_REQUIRED
