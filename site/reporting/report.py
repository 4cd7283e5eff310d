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


def build(filters: Filters) -> list[Section]:
    return [Section(key, str(title), figures(filters)) for key, title, figures in SECTIONS]


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
    section = TABLE_SECTIONS.get(key)
    if section is None:
        return None
    figures = next(compute for name, _title, compute in SECTIONS if name == section)
    return next(item for item in figures(filters) if item.key == key)


def tables(sections: list[Section]) -> dict[str, Table]:
    return {table.key: table for section in sections for table in section.tables}
