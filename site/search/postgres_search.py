"""PostgreSQL: the site search's ranking, and autocomplete over all indexed text.

Ranking (`rank_querysets`). The stock compiler filters on `(title || body) @@ query`, which
no index serves: every search concatenates and tests every index entry of the type, then
runs two ts_rank() per match (about 0.7 s for a word in 10,000 pages on this machine).
Here every word must be in the title or the body, tested word by word so the GIN indexes
can serve each test; one query ranks the best candidates of every type (ORDER BY ... LIMIT
per type, UNION ALL) and one tests them against the types' querysets (ADR 0019). Within a
type, title matches come first (ordered by the stock title length factor, shorter titles
first), then body matches by ts_rank(body), which is computed only for them.

Autocomplete. Wagtail's admin searches pages, snippets and choosers with `autocomplete()`,
which the stock backend runs over AutocompleteFields only (for pages: the title). Here it
matches the title, the body and the autocomplete text, the last word also as a prefix.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchRank
from django.db.models import (
    Case,
    F,
    FloatField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from . import candidates as candidate_ranking
from . import pg_planner


class FullTextAutocompletePostgresCompiler(PostgresAutocompleteQueryCompiler):
    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), F("index_entries__title_norm")),
            (F("index_entries__body"), 1.0),
            (F("index_entries__autocomplete"), 1.0),
        ]


def _condition(query, tsquery):
    """A filter equivalent to `(title || body) @@ query` for our queries, word by word.

    Each word must occur in the title or the body; the GIN indexes on both columns serve
    every test. (The stock concatenation is served by no index and costs about 50 µs per
    entry.) Returns None for query types the site search does not build.
    """
    if isinstance(query, PlainText):
        words = [
            Q(title=tsquery(word)) | Q(body=tsquery(word)) for word in query.query_string.split()
        ]
        if not words:
            return None
        return reduce(and_ if query.operator == "and" else or_, words)
    if isinstance(query, (And, Or)):
        parts = [_condition(sub, tsquery) for sub in query.subqueries]
        if any(part is None for part in parts):
            return None
        return reduce(and_ if isinstance(query, And) else or_, parts)
    return None  # Phrase, Not, MatchAll, Boost: the stock path


def stock_ranking(backend, query, querysets, limit):
    """The wrapped backend's ranked search per queryset (negations, phrases ...)."""
    from .backend import ChineseSearchMixin

    return ChineseSearchMixin.rank_querysets(backend, query, querysets, limit)


def rank_querysets(backend, query, querysets: dict, limit: int) -> dict[str, list]:
    """{key: [pk, ...]}: the best `limit` matches of the segmented `query` per queryset.

    Three queries, whatever the number of matches: a bounded count (is the query common?
    see is_common), one that ranks the matching entries of every
    type (a UNION ALL of one ORDER BY ... LIMIT per type) and keeps the best
    CANDIDATE_FACTOR * limit of each; one tests those candidates against their querysets
    (candidates.members). Joining each type's queryset to every match instead cost a hash
    of all 10,000 pages per search. When a type's candidates ran out before `limit` of
    them passed its queryset, that type is ranked again with the queryset tested on every
    match, so the answer is always the true best `limit`.
    """
    if not querysets:
        return {}
    compiler = PostgresSearchQueryCompiler(next(iter(querysets.values())), query)

    def tsquery(word):
        return compiler.build_tsquery(PlainText(word), config=backend.config)

    matches = _condition(query, tsquery)
    if matches is None:
        return stock_ranking(backend, query, querysets, limit)
    exact = compiler.build_tsquery(query, config=backend.config)
    in_title = Q(title=exact)
    keys = list(querysets)
    all_types = [
        ct for key in keys for ct in get_descendants_content_types_pks(querysets[key].model)
    ]
    depth = limit * candidate_ranking.CANDIDATE_FACTOR
    # Both statements in one transaction, planned on the full-text indexes.
    with pg_planner.index_scans(IndexEntry.objects.db):
        common = is_common(matches, all_types)
        order = _order(in_title, exact, common)
        ordering = [F("_tier").asc(), F("_value").desc(), F("id").desc()]
        parts = []
        for number, key in enumerate(keys):
            entries = IndexEntry.objects.filter(
                matches, content_type__in=get_descendants_content_types_pks(querysets[key].model)
            )
            if common:
                of_type = IndexEntry.objects.filter(
                    content_type__in=get_descendants_content_types_pks(querysets[key].model)
                )
                parts += _tiers_apart(of_type, matches, in_title, number, depth)
                continue
            parts.append(
                entries.annotate(**order)
                .order_by(*ordering)
                .values_list(Value(number), "object_id", "_tier", "_value", "id")[:depth]
            )
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        rows = list(rows)
    found = {key: [] for key in keys}
    for number, object_id, tier, value, entry_id in rows:
        key = keys[number]
        pk = querysets[key].model._meta.pk.to_python(object_id)
        found[key].append(((tier, -value, -entry_id), pk))
    for entries in found.values():
        entries.sort(key=lambda entry: entry[0])
    passed = candidate_ranking.members(
        querysets, {key: [pk for _, pk in entries] for key, entries in found.items()}
    )
    ranked = {}
    for key, entries in found.items():
        kept = [pk for _, pk in entries if (key, pk) in passed]
        if len(entries) == depth and len(kept) < limit:
            kept = _rank_exactly(querysets[key], matches, order, ordering, limit)
        ranked[key] = kept[:limit]
    return ranked


