"""Ask PostgreSQL's planner to read the full-text indexes for the search statements.

For a word found in most entries the planner prices testing `... @@ query` row by row as
cheap and scans the whole index table; but each test decompresses that row's vectors
(2.6 kB of body on average), so the scan cost 70-150 ms where the GIN bitmap scan costs a
few ms (10,000 policies, ADR 0019). Sequential scans are turned off for that statement
only, and the previous value is restored right after it, so nothing else in the request
is planned differently.

`fetch_with_index_scans()` sends the three statements (save and switch off, the
statement, restore) in one round trip: PostgreSQL runs a message of several statements
as one transaction, and `set_config(..., true)` lasts until its end (or, inside the
caller's transaction, until the restore). That needs Django's default client-side
parameter binding; with `server_side_binding` on, `index_scans()` does the same in three
round trips inside a transaction or savepoint.
"""

from contextlib import contextmanager

from django.db import connections, transaction

# Sequential scans off; JIT compilation off too: a plan that still holds a disabled
# sequential scan is priced above `jit_above_cost`, and compiling it took 200 ms.
SETTINGS = ("enable_seqscan", "jit")
SWITCH_OFF = "SELECT " + ", ".join(
    f"set_config('sitesearch.{name}', current_setting('{name}'), true),"
    f" set_config('{name}', 'off', true)"
    for name in SETTINGS
)
RESTORE = "SELECT " + ", ".join(
    f"set_config('{name}', current_setting('sitesearch.{name}'), true)" for name in SETTINGS
)


def fetch_with_index_scans(sql: str, params: list, using: str = "default") -> list[tuple]:
    """The rows of `sql`, planned with sequential scans off."""
    connection = connections[using]
    if connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"):
        with index_scans(using), connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute(f"{SWITCH_OFF}; {sql}; {RESTORE}", params)
        cursor.nextset()
        rows = cursor.fetchall()
        cursor.nextset()
        return rows


@contextmanager
def index_scans(using: str = "default"):
    """Sequential scans (and JIT) off for the statements run inside, restored after."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(SWITCH_OFF)
        try:
            yield
        finally:
            cursor.execute(RESTORE)
