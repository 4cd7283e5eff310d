"""Beijing dates of stored instants, computed by the database itself.

Django's `TruncDate(..., tzinfo=...)` runs a Python function for every row on SQLite; at
100,000 cases that is seconds per figure. China has kept UTC+8 all year since 1991, so a
Beijing date is the UTC instant plus eight hours: SQLite's own `date(x, '+8 hours')`, and
PostgreSQL's `AT TIME ZONE 'Asia/Shanghai'`. On SQLite the fractional seconds are cut
first (SQLite would round 23:59:59.9999 up into the next day). Both give a `date`; tests
check them against `timezone.localdate` at the day's edges
(tests/reporting/test_beijing_dates.py).
"""

from django.db.models import DateField, Func

OFFSET = "+8 hours"
ZONE = "Asia/Shanghai"


class BeijingDate(Func):
    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template=f"date(substr(%(expressions)s, 1, 19), '{OFFSET}')",
            **extra,
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template=f"((%(expressions)s) AT TIME ZONE '{ZONE}')::date",
            **extra,
        )


class BeijingMonth(Func):
    """The first day of the Beijing month of an instant."""

    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra):
        template = f"date(substr(%(expressions)s, 1, 19), '{OFFSET}', 'start of month')"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = f"date_trunc('month', (%(expressions)s) AT TIME ZONE '{ZONE}')::date"
        return self.as_sql(compiler, connection, template=template, **extra)
