"""Date ranges of the statistics, in Beijing dates: quick picks, bounds as instants, months.

A range is inclusive of both days. It becomes the half-open interval of instants
[start 00:00, day after end 00:00) in Asia/Shanghai, so a case submitted at 23:30 on
31 December in Beijing (15:30 UTC) counts in December, whatever the server's zone.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BEIJING = ZoneInfo("Asia/Shanghai")
EARLIEST = datetime.date(2000, 1, 1)
MAX_YEARS = 10

QUICK_PICKS = (
    ("this_year", _("This year")),
    ("this_quarter", _("This quarter")),
    ("this_month", _("This month")),
    ("last_month", _("Last month")),
    ("last_quarter", _("Last quarter")),
    ("last_year", _("Last year")),
)


@dataclass(frozen=True)
class DateRange:
    start: datetime.date
    end: datetime.date

    @property
    def start_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.start, datetime.time(), BEIJING)

    @property
    def end_before(self) -> datetime.datetime:
        following = self.end + datetime.timedelta(days=1)
        return datetime.datetime.combine(following, datetime.time(), BEIJING)

    def months(self) -> list[datetime.date]:
        """The first day of every month the range touches, in order."""
        first = self.start.replace(day=1)
        months = []
        while first <= self.end:
            months.append(first)
            first = next_month(first)
        return months

    def __str__(self):
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"


def years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def next_month(first: datetime.date) -> datetime.date:
    return (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_range(first: datetime.date) -> DateRange:
    return DateRange(first, next_month(first) - datetime.timedelta(days=1))


def quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_range(year: int, quarter: int) -> DateRange:
    start = datetime.date(year, 3 * quarter - 2, 1)
    end = month_range(datetime.date(year, 3 * quarter, 1)).end
    return DateRange(start, end)


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def quick_pick(name: str, today: datetime.date | None = None) -> DateRange:
    today = today or timezone.localdate()
    if name == "this_month":
        return DateRange(today.replace(day=1), today)
    if name == "last_month":
        this_month = today.replace(day=1)
        return month_range((this_month - datetime.timedelta(days=1)).replace(day=1))
    if name == "this_quarter":
        return DateRange(quarter_range(*quarter_of(today)).start, today)
    if name == "last_quarter":
        return quarter_range(*previous_quarter(*quarter_of(today)))
    if name == "last_year":
        return DateRange(datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31))
    return DateRange(datetime.date(today.year, 1, 1), today)  # this_year, the default
