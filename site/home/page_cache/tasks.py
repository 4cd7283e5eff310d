"""Purge a front cache (nginx, Varnish, a CDN) configured with WAGTAILFRONTENDCACHE.

Run in the task worker: purging every live page's URL takes one request per URL. Wagtail's
frontend-cache app already purges a published page's own URLs; this purges the rest
(listings, the home page, pages showing a changed snippet or directory entry)."""

from django_tasks import task


@task()
def purge_front_cache() -> int:
    """The number of URLs purged (0 when no front cache is configured)."""
    from django.conf import settings
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return 0
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific())
    batch.purge()
    return len(batch.urls)
