"""PostgreSQL: the site search's ranking statement, written as SQL (ADR 0019).

One statement ranks every type: for each type, its title matches (entries whose title
holds the whole query, shorter titles first) and its body matches (by ts_rank of the
body, or newest first for a common query), each cut at `depth` rows, all in one UNION
ALL. Whether the query is common is decided inside the same statement (a count that
stops at COMMON_MATCHES), and a type whose title tier is full reads no body at all (its
best `depth` are all title matches).

Why SQL and not the ORM: the statement has two parts per type, each repeating the
query; Django compiled it in about 30 ms of CPU per search, more than PostgreSQL took to
run it. Here it is a string with parameters. The query text and all values are
parameters; only table and column names, which are ours, are in the string.

Why `(title || body)`: a word may be in the title or in the body, and the query asks for
every word. The expression index `sitesearch_title_body_gin` (migration
sitesearch 0001) serves `(title || body) @@ query` for the whole query at once: the
bitmap it returns is exact, so no body is decompressed to test it (testing title and
body word by word cost up to 25 ms for a common word on 10,000 pages).
"""

import re

from django.db import connection
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from . import pg_planner

# A query matching at least this many index entries is "common": its body matches are
# listed newest first instead of by ts_rank (ts_rank decompresses the body vector of
# every match, about 10 µs each; for a word in most pages it tells them apart by little
# more than how often the word repeats). Title matches still come first.
COMMON_MATCHES = 2_000

TERM_SEPARATOR = re.compile(r"[\s\-]+")


def lexeme(term: str) -> str:
    """`term` quoted as one tsquery lexeme (modelsearch's own quoting)."""
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def tsquery_text(query) -> str | None:
    """The to_tsquery() text of a segmented query, the same modelsearch builds for it;
    None for query types the site search does not build (phrases, negations ...)."""
    if isinstance(query, PlainText):
        terms = [lexeme(term) for term in TERM_SEPARATOR.split(query.query_string) if term]
        if not terms:
            return None
        joined = (" & " if query.operator == "and" else " | ").join(terms)
        return f"({joined})" if len(terms) > 1 else joined
    if isinstance(query, (And, Or)):
        parts = [tsquery_text(sub) for sub in query.subqueries]
        if not parts or any(part is None for part in parts):
            return None
        joined = (" & " if isinstance(query, And) else " | ").join(parts)
        return f"({joined})" if len(parts) > 1 else joined
    return None


def best_first(rows: list[tuple]) -> list[tuple]:
    """Rows of `Ranking.rows()` in ranking order: title matches first, then by value
    (higher first), then newest entry first."""
    return sorted(rows, key=lambda row: (row[2], -row[3], -row[4]))


class Ranking:
    """The ranking statement for one query; `rows()` runs it."""

    def __init__(self, text: str, config: str, depth: int):
        self.text = text
        self.config = config
        self.depth = depth
        self.table = IndexEntry._meta.db_table
        self.params: list = []

    def tsquery(self) -> str:
        self.params += [self.config, self.text]
        return "to_tsquery(%s::regconfig, %s)"

    def of_types(self, content_types: list) -> str:
        """Entries of these content types; one type is an equality, so that the index
        `sitesearch_title_order` can list a type's title matches in order."""
        if len(content_types) == 1:
            self.params.append(content_types[0])
            return "content_type_id = %s"
        self.params.append(list(content_types))
        return "content_type_id = ANY(%s)"

    def _title_tier(self, number: int, content_types: list, extra: tuple) -> str:
        where, extra_params = extra
        self.params += [number]
        sql = (
            f"SELECT %s AS part, object_id, 0 AS tier, title_norm AS value, id"  # noqa: S608
            f" FROM {self.table} WHERE {self.of_types(content_types)}"
            f" AND title @@ {self.tsquery()}{where}"
        )
        self.params += [*extra_params, self.depth]
        return sql + " ORDER BY title_norm DESC, id DESC LIMIT %s"

    def _body_tier(self, number: int, content_types: list, extra: tuple) -> str:
        where, extra_params = extra
        self.params += [number]
        rank = f"ts_rank(body, {self.tsquery()})"
        sql = (
            f"(SELECT %s, object_id, 1,"  # noqa: S608
            f" CASE WHEN (SELECT yes FROM common) THEN id::float8 ELSE {rank} END, id"
            f" FROM {self.table} WHERE {self.of_types(content_types)}"
            f" AND (title || body) @@ {self.tsquery()} AND NOT title @@ {self.tsquery()}{where}"
            # A full title tier already holds this type's best `depth`: skip the bodies.
            f" AND (SELECT count(*) FROM title_{number}) < %s"
        )
        self.params += [*extra_params, self.depth, self.depth]
        return sql + " ORDER BY 4 DESC, id DESC LIMIT %s)"

    def sql(self, types: list[list], extra: dict | None = None, counted=None) -> str:
        """The statement for `types` (a list of content type id lists, one per type).

        `extra` may add a condition (SQL, params) to the entries of a type number;
        `counted`: the content types whose matches decide whether the query is common
        (default: all of `types`).
        """
        extra = extra or {}
        everything = sorted(counted or {ct for content_types in types for ct in content_types})
        self.params = [COMMON_MATCHES, everything]
        ctes = [
            f"common AS (SELECT count(*) >= %s AS yes FROM (SELECT 1 FROM {self.table}"  # noqa: S608
            # `+ 0`: the content type index would be read in full, each row tested.
            f" WHERE content_type_id + 0 = ANY(%s) AND (title || body) @@ {self.tsquery()}"
            " LIMIT %s) AS found)"
        ]
        self.params.append(COMMON_MATCHES)
        for number, content_types in enumerate(types):
            title_tier = self._title_tier(number, content_types, extra.get(number, ("", [])))
            ctes.append(f"title_{number} AS MATERIALIZED ({title_tier})")
        parts = []
        for number, content_types in enumerate(types):
            parts.append(f"SELECT * FROM title_{number}")  # noqa: S608
            parts.append(self._body_tier(number, content_types, extra.get(number, ("", []))))
        return "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(parts)

    def rows(self, types: list[list], extra: dict | None = None, counted=None) -> list[tuple]:
        """[(type number, object id, tier, value, entry id)], unordered: tier 0 for title
        matches, 1 for body matches; within a tier a higher value ranks first."""
        sql = self.sql(types, extra, counted)
        return pg_planner.fetch_with_index_scans(sql, self.params, IndexEntry.objects.db)


def in_queryset(queryset) -> tuple[str, list]:
    """A condition keeping the entries whose object is in `queryset` (SQL, params)."""
    sql, params = queryset.order_by().values_list("pk").query.sql_with_params()
    # `sql` is Django's compiled queryset; its values stay parameters.
    condition = f" AND object_id IN (SELECT CAST(u.pk AS text) FROM ({sql}) AS u(pk))"  # noqa: S608
    return condition, list(params)


def matching_keys(text: str, config: str, model) -> RawSQL:
    """The primary keys of `model`'s objects whose entries match `text`, as a subquery
    (the `sitesearch_matching` function of migration sitesearch 0003)."""
    pk = model._meta.pk
    pk_type = (pk.target_field if pk.is_relation else pk).cast_db_type(connection)
    content_types = list(get_descendants_content_types_pks(model))
    # Only the primary key's column type is in the string; the rest are parameters.
    return RawSQL(  # noqa: S611
        f"SELECT CAST(m AS {pk_type}) FROM sitesearch_matching(%s, %s::regconfig, %s) AS m",  # noqa: S608
        [content_types, config, text],
    )
