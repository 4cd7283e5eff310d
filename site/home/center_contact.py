"""The center's own contact facts (address, hotline, office hours), read from the default
site's settings: the one place they are kept. The footer, the guides' "center window"
block, the not-a-labor-dispute page and the demo loaders of other apps all read them here
(or through `site_chrome`, which reads the same row), so no page states another number."""

from wagtail.models import Site

FIELDS = ("hotline", "address", "office_hours")


def center_contact(site=None) -> dict:
    """{"hotline", "address", "office_hours"} of `site` (default: the default site);
    empty strings when there is no site yet."""
    from home.models import SiteSettings

    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return dict.fromkeys(FIELDS, "")
    row = SiteSettings.for_site(site)
    return {name: getattr(row, name) for name in FIELDS}