def _order(in_title, exact, common: bool) -> dict:
    """Title matches first (shorter titles first), then body matches: by ts_rank, or
    newest first for a common query (see is_common)."""
    body_order = Cast(F("id"), FloatField()) if common else SearchRank(F("body"), exact)
    return {
        "_tier": Case(When(in_title, then=Value(0)), default=Value(1)),
        "_value": Case(
            When(in_title, then=F("title_norm")),
            default=body_order,
            output_field=FloatField(),
        ),
    }


# A query matching at least this many index entries is "common": its body matches are
# listed newest first instead of by ts_rank (see is_common).
COMMON_MATCHES = 2_000


def is_common(matches, content_types) -> bool:
    """True when `matches` finds at least COMMON_MATCHES entries of these types.

    ts_rank() decompresses the body vector of every match (about 10 µs each), so a word
    found in most of 10,000 pages cost 80-110 ms of ranking, while it tells such pages
    apart by little more than how often the word repeats. For those words the body tier
    is ordered by recency (the newest index entry first); title matches still come first,
    shorter titles first. The count stops at COMMON_MATCHES (15-25 ms at 10,000 pages).
    """
    found = (
        IndexEntry.objects.filter(matches, content_type__in=content_types)
        .values("id")[:COMMON_MATCHES]
        .count()
    )
    return found >= COMMON_MATCHES


def _tiers_apart(of_type, matches, in_title, number, depth) -> list:
    """A common query's best `depth` entries of one type as two statements: its title
    matches (shorter titles first) and its newest body-only matches. Apart, the title tier
    needs no test of the body (a title that matches the whole query holds every word of
    it, so `matches` holds too), and the body tier reads entries newest first."""
    columns = (Value(number), "object_id", "_tier", "_value", "id")
    titled = (
        of_type.filter(in_title)
        .annotate(_tier=Value(0), _value=F("title_norm"))
        .order_by(F("_value").desc(), F("id").desc())
        .values_list(*columns)[:depth]
    )
    body_only = (
        of_type.filter(matches)
        .exclude(in_title)
        .annotate(_tier=Value(1), _value=Cast(F("id"), FloatField()))
        .order_by(F("id").desc())
        .values_list(*columns)[:depth]
    )
    return [titled, body_only]


def _rank_exactly(queryset, matches, order, ordering, limit) -> list:
    """The best `limit` of one queryset, the queryset tested on every match."""
    candidates = queryset.order_by().annotate(_id=Cast("pk", TextField())).values("_id")
    object_ids = (
        IndexEntry.objects.filter(
            matches,
            content_type__in=get_descendants_content_types_pks(queryset.model),
            object_id__in=candidates,
        )
        .annotate(**order)
        .order_by(*ordering)
        .values_list("object_id", flat=True)[:limit]
    )
    return [queryset.model._meta.pk.to_python(pk) for pk in object_ids]


CLASSES = {
    "autocomplete_query_compiler_class": FullTextAutocompletePostgresCompiler,
    "rank_querysets": rank_querysets,
}
