"""PostgreSQL: `sitesearch_matching(content types, config, query)`, the object ids of the
index entries of those content types whose title or body match a to_tsquery() text.

Lists narrowed by a keyword (the policy library) filter on it as a subquery. The
function is planned with sequential scans off (its SET clause applies while it runs):
for a word found in most entries the planner prices testing every row as cheap, but
each test concatenates and decompresses that row's vectors (about 150 ms at 10,000
entries, against a few ms through the `sitesearch_title_body_gin` index).
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION sitesearch_matching(
    content_types integer[], config regconfig, query text
) RETURNS SETOF varchar
LANGUAGE sql STABLE
SET enable_seqscan = off
AS $$
    SELECT object_id FROM wagtailsearch_indexentry
    WHERE content_type_id = ANY(content_types)
      AND (title || body) @@ to_tsquery(config, query)
$$
"""
DROP = "DROP FUNCTION IF EXISTS sitesearch_matching(integer[], regconfig, text)"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0002_gin_without_pending_list")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
