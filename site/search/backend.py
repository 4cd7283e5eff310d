"""A Wagtail search backend that segments Chinese text at index and query time.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}` picks the stock
database backend for the current database (SQLite FTS5, PostgreSQL full-text search) and
wraps it: every text value the backend indexes passes through jieba first, and every
query string (or Wagtail query object) is segmented the same way before it is compiled.
All of Wagtail's search API (page.search(), the admin's search boxes, snippets, images)
therefore understands Chinese without code of its own.
"""

import types

from django.db import connection
from modelsearch.backends.base import EmptySearchResults

from .query import segment_query
from .segmentation import index_text


def _segmenting_indexer(indexer_class):
    """A subclass of a backend's ObjectIndexer whose text values are segmented."""

    class SegmentingObjectIndexer(indexer_class):
        def prepare_value(self, value):
            return index_text(super().prepare_value(value))

    return SegmentingObjectIndexer


def _segmenting_index(index_class, module):
    """A subclass of a backend's index class that builds its entries with segmented text.

    The stock `add_items` instantiates the module-level `ObjectIndexer`; we run the same
    function with that one name bound to the segmenting subclass, so the rest of the
    backend's indexing logic stays exactly as released.
    """
    indexer = _segmenting_indexer(module.ObjectIndexer)
    stock = index_class.add_items
    add_items = types.FunctionType(
        stock.__code__,
        {**stock.__globals__, "ObjectIndexer": indexer},
        stock.__name__,
        stock.__defaults__,
        stock.__closure__,
    )
    return type(f"Segmenting{index_class.__name__}", (index_class,), {"add_items": add_items})


class ChineseSearchMixin:
    """Segments query strings and query objects before the wrapped backend compiles them."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        segmented = segment_query(query)
        if segmented is None:
            return EmptySearchResults()
        return super().search(segmented, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        segmented = segment_query(query)
        if segmented is None:
            return EmptySearchResults()
        return super().autocomplete(segmented, model_or_queryset, *args, **kwargs)


def _database_backend_class():
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres as module

        return module.PostgresSearchBackend, module
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite import sqlite as module
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            return module.SQLiteSearchBackend, module
    raise RuntimeError(
        "search.backend needs SQLite with FTS5 or PostgreSQL; for other databases use "
        "Elasticsearch/OpenSearch with a Chinese analyzer (see docs/decisions)."
    )


_classes = {}


def backend_class():
    """The wrapped backend class for the current database, built once per process."""
    if connection.vendor not in _classes:
        base, module = _database_backend_class()
        _classes[connection.vendor] = type(
            f"Chinese{base.__name__}",
            (ChineseSearchMixin, base),
            {"index_class": _segmenting_index(base.index_class, module)},
        )
    return _classes[connection.vendor]


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    # PostgreSQL: the "simple" configuration, no stemming or stop words (segmented
    # Chinese words must reach the index unchanged).
    return backend_class()({"SEARCH_CONFIG": "simple", **params})
