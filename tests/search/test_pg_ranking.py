"""The PostgreSQL ranking statement (search/pg_ranking.py): the query text it sends is
the one modelsearch builds, quoting included, and its tests are served by the indexes of
migration sitesearch 0001, as are the expressions Wagtail's own searches test."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.models import Page

from guidance.models import PolicyPage
from search import pg_planner
from search.pg_ranking import TERM_SEPARATOR, Ranking, tsquery_text
from search.query import build_query

QUERIES = ["调解", "调解委员会", "工会 25人", "诉讼服务站 立案", "it's", "a\\b 'x'", "x-y z"]


@pytest.mark.django_db  # build_query reads the editors' synonyms
def test_the_query_text_of_segmented_queries():
    assert tsquery_text(build_query("调解")) == "'调解'"
    assert tsquery_text(build_query("调解委员会")) == "('调解委员会' | ('调解' & '委员会'))"
    assert tsquery_text(PlainText("a b", operator="or")) == "('a' | 'b')"
    assert tsquery_text(And([PlainText("it's"), PlainText("a\\b")])) == "('it''s' & 'a\\\\b')"
    assert tsquery_text(PlainText("x-y")) == "('x' & 'y')"
    # Kinds the site search does not build go to the stock path.
    assert tsquery_text(Phrase("调解 工作")) is None
    assert tsquery_text(Or([PlainText("调解"), Phrase("工作")])) is None
    assert tsquery_text(PlainText(" - ")) is None


postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL statement (CI runs both)"
)


def terms(query) -> list[str]:
    if isinstance(query, PlainText):
        return [term for term in TERM_SEPARATOR.split(query.query_string) if term]
    return [term for sub in query.subqueries for term in terms(sub)]


@postgresql
@pytest.mark.django_db
@pytest.mark.parametrize("text", QUERIES)
def test_the_query_matches_what_modelsearchs_query_matches(text):
    """Ours and modelsearch's agree on every document made of the query's words (the
    operands may come in another order, so the texts themselves differ)."""
    query = PlainText(text) if text.isascii() else build_query(text)
    queryset = PolicyPage.objects.all()
    expression = PostgresSearchQueryCompiler(queryset, query).build_tsquery(query, "simple")
    sql, params = expression.as_sql(queryset.query.get_compiler("default"), connection)
    words = sorted(set(terms(query)))
    documents = [
        " ".join(combination)
        for size in range(len(words) + 1)
        for combination in itertools.combinations(words, size)
    ]
    ours = tsquery_text(query)
    with connection.cursor() as cursor:
        for document in documents:
            cursor.execute(
                f"SELECT to_tsvector('simple', %s) @@ {sql},"  # noqa: S608
                " to_tsvector('simple', %s) @@ to_tsquery('simple'::regconfig, %s)",
                [document, *params, document, ours],
            )
            stock, mine = cursor.fetchone()
            assert mine == stock, document
    assert len(documents) > 1


@postgresql
@pytest.mark.django_db
def test_the_statement_reads_the_title_and_body_index(demo_site):
    content_types = list(
        IndexEntry.objects.filter(content_type__model="policypage").values_list(
            "content_type_id", flat=True
        )[:1]
    )
    ranking = Ranking(tsquery_text(build_query("调解")), "simple", 400)
    sql = ranking.sql([content_types])
    with pg_planner.index_scans(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, ranking.params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "sitesearch_title_body_gin" in plan
    # The body test is answered by the index: nothing tests a body row by row.
    assert "Filter: ((title || body)" not in plan


@postgresql
@pytest.mark.django_db
@pytest.mark.parametrize(
    "run, index",
    [
        (lambda: list(Page.objects.autocomplete("区块链")[:20]), "sitesearch_autocomplete_gin"),
        (lambda: list(PolicyPage.objects.search("区块链")[:20]), "sitesearch_title_body_gin"),
    ],
    ids=["admin autocomplete", "stock search"],
)
def test_wagtails_own_searches_can_read_the_indexes(demo_site, run, index):
    """The indexes are on the very expressions the stock compilers test (the planner
    can only use an expression index for its exact expression)."""
    with CaptureQueriesContext(connection) as queries:
        run()
    table = IndexEntry._meta.db_table
    sql = next(q["sql"] for q in queries.captured_queries if " @@ " in q["sql"])
    sql = sql.replace(f'"{table}".', "").replace('"', "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef(%s::regclass, 1, true)", [index])
        expression = cursor.fetchone()[0]
    assert f"{expression} @@ " in sql or f"({expression}) @@ " in sql, (expression, sql)
