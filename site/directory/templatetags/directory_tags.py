"""Display helpers for the public directory: opening state and the weekly schedule."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models.organizations import Weekday
from directory.opening_hours import SHANGHAI, format_period

register = template.Library()


def _when(moment):
    today = timezone.now().astimezone(SHANGHAI).date()
    day = moment.date()
    if day == today:
        label = _("today")
    elif (day - today).days == 1:
        label = _("tomorrow")
    else:
        label = f"{day.month}月{day.day}日（{Weekday(day.weekday()).label}）"
    return f"{label} {moment:%H:%M}"


@register.simple_tag
def opening_summary(state):
    """{'open': bool, 'text': str} for an OpeningState."""
    if state.is_open:
        return {
            "open": True,
            "text": _("Open now, closes %(when)s") % {"when": _when(state.closes_at)},
        }
    parts = []
    if state.holiday:
        parts.append(_("Closed today for %(holiday)s") % {"holiday": state.holiday})
    else:
        parts.append(_("Closed now"))
    if state.next_opening:
        parts.append(_("opens %(when)s") % {"when": _when(state.next_opening)})
    return {"open": False, "text": "，".join(parts)}


@register.simple_tag
def weekly_schedule(periods):
    rows = []
    for day in Weekday:
        spans = [format_period(p.opens, p.closes) for p in periods if p.weekday == day.value]
        rows.append({"day": day.label, "spans": "、".join(spans)})
    return rows


@register.filter
def tel_href(phone):
    """Digits and + only, for a tel: link (the visible text keeps its formatting)."""
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")
