"""Working days between dates (cases.timeliness) pinned to the official calendar: weekends,
the Spring Festival holiday and its make-up Saturday; nearest-rank percentiles
(reporting.durations)."""

import datetime

from cases.timeliness import working_days_between
from reporting.durations import percentile

D = datetime.date.fromisoformat


def test_working_days_follow_the_official_calendar():
    assert working_days_between(D("2026-03-02"), D("2026-03-13")) == 9  # Mon to Fri next week
    assert working_days_between(D("2026-03-06"), D("2026-03-09")) == 1  # over a weekend
    assert working_days_between(D("2026-03-09"), D("2026-03-09")) == 0
    assert working_days_between(D("2026-03-10"), D("2026-03-09")) == 0
    # 14 Feb 2026 is a make-up working Saturday; 15-23 Feb the Spring Festival holiday.
    assert working_days_between(D("2026-02-13"), D("2026-02-14")) == 1
    assert working_days_between(D("2026-02-14"), D("2026-02-24")) == 1
    # New Year holiday 1-3 Jan 2026; Sunday 4 Jan is a make-up working day.
    assert working_days_between(D("2025-12-31"), D("2026-01-05")) == 2


def test_nearest_rank_percentiles():
    weighted = [(9, 1), (1, 2)]
    assert percentile(weighted, 50) == 1  # values 1, 1, 9: rank 2
    assert percentile(weighted, 90) == 9  # rank ceil(2.7) = 3
    assert percentile(weighted, 100) == 9
    assert percentile([], 50) is None
