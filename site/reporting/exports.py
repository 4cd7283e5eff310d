"""Statistics as files: one table as CSV or XLSX, or every table as one workbook (a sheet
per table). The header row comes first; the last row names the filters the figures were
built with, so a figure is never read without its period. Cells are protected against
formula injection (home.spreadsheets)."""

from django.utils.translation import gettext as _

from home import spreadsheets
from reporting.filters import Filters
from reporting.tables import Table

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def describe(filters: Filters, labels: dict) -> str:
    """The filters in words, e.g. "2026-01-01 – 2026-03-31；区域：曾都区"."""
    parts = [str(filters.range)]
    parts.extend(f"{name}：{value}" for name, value in labels.items() if value)
    return "；".join(parts)


def _rows(table: Table, heading: str) -> list[list]:
    return [*table.text_rows(), [_("Filters: %(filters)s") % {"filters": heading}]]


def table_file(table: Table, fmt: str, heading: str) -> bytes:
    rows = _rows(table, heading)
    if fmt == "xlsx":
        return spreadsheets.write_xlsx(table.title, table.headers, rows)[0]
    return spreadsheets.write_csv(table.headers, rows)[0]


def workbook(tables: list[Table], heading: str) -> bytes:
    sheets = [(table.title, table.headers, _rows(table, heading)) for table in tables]
    return spreadsheets.write_workbook(sheets)[0]


def filename(key: str, filters: Filters, fmt: str) -> str:
    return f"statistics-{key}-{filters.range.start:%Y%m%d}-{filters.range.end:%Y%m%d}.{fmt}"
