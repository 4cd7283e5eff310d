"""Durations in working days, and percentiles of them.

The database groups cases by their (start date, end date) pair, so Python only sees the
distinct pairs (at most a few thousand a year, however many cases) with their counts; the
working days of each pair come from the official calendar the legal clocks use
(cases.working_days). Percentiles use the nearest-rank method: the 90th percentile of
n values is the ceil(0.9 n)-th smallest, so it is always a duration some case really took.
"""

import datetime
import math
from collections.abc import Iterable

from cases.working_days import is_working_day


class WorkingDayCounter:
    """Working days after `start` up to and including `end` (0 when end <= start), from a
    running count over the span covered: one calendar lookup per day of the span, then
    constant time per pair."""

    def __init__(self):
        self._first = self._last = None
        self._running: list[int] = []  # working days in (first, first + i]

    def cover(self, start: datetime.date, end: datetime.date) -> None:
        if self._first is not None and self._first <= start and end <= self._last:
            return
        first = start if self._first is None else min(start, self._first)
        last = end if self._last is None else max(end, self._last)
        running, total = [0], 0
        for offset in range(1, (last - first).days + 1):
            total += is_working_day(first + datetime.timedelta(days=offset))
            running.append(total)
        self._first, self._last, self._running = first, last, running

    def between(self, start: datetime.date, end: datetime.date) -> int:
        if end <= start:
            return 0
        self.cover(start, end)
        return self._running[(end - self._first).days] - self._running[(start - self._first).days]


def working_day_counts(pairs: Iterable[tuple], counter=None) -> list[tuple[int, int]]:
    """[(working days, number of cases)] from rows of (start, end, count)."""
    counter = counter or WorkingDayCounter()
    rows = [(start, end, count) for start, end, count in pairs if start and end]
    if rows:
        counter.cover(min(row[0] for row in rows), max(row[1] for row in rows))
    return [(counter.between(start, end), count) for start, end, count in rows]


def percentile(weighted: list[tuple[int, int]], percent: int) -> int | None:
    """Nearest-rank percentile of values given with their counts; None when empty."""
    total = sum(count for _value, count in weighted)
    if not total:
        return None
    rank = max(1, math.ceil(percent * total / 100))
    seen = 0
    for value, count in sorted(weighted):
        seen += count
        if seen >= rank:
            return value
    return None  # pragma: no cover - rank never exceeds the total
