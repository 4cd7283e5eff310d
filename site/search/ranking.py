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
    ranked = ranked_matches(query, querysets, limit, backend=backend)
    return {key: [pk for pk, _ in matches] for key, matches in ranked.items()}


def ranked_matches(
    query: str, querysets: dict, limit: int, title_fields: dict | None = None, backend=None
) -> dict[str, list]:
    """{key: [(pk, title), ...]}: the best `limit` matches of `query` in each queryset,
    each with its title for the keys of `title_fields` ({key: title field name, or None
    for `str(obj)`}; None for the other keys).

    Our backend reads the titles with the check of its candidates (no extra query); the
    others' are read here, one query per type, and matches whose object is gone dropped.
    """
    backend = backend or get_search_backend()
    title_fields = title_fields or {}
    own = getattr(backend, "ranked_matches", None)
    if own is not None:
        found = own(query, querysets, limit, title_fields)
    else:
        found = {
            key: [(pk, None) for pk in pks]
            for key, pks in generic_ranked_ids(backend, query, querysets, limit).items()
        }
    for key, matches in found.items():
        if key in title_fields and any(title is None for _, title in matches):
            titles = read_titles(querysets[key].model, [pk for pk, _ in matches], title_fields[key])
            found[key] = [(pk, titles[pk]) for pk, _ in matches if pk in titles]
    return found


def matching(query: str, queryset, cap: int, backend=None):
    """`queryset` narrowed to the objects matching `query`, in no particular order (for
    lists with an order of their own, e.g. the policy library's keyword box).

    Our backend adds one subquery to `queryset`, so the list's count and page each stay
    one query and every match is kept. Other backends keep the best `cap` matches.
    """
    backend = backend or get_search_backend()
    own = getattr(backend, "matching", None)
    narrowed = own(query, queryset) if own is not None else None
    if narrowed is not None:
        return narrowed
    return queryset.filter(pk__in=ranked_ids(query, {"all": queryset}, cap, backend)["all"])


def read_titles(model, pks: list, field: str | None) -> dict:
    """{pk: title} for `pks` of `model`, in one query: the `field`, else `str(obj)`."""
    if not pks:
        return {}
    manager = model._default_manager
    if field:
        return dict(manager.filter(pk__in=pks).values_list("pk", field))
    return {obj.pk: str(obj) for obj in manager.filter(pk__in=pks)}


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
