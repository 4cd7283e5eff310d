"""SQLite: ranking driven by the FTS5 index, and autocomplete over all indexed text.

Ranking. The stock SQLite compiler orders results with a correlated subquery that runs
the FTS5 MATCH again for every candidate row, so a word found in 10,000 pages costs
10,000 full-text queries (minutes). Here the ranking is one query driven by the FTS index:
MATCH, join the index entry, keep the rows whose object is in the caller's queryset (one
materialised `IN` subquery), order by the same BM25 expression, slice. Then one query
fetches the objects of that slice. Negated queries, `MatchAll` and searches not ordered by
relevance keep the stock path (they do not rank). The site search ranks all its types in
one such query (`ranked_ids`, a window per type), so a common word's thousands of matches
are read once per request, not once per type.

Score: title matches first, then BM25 (`TitleFirstBM25`). The stock expression calls
bm25() once per query word and column (on SQLite each call returns the same whole-row
score) and multiplies it by the title length factor whether or not the title matched, so
a short title whose body repeated the word outranked a page with the word in its title.

Autocomplete. Wagtail's admin searches pages, snippets and choosers with `autocomplete()`,
which the stock backends run over AutocompleteFields only (for pages: the title). Chinese
editors search for a word from the text (调解 finds a page that says 劳动争议调解工作), so
our autocomplete matches the title, the body and the autocomplete text, the last word also
as a prefix, ranked like a search (see ADR 0017).
"""

from functools import reduce
from operator import or_

from django.db.models import Case, Exists, F, FloatField, Func, OuterRef, Q, Value, When, Window
from django.db.models.functions import Cast, RowNumber
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

# Objects fetched per query when a caller iterates an unsliced ranked search.
FETCH_CHUNK = 500


# Added to the score of entries whose title (or autocomplete text, which holds the title)
# matches: they rank before every entry that matches in the body only.
TITLE_TIER = -1_000_000.0


class TitleFirstBM25(Func):
    """BM25 of the whole entry, title matches first. Lower is better.

    FTS5 weights columns before its term-frequency saturation, so a heavy title weight
    barely beats a body that repeats the word; a second bm25() over the title columns
    alone (about 10 % more work) puts title matches in their own tier instead.
    """

    output_field = FloatField()

    def __init__(self):
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        table = SQLiteFTSIndexEntry._meta.db_table
        title_weights = ", ".join(
            "1.0" if name in ("title", "autocomplete") else "0.0"
            for name in _columns(connection, table)
        )
        sql = (
            f"(bm25({table}) + CASE WHEN bm25({table}, {title_weights}) < 0 "
            f"THEN {TITLE_TIER} ELSE 0.0 END)"
        )
        return sql, []


_column_names = {}


def _columns(connection, table) -> list[str]:
    """The FTS table's columns in their order (bm25() takes one weight per column)."""
    if table not in _column_names:
        with connection.cursor() as cursor:
            description = connection.introspection.get_table_description(cursor, table)
        _column_names[table] = [column.name for column in description]
    return _column_names[table]


def score():
    return TitleFirstBM25()


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
            .annotate(score=score())
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


def rank_querysets(backend, query, querysets: dict, limit: int) -> dict[str, list]:
    """{key: [pk, ...]}: the best `limit` matches of the segmented `query` per queryset,
    from one pass over the index with a row number per type."""
    compilers = {
        key: RankedSQLiteSearchQueryCompiler(queryset, query) for key, queryset in querysets.items()
    }
    normalized = normalize(query)
    content_types = [get_descendants_content_types_pks(qs.model) for qs in querysets.values()]
    flat = [ct for cts in content_types for ct in cts]
    if not compilers or not rankable(normalized) or len(flat) != len(set(flat)):
        # A negation, or two querysets over the same model: one search each.
        from .backend import ChineseSearchMixin

        return ChineseSearchMixin.rank_querysets(backend, query, querysets, limit)
    keys = list(querysets)
    kind = Case(
        *[
            When(index_entry__content_type__in=cts, then=Value(number))
            for number, cts in enumerate(content_types)
        ],
        default=Value(-1),
    )
    rows = (
        SQLiteFTSIndexEntry.objects.filter(next(iter(compilers.values())).match(normalized))
        .filter(reduce(or_, [in_queryset(qs) for qs in querysets.values()]))
        .annotate(score=score(), kind=kind)
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=F("kind"),
                order_by=[F("score").asc(), F("index_entry_id").desc()],
            )
        )
        .filter(position__lte=limit)
        .order_by()  # sorted below: an ORDER BY here would compute the window twice
        .values_list("kind", "position", "index_entry__object_id")
    )
    ranked = {key: [] for key in keys}
    for number, _, object_id in sorted(rows):
        queryset = querysets[keys[number]]
        ranked[keys[number]].append(queryset.model._meta.pk.to_python(object_id))
    return ranked


CLASSES = {
    "query_compiler_class": RankedSQLiteSearchQueryCompiler,
    "autocomplete_query_compiler_class": FullTextAutocompleteSQLiteCompiler,
    "results_class": RankedSQLiteSearchResults,
    "rank_querysets": rank_querysets,
}
