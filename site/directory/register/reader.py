"""Read an uploaded register file (CSV or XLSX) into rows of text, or fail with a reason."""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from home.plain_text import plain_text
from home.spreadsheets import read_cell

from .columns import BY_HEADER, IMPORTABLE

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_ROWS = 20000


class RegisterFileError(Exception):
    """The file as a whole cannot be imported; the message is for the user."""


@dataclass
class RegisterFile:
    rows: list[tuple[int, dict]]  # (spreadsheet row number, {column key: text})


def max_bytes() -> int:
    return getattr(settings, "DIRECTORY_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_rows() -> int:
    return getattr(settings, "DIRECTORY_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)


def file_format(filename: str) -> str:
    lowered = filename.lower()
    if lowered.endswith(".xlsx"):
        return "xlsx"
    if lowered.endswith(".csv"):
        return "csv"
    raise RegisterFileError(_("Upload a .xlsx or .csv file."))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return plain_text(value).strip()
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_lines(content: bytes):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        rows = csv.reader(io.StringIO(text))
        return ([read_cell(_text(cell)) for cell in row] for row in rows)
    raise RegisterFileError(_("The CSV file is not readable text (use UTF-8 or GBK)."))


def _xlsx_lines(content: bytes):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        return [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        OSError,
        ValueError,
        IndexError,
        TypeError,
    ) as error:
        raise RegisterFileError(
            _(
                "The file is not a valid Excel workbook (.xlsx). Save it from Excel or WPS as .xlsx and try again."  # noqa: E501
            )
        ) from error


def read(content: bytes, fmt: str) -> RegisterFile:
    if len(content) > max_bytes():
        raise RegisterFileError(
            _("The file is too large: the limit is %(mb)s MB.")
            % {"mb": max_bytes() // (1024 * 1024)}
        )
    if not content:
        raise RegisterFileError(_("The file is empty."))
    lines = iter(_xlsx_lines(content) if fmt == "xlsx" else _csv_lines(content))
    try:
        header = [_text(cell) for cell in next(lines)]
    except StopIteration as error:
        raise RegisterFileError(_("The file is empty.")) from error
    except csv.Error as error:
        raise RegisterFileError(_("The CSV file is malformed.")) from error
    while header and not header[-1]:
        header.pop()
    unknown = [title for title in header if title not in BY_HEADER]
    missing = [c.header for c in IMPORTABLE if c.header not in header]
    duplicated = {title for title in header if header.count(title) > 1}
    problems = []
    if missing:
        problems.append(_("missing columns: %(columns)s") % {"columns": "、".join(missing)})
    if unknown:
        problems.append(_("unknown columns: %(columns)s") % {"columns": "、".join(unknown)})
    if duplicated:
        problems.append(_("repeated columns: %(columns)s") % {"columns": "、".join(duplicated)})
    if problems:
        raise RegisterFileError(
            _(
                "The columns do not match the register format (%(problems)s). Start from an exported file."  # noqa: E501
            )
            % {"problems": "；".join(problems)}
        )
    keys = [BY_HEADER[title].key for title in header]
    rows = []
    try:
        for number, line in enumerate(lines, start=2):
            values = [_text(cell) for cell in line]
            if not any(values):
                continue
            if len(rows) >= max_rows():
                raise RegisterFileError(
                    _("The file has too many rows: the limit is %(rows)s.") % {"rows": max_rows()}
                )
            values += [""] * (len(keys) - len(values))
            rows.append((number, dict(zip(keys, values[: len(keys)], strict=True))))
    except csv.Error as error:
        raise RegisterFileError(_("The CSV file is malformed.")) from error
    if not rows:
        raise RegisterFileError(_("The file has no data rows."))
    return RegisterFile(rows)
