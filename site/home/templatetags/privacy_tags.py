"""`{% privacy_notice_url %}`: where the live privacy notice is, for the footer and every
consent box; /privacy/ (the demo's and the usual place) when there is none yet."""

from django import template

from home.page_cache.memo import per_generation

register = template.Library()

DEFAULT_URL = "/privacy/"


def _url() -> str:
    from home.models import PrivacyNoticePage

    page = PrivacyNoticePage.objects.live().first()
    return (page.get_url() if page else None) or DEFAULT_URL


@register.simple_tag
def privacy_notice_url() -> str:
    return per_generation("privacy-notice-url", _url)
