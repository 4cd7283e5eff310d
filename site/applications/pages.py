"""The editor-controlled section pages (/apply/, /track/) whose text frames our views."""

from home.models import StandardPage


def section_page(slug: str):
    """The live StandardPage at the top level with this slug, if editors keep one."""
    return StandardPage.objects.live().filter(slug=slug, depth=3).first()
