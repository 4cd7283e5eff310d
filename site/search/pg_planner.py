"""Ask PostgreSQL's planner to read the full-text indexes for one ranking statement.

For a word found in most bodies the planner prices `body @@ query` as cheap and scans the
whole index table, testing each row; but each test decompresses that row's body vector
(2.6 kB on average), so the scan cost 70-88 ms where the GIN bitmap scan costs 8-11 ms
(10,000 policies, ADR 0019). `index_scans()` turns sequential scans off for the statements
run inside it and restores the previous value afterwards, inside a transaction (or a
savepoint of the caller's), so nothing else in the request is planned differently.
"""

from contextlib import contextmanager

from django.db import connections, transaction


@contextmanager
def index_scans(using: str = "default"):
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        previous = cursor.fetchone()[0]
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
