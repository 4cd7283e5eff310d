"""SQLite: ranking driven by the FTS5 index, and autocomplete over all indexed text.

Ranking. The stock SQLite compiler orders results with a correlated subquery that runs
the FTS5 MATCH again for every candidate row, so a word found in 10,000 pages costs
10,000 full-text queries (minutes). Here the ranking is one query driven by the FTS index:
MATCH, join the index entry, keep the rows whose object is in the caller's queryset (a
primary-key probe per entry), order by the score, slice. Then one query fetches the
objects of that slice. Negated queries, `MatchAll` and searches not ordered by relevance
keep the stock path (they do not rank). The site search (`rank_querysets`) scores a
common word's thousands of matches once for all its types, keeps the best candidates of
each type and tests only those against the types' querysets (ADR 0019).

Score (`score()`): entries whose title holds the whole query first, shorter titles first
(PostgreSQL's order), then the others by BM25, computed for them only. The stock
expression called bm25() once per query word and column (on SQLite each call returns the
same whole-row score) and multiplied it by the title length factor whether or not the
title matched, so a short title whose body repeated the word outranked a page with the
word in its title.

Autocomplete. Wagtail's admin searches pages, snippets and choosers with `autocomplete()`,
which the stock backends run over AutocompleteFields only (for pages: the title). Chinese
editors search for a word from the text (调解 finds a page that says 劳动争议调解工作), so
our autocomplete matches the title, the body and the autocomplete text, the last word also
as a prefix, ranked like a search (see ADR 0017).
"""

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.db.models.lookups import In
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from . import candidates as candidate_ranking

# Objects fetched per query when a caller iterates an unsliced ranked search.
FETCH_CHUNK = 500


# The score of entries whose title (or autocomplete text, which holds the title) holds
# the whole query: they rank before every entry that matches in the body only.
TITLE_TIER = -1_000_000.0
TITLE_COLUMNS = ["title", "autocomplete"]


class BM25(Func):
    """FTS5's BM25 of the whole entry (negative: the smallest is the best)."""

    output_field = FloatField()

    def __init__(self):
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table})", []


