"""What every public page shows around its content: the footer's contact details and the
main navigation, read once per content generation and kept in the shared cache.

Three queries (site settings, menu items, their pages) on every render become none: the
values change only when an editor saves the site settings, a menu item or a page, and each
of those purges the generation (home/page_cache/invalidation.py).
"""

from wagtail.models import Site

from home.page_cache.memo import per_generation

CONTACT_FIELDS = ("hotline", "address", "office_hours", "email", "record_number")


def _read(site) -> dict:
    from home.models import SiteSettings

    row = SiteSettings.for_site(site)
    facts = {name: getattr(row, name) for name in CONTACT_FIELDS}
    facts["menu"] = [
        {
            "label": item.label,
            "href": item.href,
            "url_path": item.page.url_path if item.page_id and item.page else "",
        }
        for item in row.menu_items
    ]
    return facts


def site_chrome(request) -> dict:
    """The contact details and menu of the request's site ({} when no site matches)."""
    cached = getattr(request, "_site_chrome", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        request._site_chrome = {}
        return request._site_chrome
    facts = per_generation(f"site-chrome:{site.pk}", lambda: _read(site))
    request._site_chrome = facts
    return facts
