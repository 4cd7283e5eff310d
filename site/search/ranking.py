"""The best matches of a query in several querysets, as primary keys only.

This is the one step of the site search whose cost grows with the content; everything
after it works on at most `limit` keys per type. Our backend (`search.backend`) answers it
itself, on SQLite and PostgreSQL with two queries for all types together (the best
candidates of each type, then which of them are in their querysets: sqlite_search.py,
postgres_search.py, candidates.py). Any other Wagtail backend (e.g. Elasticsearch) gets
the generic path: its own `search()` on a key-only queryset.
"""

from wagtail.search.backends import get_search_backend


def ranked_ids(query: str, querysets: dict, limit: int, backend=None) -> dict[str, list]:
    """{key: [pk, ...]} with the best `limit` matches of `query` in each queryset."""
    backend = backend or get_search_backend()
    own = getattr(backend, "ranked_ids", None)
    if own is not None:
        return own(query, querysets, limit)
    return generic_ranked_ids(backend, query, querysets, limit)


def key_only(queryset):
    """`queryset` selecting nothing but the primary key."""
    return (
        queryset.select_related(None).prefetch_related(None).only(queryset.model._meta.pk.attname)
    )


def generic_ranked_ids(backend, query, querysets: dict, limit: int) -> dict[str, list]:
    """One `search()` per queryset through the backend's public API, keys only."""
    return {
        key: [obj.pk for obj in backend.search(query, key_only(queryset))[:limit]]
        for key, queryset in querysets.items()
    }
