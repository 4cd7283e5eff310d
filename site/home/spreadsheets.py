"""Tabular exports for the back office: XLSX (bold header row) and CSV (UTF-8 with a
byte-order mark, so Excel on Chinese Windows opens it). Every export (the mediator
register, court-referral feedback) writes through here. Rows are streamed: write-only
workbooks keep memory flat for tens of thousands of rows.

Formula injection: a cell that starts with = + - @ or a tab/CR is run as a formula by
spreadsheet programs (`=HYPERLINK(...)` in a name, say). XLSX cells are always written as
text, so nothing is evaluated and the value is kept exactly; CSV cells of that shape get a
leading apostrophe (the spreadsheet convention for "text"), which `read_cell` removes
again when such a file is imported back.
"""

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def read_cell(value: str) -> str:
    """A CSV cell as it was before `csv_cell` protected it."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _text_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever it starts with
    return cell


def write_xlsx(title: str, headers: Iterable, rows: Iterable[list]) -> tuple[bytes, int]:
    """The workbook's bytes and the number of data rows written."""
    return write_workbook([(title, headers, rows)])


SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_title(title) -> str:
    """A title spreadsheet programs accept: at most 31 characters, none of []:*?/\\."""
    return str(title).translate(SHEET_TITLE_FORBIDDEN).strip()[:31] or "Sheet"


def write_workbook(sheets: Iterable[tuple]) -> tuple[bytes, int]:
    """A workbook with one sheet per (title, headers, rows); its bytes and the number of
    data rows written in all sheets."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    count = 0
    used = set()
    for title, headers, rows in sheets:
        name = sheet_title(title)
        while name in used:
            name = name[:28] + f"_{len(used)}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        header = []
        for heading in headers:
            cell = WriteOnlyCell(sheet, value=str(heading))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            sheet.append([_text_cell(sheet, value) for value in row])
            count += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count


def write_csv(headers: Iterable, rows: Iterable[list]) -> tuple[bytes, int]:
    """The file's bytes and the number of data rows written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(title) for title in headers])
    count = 0
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
        count += 1
    return buffer.getvalue().encode("utf-8-sig"), count
