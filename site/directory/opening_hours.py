"""Whether an organization is open at a moment, in Asia/Shanghai, on the official calendar.

Days off come from `chinese_calendar` (the State Council's yearly holiday notice, with
make-up working days). Rules, for an organization that follows the official calendar:
- a public holiday (including weekdays given off in lieu) is closed all day;
- a make-up working day (a weekend day worked instead) opens with Monday's hours;
- any other day opens with that weekday's periods.
A period whose closing time is not after its opening time runs past midnight, so at
01:00 on Saturday a Friday 20:00-02:00 period is still open. Years the library has no data
for fall back to the plain weekly schedule (and are logged once), rather than failing.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)
SHANGHAI = ZoneInfo("Asia/Shanghai")
LOOKAHEAD_DAYS = 14

HOLIDAY_NAMES = {
    "New Year's Day": _("New Year's Day"),
    "Spring Festival": _("Spring Festival"),
    "Tomb-sweeping Day": _("Qingming Festival"),
    "Labour Day": _("Labour Day"),
    "Dragon Boat Festival": _("Dragon Boat Festival"),
    "National Day": _("National Day"),
    "Mid-autumn Festival": _("Mid-Autumn Festival"),
}

_years_without_data: set[int] = set()


@dataclass(frozen=True)
class DayRule:
    weekday: int | None  # whose periods apply; None = closed all day
    holiday: str = ""  # public holiday name when closed for one
    makeup_workday: bool = False


@dataclass(frozen=True)
class OpeningState:
    is_open: bool
    closes_at: datetime | None = None
    next_opening: datetime | None = None
    holiday: str = ""  # today's public holiday, if the organization is closed for it


def day_rule(day: date, follows_official_calendar: bool) -> DayRule:
    if not follows_official_calendar:
        return DayRule(day.weekday())
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        if day.year not in _years_without_data:
            _years_without_data.add(day.year)
            logger.warning("No official holiday data for %s; using the weekly schedule", day.year)
        return DayRule(day.weekday())
    if on_holiday and name:
        return DayRule(None, holiday=str(HOLIDAY_NAMES.get(name, name)))
    if not on_holiday and day.weekday() >= 5:
        return DayRule(0, makeup_workday=True)
    return DayRule(day.weekday())


def intervals_on(day: date, periods, follows_official_calendar: bool):
    """(start, end) aware datetimes of the periods that start on `day`, in order."""
    rule = day_rule(day, follows_official_calendar)
    if rule.weekday is None:
        return []
    result = []
    for period in periods:
        if period.weekday != rule.weekday:
            continue
        start = datetime.combine(day, period.opens, tzinfo=SHANGHAI)
        end_day = day + timedelta(days=1) if period.closes <= period.opens else day
        result.append((start, datetime.combine(end_day, period.closes, tzinfo=SHANGHAI)))
    return sorted(result)


def opening_state(periods, follows_official_calendar: bool, now: datetime | None = None):
    periods = list(periods)
    now = (now or timezone.now()).astimezone(SHANGHAI)
    today = now.date()
    if not periods:
        return OpeningState(False)
    holiday = day_rule(today, follows_official_calendar).holiday
    for day in (today - timedelta(days=1), today):
        for start, end in intervals_on(day, periods, follows_official_calendar):
            if start <= now < end:
                return OpeningState(True, closes_at=end, holiday="")
    for offset in range(LOOKAHEAD_DAYS + 1):
        for start, _end in intervals_on(
            today + timedelta(days=offset), periods, follows_official_calendar
        ):
            if start > now:
                return OpeningState(False, next_opening=start, holiday=holiday)
    return OpeningState(False, holiday=holiday)


def format_period(opens: time, closes: time) -> str:
    suffix = str(_("(next day)")) if closes <= opens else ""
    return f"{opens:%H:%M}-{closes:%H:%M}{suffix}"
