"""PostgreSQL: the full-text indexes of the search index entries write through.

By default a GIN index queues new entries in a "pending list" that every search scans
row by row until VACUUM (or autovacuum) merges it. After indexing many pages at once
(`update_index`, an import) searches were several times slower until autovacuum came
by: 230-270 ms instead of 80-100 ms for a common word at 10,000 pages. A CMS indexes a
page on publish, rarely and in the background, so the index is written through instead
(`fastupdate = off`): indexing costs a little more, searches do not depend on vacuum.
Entries already pending are merged here.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def gin_indexes(cursor) -> list[str]:
    cursor.execute(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        " JOIN pg_am a ON a.oid = c.relam"
        " WHERE i.indrelid = %s::regclass AND a.amname = 'gin' ORDER BY c.relname",
        [TABLE],
    )
    return [name for (name,) in cursor.fetchall()]


def write_through(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in gin_indexes(cursor):
            cursor.execute(f'ALTER INDEX "{name}" SET (fastupdate = off)')
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])


def queue(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in gin_indexes(cursor):
            cursor.execute(f'ALTER INDEX "{name}" RESET (fastupdate)')


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_full_text_indexes")]

    operations = [migrations.RunPython(write_through, queue, elidable=False)]
