"""Copy every row of the project's tables out of the test database and put them back.

The demo fixtures use it: `load_demo` runs once per test session, its result is captured
here, and each test that wants the demo gets exactly those rows back in milliseconds
instead of running `load_demo` again (seconds). A restore replaces the whole content of
every table that belongs to an installed model, so it yields the same database whatever
state the previous test left (rolled back, or flushed by a transactional test).

Values travel untouched: on SQLite they are read as stored (`+column` has no declared
type, so Django's converters leave it alone) and written back with the same columns; on
PostgreSQL through COPY in text format.
"""

from dataclasses import dataclass, field

from django.db import transaction


def _quote(connection, name):
    return connection.ops.quote_name(name)


def project_tables(connection) -> list[str]:
    """Tables of installed models, less SQLite's virtual (full-text) tables: triggers on
    the index entry table fill those, so restoring that table restores them."""
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
            )
            names = set(names) - {name for (name,) in cursor.fetchall()}
    return sorted(names)


def row_counts(connection, tables) -> dict[str, int]:
    selects = " UNION ALL ".join(
        f"SELECT '{table}', COUNT(*) FROM {_quote(connection, table)}"  # noqa: S608
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(selects)
        return dict(cursor.fetchall())


@dataclass
class TableSnapshot:
    """The rows of every project table at one moment, for one database vendor."""

    vendor: str
    tables: list[str]
    rows: dict[str, object] = field(default_factory=dict)
    # PostgreSQL only: (sequence, highest value in the snapshot) pairs.
    sequences: list[tuple[str, int]] = field(default_factory=list)

    @classmethod
    def capture(cls, connection) -> "TableSnapshot":
        snapshot = cls(vendor=connection.vendor, tables=project_tables(connection))
        with connection.cursor() as cursor:
            for table in snapshot.tables:
                if snapshot.vendor == "postgresql":
                    snapshot.rows[table] = _copy_out(cursor, connection, table)
                else:
                    snapshot.rows[table] = _select_all(cursor, connection, table)
            if snapshot.vendor == "postgresql":
                snapshot.sequences = _sequence_heads(cursor, connection, snapshot.tables)
        return snapshot

    def restore(self, connection) -> None:
        """Make the project tables hold exactly the captured rows (in one transaction)."""
        if connection.vendor != self.vendor:
            raise ValueError(f"snapshot of {self.vendor} restored into {connection.vendor}")
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            # Foreign keys are DEFERRABLE INITIALLY DEFERRED on both databases, so
            # the order of deletes and inserts inside the transaction does not matter.
            deletes = [f"DELETE FROM {_quote(connection, t)}" for t in self.tables]  # noqa: S608
            if self.vendor == "postgresql":
                cursor.execute("; ".join(deletes))  # one round trip
            else:
                for statement in deletes:
                    cursor.execute(statement)
            for table in self.tables:
                if self.vendor == "postgresql":
                    _copy_in(cursor, connection, table, self.rows[table])
                else:
                    _insert_all(cursor, connection, table, self.rows[table])
            if self.sequences:
                _advance_sequences(cursor, self.sequences)


def _columns(cursor, connection, table) -> list[str]:
    description = connection.introspection.get_table_description(cursor, table)
    return [column.name for column in description]


def _select_all(cursor, connection, table):
    columns = _columns(cursor, connection, table)
    listing = ", ".join(f"+{_quote(connection, column)}" for column in columns)
    cursor.execute(f"SELECT {listing} FROM {_quote(connection, table)}")  # noqa: S608
    return columns, cursor.fetchall()


def _insert_all(cursor, connection, table, captured):
    columns, rows = captured
    if not rows:
        return
    names = ", ".join(_quote(connection, column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    cursor.executemany(
        f"INSERT INTO {_quote(connection, table)} ({names}) VALUES ({marks})",  # noqa: S608
        rows,
    )


def _copy_out(cursor, connection, table) -> bytes:
    with cursor.cursor.copy(f"COPY {_quote(connection, table)} TO STDOUT") as copy:
        return b"".join(bytes(chunk) for chunk in copy)


def _copy_in(cursor, connection, table, data: bytes):
    if not data:
        return
    with cursor.cursor.copy(f"COPY {_quote(connection, table)} FROM STDIN") as copy:
        copy.write(data)


def _sequence_heads(cursor, connection, tables) -> list[tuple[str, int]]:
    """Each serial or identity column's sequence with the highest value the snapshot holds."""
    cursor.execute(
        """
        SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relname = ANY(%s) AND pg_table_is_visible(c.oid)
          AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
        """,
        [list(tables)],
    )
    heads = []
    for table, column, sequence in cursor.fetchall():
        quoted = _quote(connection, column)
        cursor.execute(f"SELECT COALESCE(MAX({quoted}), 0) FROM {_quote(connection, table)}")  # noqa: S608
        heads.append((sequence, cursor.fetchone()[0]))
    return heads


def _advance_sequences(cursor, heads):
    """New rows must get ids above the restored ones; sequences never move backwards."""
    if not heads:
        return
    calls = ", ".join(
        "setval(%s, GREATEST(%s, (SELECT last_value FROM " + sequence + ")))"  # noqa: S608
        for sequence, _head in heads
    )
    params = [value for sequence, head in heads for value in (sequence, head)]
    cursor.execute(f"SELECT {calls}", params)  # noqa: S608
