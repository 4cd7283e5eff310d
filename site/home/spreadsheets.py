"""Tabular exports for the back office: XLSX (bold header row) and CSV (UTF-8 with a
byte-order mark, so Excel on Chinese Windows opens it). Every export (the mediator
register, court-referral feedback) writes through here. Rows are streamed: write-only
workbooks keep memory flat for tens of thousands of rows."""

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font


def write_xlsx(sheet_title: str, headers: Iterable, rows: Iterable[list]) -> tuple[bytes, int]:
    """The workbook's bytes and the number of data rows written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_title))
    bold = Font(bold=True)
    header = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=str(title))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append(row)
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
        writer.writerow(row)
        count += 1
    return buffer.getvalue().encode("utf-8-sig"), count
