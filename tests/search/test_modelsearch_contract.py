"""The parts of modelsearch (Wagtail's search package) that site/search builds on beyond
its public API, pinned in requirements.txt and checked here, so that an upgrade that
changes them fails loudly in this file rather than silently in the search results.
Each database's backend module is checked on that database (the SQLite backend cannot be
imported on PostgreSQL); CI runs both.

If a test here fails after an upgrade: read the new modelsearch code for the named
method, adapt site/search, then update the expectation here.
"""

import importlib
import inspect
import re
import types
from importlib.metadata import version
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SQLITE = "modelsearch.backends.database.sqlite.sqlite"
POSTGRES = "modelsearch.backends.database.postgres.postgres"
BACKEND = SQLITE if connection.vendor == "sqlite" else POSTGRES


def backend():
    return importlib.import_module(BACKEND)


def test_the_installed_version_is_the_pinned_one():
    pinned = re.search(r"^modelsearch==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pinned, "pin modelsearch in requirements.txt"
    assert version("modelsearch") == pinned.group(1)


# (module, class, method, signature) for every modelsearch method site/search overrides or
# calls through super(): sqlite_search.py, postgres_search.py, backend.py.
SIGNATURES = [
    (
        SQLITE,
        "SQLiteSearchQueryCompiler",
        "search",
        "(self, config, start, stop, score_field=None)",
    ),
    (
        SQLITE,
        "SQLiteAutocompleteQueryCompiler",
        "search",
        "(self, config, start, stop, score_field=None)",
    ),
    (SQLITE, "SQLiteSearchResults", "_do_search", "(self)"),
    (SQLITE, "SQLiteSearchResults", "facet", "(self, field_name)"),
    (SQLITE, "SQLiteIndex", "add_items", "(self, model, objs)"),
    (SQLITE, "ObjectIndexer", "prepare_value", "(self, value)"),
    (POSTGRES, "PostgresAutocompleteQueryCompiler", "get_index_vectors", "(self, search_query)"),
    (
        POSTGRES,
        "PostgresAutocompleteQueryCompiler",
        "_build_rank_expression",
        "(self, vectors, config)",
    ),
    (POSTGRES, "PostgresSearchResults", "_do_search", "(self)"),
    (POSTGRES, "PostgresSearchResults", "_do_count", "(self)"),
    (POSTGRES, "PostgresIndex", "add_items", "(self, model, objs)"),
    (POSTGRES, "ObjectIndexer", "prepare_value", "(self, value)"),
]


@pytest.mark.parametrize(
    ("class_name", "method", "signature"),
    [row[1:] for row in SIGNATURES if row[0] == BACKEND],
)
def test_the_methods_we_override_keep_their_signatures(class_name, method, signature):
    assert str(inspect.signature(getattr(getattr(backend(), class_name), method))) == signature


def _global_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):  # comprehensions, nested functions
            names |= _global_names(constant)
    return names


def test_add_items_builds_entries_through_the_module_level_object_indexer():
    """search/backend.py re-binds the global name `ObjectIndexer` of a copy of `add_items`
    to its segmenting subclass: that only works while add_items looks the name up."""
    module = backend()
    index_class = module.SQLiteIndex if BACKEND == SQLITE else module.PostgresIndex
    assert "ObjectIndexer" in _global_names(index_class.add_items.__code__)
    assert index_class.add_items.__closure__ is None


def test_the_index_entries_have_the_columns_the_ranking_reads():
    module = backend()
    if BACKEND == SQLITE:
        columns = {field.name for field in module.SQLiteFTSIndexEntry._meta.get_fields()}
        assert {"title", "body", "autocomplete", "index_entry"} <= columns
    else:
        columns = {field.name for field in module.IndexEntry._meta.get_fields()}
        assert {"content_type", "object_id", "title", "body", "autocomplete"} <= columns


@pytest.mark.skipif(BACKEND != SQLITE, reason="SQLite's query helpers (CI runs both)")
def test_the_sqlite_query_helpers_keep_their_shape():
    from modelsearch.backends.database.sqlite import query as sqlite_query

    assert str(inspect.signature(sqlite_query.normalize)).startswith("(search_query")
    assert list(inspect.signature(sqlite_query.MatchExpression.__init__).parameters) == [
        "self",
        "columns",
        "query",
    ]
