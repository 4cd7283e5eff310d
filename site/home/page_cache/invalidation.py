"""Forget every cached page when public content changes.

Cached pages are keyed by a generation token kept in the shared cache (keys.page_key):
`purge()` replaces the token, so every worker and every process (a management command,
the task worker, `manage.py shell`) stops finding the old pages at once. Purging all pages
rather than "the pages showing this object" is complete by construction (listings, the
home page and menus included) and cheap: content changes a few times a day.

What counts as a change: publishing, unpublishing, moving or deleting a page (scheduled
publishing included: it publishes through the same signal), a full save of a live page,
and saving or deleting a snippet, a site setting, a Site, an image, a document, or a model
an app registers with `watch()` (the directory's agencies, organizations, mediators...).
A purge runs at once and again after the transaction commits, so a request that stored
what it read before the commit is forgotten too.
"""

import functools
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
_registered: set = set()


def watch(*models) -> None:
    """Purge the page cache whenever one of these models is saved or deleted."""
    _registered.update(models)
    _watched.cache_clear()


@functools.cache
def _watched() -> frozenset:
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    return frozenset(
        {
            Site,
            get_image_model(),
            get_document_model(),
            *settings_registry,
            *get_snippet_models(),
            *_registered,
        }
    )


def generation() -> str:
    """The current content generation (created on first use)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex[:16]
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    return token


def purge(reason: str = "") -> None:
    """Forget every cached page now, and again once the current transaction commits (a
    request between the two may have stored what it read before the commit)."""
    _purge_now(reason, front=False)
    transaction.on_commit(functools.partial(_purge_now, reason))


def _purge_now(reason: str, front: bool = True) -> None:
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex[:16], timeout=None)
    except Exception:  # the cache being down must not break publishing
        logger.warning("Page cache purge failed (%s)", reason, exc_info=True)
    else:
        logger.info("Page cache purged: %s", reason)
    if front and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from home.page_cache.tasks import purge_front_cache

        purge_front_cache.enqueue()


def _on_page_event(sender, instance=None, **kwargs):
    purge(f"page {getattr(instance, 'pk', '')} published, unpublished or moved")


def _on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    from wagtail.models import Page

    if raw:
        return
    if isinstance(instance, Page):
        # Draft saves write only a few fields (update_fields); a full save of a live page
        # (publishing, moving, a script) changes what visitors see.
        if update_fields is None and instance.live:
            purge(f"page {instance.pk} saved")
        return
    if sender in _watched():
        purge(f"{sender._meta.label} {instance.pk} saved")


def _on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) or sender in _watched():
        purge(f"{sender._meta.label} {instance.pk} deleted")


def _on_m2m(sender, instance, action, **kwargs):
    if action.startswith("post_") and type(instance) in _watched():
        purge(f"{type(instance)._meta.label} {instance.pk} relations changed")


def connect() -> None:
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_page_event, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_event, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="page_cache_moved")
    post_save.connect(_on_save, dispatch_uid="page_cache_saved")
    post_delete.connect(_on_delete, dispatch_uid="page_cache_deleted")
    m2m_changed.connect(_on_m2m, dispatch_uid="page_cache_m2m")
