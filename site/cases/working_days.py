"""Working days by the official PRC calendar (weekends, public holidays, make-up days).

`chinese_calendar` carries the State Council's yearly arrangement, including the make-up
working days on weekends. For a year it has no data for yet (the arrangement is published
each November), the statutory public holidays from the `holidays` package are used with
ordinary weekends, and a warning is logged once: the dates then may move by a day or two
when the arrangement is published and the packages are updated.
"""

import datetime
import functools
import logging

import chinese_calendar
import holidays

logger = logging.getLogger(__name__)
_warned_years: set[int] = set()


@functools.lru_cache(maxsize=16)
def _statutory_holidays(year: int) -> frozenset:
    return frozenset(holidays.China(years=year))


def is_working_day(day: datetime.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        if day.year not in _warned_years:
            _warned_years.add(day.year)
            logger.warning(
                "No official holiday arrangement for %s yet; using statutory holidays", day.year
            )
        return day.weekday() < 5 and day not in _statutory_holidays(day.year)


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The `count`-th working day after `start` (the start day itself does not count)."""
    day = start
    remaining = count
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def add_days(start: datetime.date, count: int) -> datetime.date:
    """Calendar days; a period whose last day is a day off ends on the next working day
    (劳动争议调解仲裁法 and the Civil Procedure Law count periods this way)."""
    day = start + datetime.timedelta(days=count)
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day
