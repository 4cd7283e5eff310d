"""The parts of modelsearch (Wagtail's search package) that site/search builds on beyond
its public API, pinned in requirements.txt and checked here, so that an upgrade that
changes them fails loudly in this file rather than silently in the search results.

If a test here fails after an upgrade: read the new modelsearch code for the named
method, adapt site/search, then update the expectation here.
"""

import inspect
import re
import types
from importlib.metadata import version
from pathlib import Path

import pytest
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.sqlite import query as sqlite_query
from modelsearch.backends.database.sqlite import sqlite as sq

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_version_is_the_pinned_one():
    pinned = re.search(r"^modelsearch==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pinned, "pin modelsearch in requirements.txt"
    assert version("modelsearch") == pinned.group(1)


# (class, method, signature) for every modelsearch method site/search overrides or calls
# through super(): sqlite_search.py, postgres_search.py, backend.py.
SIGNATURES = [
    (sq.SQLiteSearchQueryCompiler, "search", "(self, config, start, stop, score_field=None)"),
    (sq.SQLiteAutocompleteQueryCompiler, "search", "(self, config, start, stop, score_field=None)"),
    (sq.SQLiteSearchResults, "_do_search", "(self)"),
    (sq.SQLiteSearchResults, "facet", "(self, field_name)"),
    (pg.PostgresAutocompleteQueryCompiler, "get_index_vectors", "(self, search_query)"),
    (pg.PostgresAutocompleteQueryCompiler, "_build_rank_expression", "(self, vectors, config)"),
    (pg.PostgresSearchResults, "_do_search", "(self)"),
    (pg.PostgresSearchResults, "_do_count", "(self)"),
    (sq.SQLiteIndex, "add_items", "(self, model, objs)"),
    (pg.PostgresIndex, "add_items", "(self, model, objs)"),
    (sq.ObjectIndexer, "prepare_value", "(self, value)"),
    (pg.ObjectIndexer, "prepare_value", "(self, value)"),
]


@pytest.mark.parametrize(("cls", "method", "signature"), SIGNATURES)
def test_the_methods_we_override_keep_their_signatures(cls, method, signature):
    assert str(inspect.signature(getattr(cls, method))) == signature


def _global_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):  # comprehensions, nested functions
            names |= _global_names(constant)
    return names


@pytest.mark.parametrize("index_class", [sq.SQLiteIndex, pg.PostgresIndex])
def test_add_items_builds_entries_through_the_module_level_object_indexer(index_class):
    """search/backend.py re-binds the global name `ObjectIndexer` of a copy of `add_items`
    to its segmenting subclass: that only works while add_items looks the name up."""
    assert "ObjectIndexer" in _global_names(index_class.add_items.__code__)
    assert index_class.add_items.__closure__ is None


def test_the_index_entries_have_the_columns_the_ranking_reads():
    sqlite_columns = {field.name for field in sq.SQLiteFTSIndexEntry._meta.get_fields()}
    assert {"title", "body", "autocomplete", "index_entry"} <= sqlite_columns
    pg_columns = {field.name for field in pg.IndexEntry._meta.get_fields()}
    assert {"content_type", "object_id", "title", "body", "autocomplete", "title_norm"} <= (
        pg_columns
    )


def test_the_sqlite_query_helpers_keep_their_shape():
    assert str(inspect.signature(sqlite_query.normalize)).startswith("(search_query")
    assert list(inspect.signature(sqlite_query.MatchExpression.__init__).parameters) == [
        "self",
        "columns",
        "query",
    ]
