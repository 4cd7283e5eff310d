"""PostgreSQL: three indexes on the search index entries (ADR 0019). SQLite has its own
FTS5 table and needs none of them.

- `sitesearch_title_body_gin`, a full-text index on `title || body`: the ranking tests a
  whole query against the title and the body together; this index answers the test for
  every word at once with an exact bitmap, so no body is decompressed to check it.
- `sitesearch_title_order`, on (content type, title_norm DESC, id DESC): a type's title
  matches in ranking order, so a word found in thousands of titles reads only the first
  few hundred instead of sorting them all.
- `sitesearch_autocomplete_gin`, on `title || body || autocomplete`: the expression the
  admin's search boxes test (search/postgres_search.py, autocomplete); without it every
  admin search concatenated and tested every entry (about 0.2 s at 10,000 pages even
  for a word found nowhere; 10 ms with it).

The stock `search()` filters on `title || body`, so Wagtail's own searches (admin
listings, choosers) use the first index too.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
INDEXES = {
    "sitesearch_title_body_gin": "USING gin ((title || body))",
    "sitesearch_title_order": "(content_type_id, title_norm DESC, id DESC)",
    "sitesearch_autocomplete_gin": "USING gin (((title || body) || autocomplete))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
