"""The whole statistics report for some filters: its sections, in the order shown."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from reporting.figures.intake import applications
from reporting.figures.outcomes import outcomes
from reporting.figures.referrals import referrals
from reporting.figures.register import register
from reporting.figures.satisfaction import satisfaction
from reporting.figures.setup_help import setup_help
from reporting.figures.timeliness import timeliness
from reporting.figures.trends import trends
from reporting.figures.usage import usage
from reporting.filters import Filters
from reporting.tables import Table

SECTIONS = (
    ("applications", _("Applications and decisions"), applications),
    ("outcomes", _("Outcomes"), outcomes),
    ("timeliness", _("Timeliness"), timeliness),
    ("referrals", _("Court referrals"), referrals),
    ("trends", _("Trends"), trends),
    ("usage", _("Platform usage"), usage),
    ("satisfaction", _("Satisfaction"), satisfaction),
    ("setup_help", _("Setup help"), setup_help),
    ("register", _("Mediator register"), register),
)


@dataclass
class Section:
    key: str
    title: str
    tables: list[Table]


SECTION_KEYS = frozenset(key for key, _title, _figures in SECTIONS)


def build(filters: Filters) -> list[Section]:
    """Every section (the monthly report, the workbook of every table)."""
    return [Section(key, str(title), figures(filters)) for key, title, figures in SECTIONS]


def section(filters: Filters, key: str) -> Section:
    """One section (the statistics page shows one at a time)."""
    title, figures = next((title, figures) for name, title, figures in SECTIONS if name == key)
    return Section(key, str(title), figures(filters))


# Which section computes each table (an export of one table computes only its section).
TABLE_SECTIONS = {
    "applications": "applications",
    "declines": "applications",
    "outcomes": "outcomes",
    "agreement": "outcomes",
    "timeliness": "timeliness",
    "referrals": "referrals",
    "trends": "trends",
    "usage": "usage",
    "satisfaction": "satisfaction",
    "satisfaction_organizations": "satisfaction",
    "satisfaction_mediators": "satisfaction",
    "satisfaction_months": "satisfaction",
    "setup_help": "setup_help",
    "register": "register",
    "organizations": "register",
}


def table(filters: Filters, key: str) -> Table | None:
    name = TABLE_SECTIONS.get(key)
    if name is None:
        return None
    return next(item for item in section(filters, name).tables if item.key == key)


def tables(sections: list[Section]) -> dict[str, Table]:
    return {table.key: table for section in sections for table in section.tables}
