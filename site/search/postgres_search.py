"""PostgreSQL: the site search's ranking, and autocomplete over all indexed text.

Ranking (`rank_querysets`). The stock compiler filters on `(title || body) @@ query` with
no index to serve it: every search concatenates and tests every index entry of the type,
then runs two ts_rank() per match (about 0.7 s for a word in 10,000 pages on this
machine). Here one statement, served by an expression index on `title || body`, ranks the
best candidates of every type and one query tests them against the types' querysets
(search/pg_ranking.py, ADR 0019). Within a type, title matches come first (ordered by the
stock title length factor, shorter titles first), then body matches by ts_rank(body),
computed only for them (newest first for a common query).

Autocomplete. Wagtail's admin searches pages, snippets and choosers with `autocomplete()`,
which the stock backend runs over AutocompleteFields only (for pages: the title). Here it
matches the title, the body and the autocomplete text, the last word also as a prefix,
title matches first (shorter titles first), then the newest.
"""

from collections import Counter

from django.db.models import Case, F, FloatField, Q, Value, When
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.utils import get_descendants_content_types_pks

from . import candidates as candidate_ranking
from . import pg_planner, pg_ranking


class FullTextAutocompletePostgresCompiler(PostgresAutocompleteQueryCompiler):
    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), F("index_entries__title_norm")),
            (F("index_entries__body"), 1.0),
            (F("index_entries__autocomplete"), 1.0),
        ]

    def _build_rank_expression(self, vectors, config):
        """Entries whose title matches first, shorter titles first (the site search's
        title tier), then the others; ties newest first (the stock `-pk`).

        The stock score ran ts_rank over the title, the body and the autocomplete text of
        every match, two per query word: about 380 ms for a word in 4,000 of 10,000 pages
        in the admin's page search. This score reads only the small title vector.
        """
        if self.fields is not None:  # a search limited to given fields: the stock score
            return super()._build_rank_expression(vectors, config)
        in_title = Q(index_entries__title=self.build_tsquery(self.query, config=config))
        return Case(
            When(in_title, then=Value(1.0) + F("index_entries__title_norm")),
            default=Value(0.0),
            output_field=FloatField(),
        )


class IndexScanPostgresSearchResults(PostgresSearchResults):
    """Wagtail's searches (`search()`, the admin's `autocomplete()`) planned with
    sequential scans off, like the site search (search/pg_planner.py): for a word in
    4,000 of 10,000 entries the planner tested every entry's concatenated vectors (200
    ms) rather than read the index on that expression (migration sitesearch 0001)."""

    def _do_search(self):
        with pg_planner.index_scans(self.query_compiler.queryset.db):
            return super()._do_search()

    def _do_count(self):
        with pg_planner.index_scans(self.query_compiler.queryset.db):
            return super()._do_count()


def stock_ranking(backend, query, querysets, limit, title_fields=None):
    """The wrapped backend's ranked search per queryset (negations, phrases ...)."""
    from .backend import ChineseSearchMixin

    return ChineseSearchMixin.rank_querysets(backend, query, querysets, limit, title_fields)


def rank_querysets(backend, query, querysets: dict, limit: int, title_fields=None) -> dict:
    """{key: [(pk, title), ...]}: the best `limit` matches of the segmented `query` per
    queryset, with the title named in `title_fields[key]` (else None).

    Two queries, whatever the number of matches: the ranking statement
    (search/pg_ranking.py) keeps the best CANDIDATE_FACTOR * limit entries of each type
    and tier, and one query tests those candidates against their querysets and reads
    their titles (candidates.members). When a type's candidates ran out before `limit`
    of them passed its queryset, that type is ranked again with the queryset tested on
    every match, so the answer is always the true best `limit`.
    """
    if not querysets:
        return {}
    text = pg_ranking.tsquery_text(query)
    if text is None:
        return stock_ranking(backend, query, querysets, limit, title_fields)
    title_fields = title_fields or {}
    keys = list(querysets)
    types = [get_descendants_content_types_pks(querysets[key].model) for key in keys]
    depth = limit * candidate_ranking.CANDIDATE_FACTOR
    rows = pg_ranking.Ranking(text, backend.config, depth).rows(types)
    tier_sizes = Counter((number, tier) for number, _, tier, _, _ in rows)
    best = {key: [] for key in keys}
    for number, object_id, *_ in pg_ranking.best_first(rows):
        key = keys[number]
        if len(best[key]) < depth:
            best[key].append(querysets[key].model._meta.pk.to_python(object_id))
    passed = candidate_ranking.members(querysets, best, title_fields)
    everything = [ct for content_types in types for ct in content_types]
    ranked = {}
    for number, key in enumerate(keys):
        kept = [(pk, passed[key, pk]) for pk in best[key] if (key, pk) in passed]
        full = depth in (tier_sizes[number, 0], tier_sizes[number, 1])
        if full and len(kept) < limit:
            kept = _rank_exactly(backend, text, querysets[key], limit, everything)
        ranked[key] = kept[:limit]
    return ranked


def _rank_exactly(backend, text, queryset, limit, counted) -> list:
    """The best `limit` of one queryset, the queryset tested on every match (titles are
    read by the caller)."""
    content_types = get_descendants_content_types_pks(queryset.model)
    rows = pg_ranking.Ranking(text, backend.config, limit).rows(
        [content_types], {0: pg_ranking.in_queryset(queryset)}, counted
    )
    to_python = queryset.model._meta.pk.to_python
    return [
        (to_python(object_id), None) for _, object_id, *_ in pg_ranking.best_first(rows)[:limit]
    ]


def narrow_to_matches(backend, query, queryset):
    """`queryset` narrowed to the objects matching the segmented `query`, with one
    subquery (search/pg_ranking.matching_keys); None for queries it cannot express."""
    text = pg_ranking.tsquery_text(query)
    if text is None:
        return None
    return queryset.filter(pk__in=pg_ranking.matching_keys(text, backend.config, queryset.model))


CLASSES = {
    "autocomplete_query_compiler_class": FullTextAutocompletePostgresCompiler,
    "results_class": IndexScanPostgresSearchResults,
    "rank_querysets": rank_querysets,
    "narrow_to_matches": narrow_to_matches,
}
