"""A Wagtail search backend that segments Chinese text at index and query time.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}` picks the stock
database backend for the current database (SQLite FTS5, PostgreSQL full-text search) and
wraps it: every text value the backend indexes passes through jieba first, and every
query string (or Wagtail query object) is segmented the same way before it is compiled.
All of Wagtail's search API (page.search(), the admin's search boxes, snippets, images)
therefore understands Chinese without code of its own. Two stock behaviours are replaced
per database (sqlite_search.py, postgres_search.py): SQLite ranks through its FTS index
instead of a per-row subquery, and `autocomplete()` (the admin's search boxes) matches the
whole indexed text, not only the title.
"""

import types

from django.db import connection
from modelsearch.backends.base import EmptySearchResults

from .query import segment_query
from .ranking import key_only
from .segmentation import index_text


def _segmenting_indexer(indexer_class):
    """A subclass of a backend's ObjectIndexer whose text values are segmented."""

    class SegmentingObjectIndexer(indexer_class):
        def prepare_value(self, value):
            if isinstance(value, (list, dict)):
                # The stock method joins the items, each of which comes back here.
                return super().prepare_value(value)
            text = super().prepare_value(value)
            # The stock indexer walks every field once for the title, once for the body
            # and once for the autocomplete text (PostgreSQL: twice more for fuzzy
            # search); segment each distinct value of this object only once.
            segmented = self.__dict__.setdefault("_segmented", {})
            if text not in segmented:
                segmented[text] = index_text(text)
            return segmented[text]

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

    def ranked_matches(self, query, querysets: dict, limit: int, title_fields: dict) -> dict:
        """{key: [(pk, title), ...]}: the best `limit` matches per queryset, with titles
        where the ranking read them (see search/ranking.py)."""
        segmented = segment_query(query)
        if segmented is None:
            return {key: [] for key in querysets}
        return self.rank_querysets(segmented, querysets, limit, title_fields)

    def matching(self, query, queryset):
        """`queryset` narrowed to the objects matching `query`, unordered (see
        search/ranking.py); None when this database cannot say it in one query."""
        segmented = segment_query(query)
        if segmented is None:
            return queryset.none()
        return self.narrow_to_matches(segmented, queryset)

    def narrow_to_matches(self, query, queryset):
        return None

    def rank_querysets(self, query, querysets, limit, title_fields=None):
        """Default: the wrapped backend's own ranked search per queryset, keys only (the
        caller reads the titles)."""
        stock_search = super().search  # the query is segmented already
        return {
            key: [(obj.pk, None) for obj in stock_search(query, key_only(queryset))[:limit]]
            for key, queryset in querysets.items()
        }


def _database_backend_class():
    """(stock backend class, its module, our overriding class attributes) for this database."""
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres as module

        from .postgres_search import CLASSES

        return module.PostgresSearchBackend, module, CLASSES
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite import sqlite as module
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        from .sqlite_search import CLASSES

        if fts5_available() and fts_table_exists():
            return module.SQLiteSearchBackend, module, CLASSES
    raise RuntimeError(
        "search.backend needs SQLite with FTS5 or PostgreSQL; for other databases use "
        "Elasticsearch/OpenSearch with a Chinese analyzer (see docs/decisions)."
    )


_classes = {}


def backend_class():
    """The wrapped backend class for the current database, built once per process."""
    if connection.vendor not in _classes:
        base, module, overrides = _database_backend_class()
        _classes[connection.vendor] = type(
            f"Chinese{base.__name__}",
            (ChineseSearchMixin, base),
            {"index_class": _segmenting_index(base.index_class, module), **overrides},
        )
    return _classes[connection.vendor]


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    # PostgreSQL: the "simple" configuration, no stemming or stop words (segmented
    # Chinese words must reach the index unchanged).
    return backend_class()({"SEARCH_CONFIG": "simple", **params})