class InTitleMatch(Func):
    """True for entries whose title columns match `search_query` on their own: one FTS
    query for the whole statement (SQLite keeps its row ids in a set), not a bm25() per
    row."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, search_query):
        super().__init__()
        self.search_query = search_query

    def as_sql(self, compiler, connection, **extra_context):
        table = SQLiteFTSIndexEntry._meta.db_table
        match_sql, params = MatchExpression(TITLE_COLUMNS, self.search_query).as_sql(
            compiler, connection
        )
        sql = f"{table}.rowid IN (SELECT rowid FROM {table} WHERE {match_sql})"  # noqa: S608
        return sql, params  # the query text is a parameter


def score(search_query):
    """Title matches first, shorter titles first (PostgreSQL's order: the stock title
    length factor `title_norm`), then body matches by BM25. Lower is better.

    BM25 is computed only for body matches: for a word found in every title (调解 in
    10,000 pages) the ranking reads no BM25 at all. (FTS5 weights columns before its
    term-frequency saturation, so a heavy title weight would barely beat a body that
    repeats the word; a separate tier keeps title matches first.)
    """
    return Case(
        When(
            InTitleMatch(search_query),
            then=Value(TITLE_TIER) - F("index_entry__title_norm"),
        ),
        default=BM25(),
        output_field=FloatField(),
    )


def rankable(query) -> bool:
    """False for MatchAll and negations (`normalize` turns a negated part into AndNot)."""
    return not (isinstance(query, (MatchAll, Not)) or hasattr(query, "subquery_b"))


def in_queryset(queryset):
    """Index entries whose object is in `queryset`: one primary-key probe per entry, so the
    cost follows the matches, not the size of the table."""
    pk = queryset.model._meta.pk
    pk_type = pk.target_field if pk.is_relation else pk
    candidate = queryset.order_by().filter(pk=Cast(OuterRef("index_entry__object_id"), pk_type))
    return Q(of_models(queryset.model)) & Q(Exists(candidate))


def of_models(model):
    """Entries of `model` and its subclasses, tested per matching entry: `+ 0` keeps SQLite
    from driving the query from the content type index and re-running the MATCH once per
    entry of the type (5 s for 10,000 entries), as it does for the stock count."""
    content_types = get_descendants_content_types_pks(model)
    return In(F("index_entry__content_type_id") + 0, content_types)


class IndexRankedSQLiteMixin:
    """Adds `ranked_ids()`: the ranking as one index-driven query (see module docstring)."""

    def match(self, query, config=None):
        return MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )

    def search(self, config, start, stop, score_field=None):
        """Unranked matches, for counts, facets and searches ordered by a field: the stock
        query, with the index entries found through the FTS index (see `of_models`)."""
        query = normalize(self.query)
        if score_field is not None or not rankable(query):
            return super().search(config, start, stop, score_field)
        object_ids = (
            SQLiteFTSIndexEntry.objects.filter(self.match(query, config))
            .filter(of_models(self.queryset.model))
            .values("index_entry__object_id")
        )
        queryset = self.queryset.filter(pk__in=object_ids)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # stable pages, as the stock backend does
        return queryset[start:stop]

    def ranked_ids(self, config, start=0, stop=None):
        """[(pk, score), ...] best first, or None when this search does not rank."""
        query = normalize(self.query)
        if not self.order_by_relevance or not rankable(query):
            return None
        rows = (
            SQLiteFTSIndexEntry.objects.filter(self.match(query, config))
            .filter(in_queryset(self.queryset))
            .annotate(score=score(self.build_search_query(query, config)))
            # BM25 is negative in SQLite: the smallest is the best. Ties: newest entry.
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", "score")
        )[start:stop]
        to_python = self.queryset.model._meta.pk.to_python
        return [(to_python(object_id), value) for object_id, value in rows]


class RankedSQLiteSearchQueryCompiler(IndexRankedSQLiteMixin, SQLiteSearchQueryCompiler):
    pass


class FullTextAutocompleteSQLiteCompiler(IndexRankedSQLiteMixin, SQLiteAutocompleteQueryCompiler):
    FTS_TABLE_FIELDS = ["title", "body", "autocomplete"]


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        ranked = compiler.ranked_ids(compiler.get_config(self.backend), self.start, self.stop)
        if ranked is None:
            return super()._do_search()
        results = []
        for offset in range(0, len(ranked), FETCH_CHUNK):
            chunk = ranked[offset : offset + FETCH_CHUNK]
            objects = {
                obj.pk: obj for obj in compiler.queryset.filter(pk__in=[pk for pk, _ in chunk])
            }
            for pk, value in chunk:
                obj = objects.get(pk)
                if obj is None:  # deleted between the two queries
                    continue
                if self._score_field:
                    setattr(obj, self._score_field, value)
                results.append(obj)
        return results

    def facet(self, field_name):
        # Facet counts need no ranking; the stock facet orders by the slow score subquery.
        compiler = self.query_compiler
        relevance = compiler.order_by_relevance
        compiler.order_by_relevance = False
        try:
            return super().facet(field_name)
        finally:
            compiler.order_by_relevance = relevance


def rank_querysets(backend, query, querysets: dict, limit: int, title_fields=None) -> dict:
    """{key: [(pk, title), ...]}: the best `limit` matches of the segmented `query` per
    queryset, with the title named in `title_fields[key]` (else None).

    Two queries, whatever the number of matches: one pass over the FTS index ranks the
    matching entries of every type (a row number per content type) and keeps the best
    CANDIDATE_FACTOR * limit of each; then one query checks which of those candidates
    are in their querysets (live, public ...). Testing the querysets on candidates only,
    not on every match, saves a primary-key probe per match (about a third of the cost
    of a word found in 10,000 pages). When a type's candidate list was full and too few
    of them passed its queryset to fill `limit`, that type is ranked again exactly (every
    match tested, `ranked_ids`), so the answer is always the true best `limit`.
    """
    normalized = normalize(query)
    content_types = {
        key: get_descendants_content_types_pks(qs.model) for key, qs in querysets.items()
    }
    owner = {ct: key for key, cts in content_types.items() for ct in cts}
    if (
        not querysets
        or not rankable(normalized)
        or len(owner) != sum(map(len, content_types.values()))
    ):
        # A negation, or two querysets over the same model: one search each.
        from .backend import ChineseSearchMixin

        return ChineseSearchMixin.rank_querysets(backend, query, querysets, limit, title_fields)
    depth = limit * candidate_ranking.CANDIDATE_FACTOR
    compiler = RankedSQLiteSearchQueryCompiler(next(iter(querysets.values())), query)
    candidates = {key: [] for key in querysets}  # key -> [(score, -entry id, pk, ct)]
    per_type = {}
    for ct, object_id, entry_id, value in _best_entries(compiler, normalized, list(owner), depth):
        key = owner[ct]
        pk = querysets[key].model._meta.pk.to_python(object_id)
        candidates[key].append((value, -entry_id, pk, ct))
        per_type[ct] = per_type.get(ct, 0) + 1
    members = candidate_ranking.members(
        querysets,
        {key: [pk for _, _, pk, _ in found] for key, found in candidates.items()},
        title_fields,
    )
    ranked = {}
    for key, found in candidates.items():
        found.sort()
        kept = [(pk, members[key, pk]) for _, _, pk, _ in found if (key, pk) in members]
        for ct in content_types[key]:
            passed = sum(1 for _, _, pk, c in found if c == ct and (key, pk) in members)
            if per_type.get(ct) == depth and passed < limit:
                # The candidates ran out before `limit` passed the queryset: more
                # matches may follow, so rank this type exactly.
                kept = _rank_exactly(backend, query, querysets[key], limit)
                break
        ranked[key] = kept[:limit]
    return ranked


def _best_entries(compiler, normalized, content_types: list, depth: int) -> list:
    """[(content type, object id, entry id, score)]: the best `depth` matching entries of
    each content type, in one statement.

    The matches are scored once into a materialised table, then each content type takes
    its best with ORDER BY ... LIMIT (SQLite keeps only `depth` rows while sorting); a
    window over all matches (ROW_NUMBER per type) sorted every match and cost a third
    more. The score cannot be computed outside the full-text query (bm25() needs its
    cursor), hence the materialisation.
    """
    content_type = F("index_entry__content_type_id")
    matches = (
        SQLiteFTSIndexEntry.objects.filter(compiler.match(normalized))
        .filter(In(content_type + 0, content_types))  # `+ 0`: see of_models()
        .annotate(score=score(compiler.build_search_query(normalized)))
        .order_by()
        .values_list(
            "index_entry__content_type_id", "index_entry__object_id", "index_entry_id", "score"
        )
    )
    matches_sql, params = matches.query.sql_with_params()
    best = " UNION ALL ".join(
        "SELECT * FROM (SELECT ct, object_id, entry_id, score FROM matches "
        "WHERE ct = %s ORDER BY score, entry_id DESC LIMIT %s)"
        for _ in content_types
    )
    sql = f"WITH matches(ct, object_id, entry_id, score) AS MATERIALIZED ({matches_sql}) {best}"  # noqa: S608
    for ct in content_types:
        params = (*params, ct, depth)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _rank_exactly(backend, query, queryset, limit) -> list:
    """The best `limit` of one queryset, the queryset tested on every match (titles are
    read by the caller)."""
    compiler = RankedSQLiteSearchQueryCompiler(queryset, query)
    return [(pk, None) for pk, _ in compiler.ranked_ids(compiler.get_config(backend), 0, limit)]


def narrow_to_matches(backend, query, queryset):
    """`queryset` narrowed to the objects matching the segmented `query`, with one
    subquery driven by the FTS index; None for queries that do not rank (negations)."""
    normalized = normalize(query)
    if not rankable(normalized):
        return None
    compiler = RankedSQLiteSearchQueryCompiler(queryset, query)
    object_ids = (
        SQLiteFTSIndexEntry.objects.filter(compiler.match(normalized))
        .filter(of_models(queryset.model))
        .values("index_entry__object_id")
    )
    return queryset.filter(pk__in=object_ids)


CLASSES = {
    "query_compiler_class": RankedSQLiteSearchQueryCompiler,
    "autocomplete_query_compiler_class": FullTextAutocompleteSQLiteCompiler,
    "results_class": RankedSQLiteSearchResults,
    "rank_querysets": rank_querysets,
    "narrow_to_matches": narrow_to_matches,
}
