"""Working days between dates and nearest-rank percentiles (reporting.durations), pinned to
the official calendar: weekends, the Spring Festival holiday and its make-up Saturday."""

import datetime

from reporting.durations import WorkingDayCounter, percentile, working_day_counts

D = datetime.date.fromisoformat


def test_working_days_follow_the_official_calendar():
    counter = WorkingDayCounter()
    assert counter.between(D("2026-03-02"), D("2026-03-13")) == 9  # Mon to Fri next week
    assert counter.between(D("2026-03-06"), D("2026-03-09")) == 1  # over a weekend
    assert counter.between(D("2026-03-09"), D("2026-03-09")) == 0
    assert counter.between(D("2026-03-10"), D("2026-03-09")) == 0
    # 14 Feb 2026 is a make-up working Saturday; 15-23 Feb the Spring Festival holiday.
    assert counter.between(D("2026-02-13"), D("2026-02-14")) == 1
    assert counter.between(D("2026-02-14"), D("2026-02-24")) == 1
    # A later, wider span extends what is covered.
    # New Year holiday 1-3 Jan 2026; Sunday 4 Jan is a make-up working day.
    assert counter.between(D("2025-12-31"), D("2026-01-05")) == 2


def test_pairs_and_percentiles():
    rows = [
        (D("2026-03-02"), D("2026-03-03"), 2),
        (D("2026-03-02"), D("2026-03-13"), 1),
        (None, D("2026-03-03"), 5),
    ]
    weighted = working_day_counts(rows)
    assert weighted == [(1, 2), (9, 1)]
    assert percentile(weighted, 50) == 1  # values 1, 1, 9: rank 2
    assert percentile(weighted, 90) == 9  # rank ceil(2.7) = 3
    assert percentile([], 50) is None
