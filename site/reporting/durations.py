"""Percentiles of durations counted in working days.

The durations themselves are stamped on each case when it is accepted and when its outcome
is recorded (cases.timeliness), so the database hands over (working days, number of cases)
groups. Percentiles use the nearest-rank method: the 90th percentile of n values is the
ceil(0.9 n)-th smallest, so it is always a duration some case really took.
"""

import math


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
