"""The one writer behind every back-office export (register, court feedback)."""

import csv
import io

from openpyxl import load_workbook

from home.spreadsheets import read_cell, write_csv, write_xlsx

HEADERS = ["编号", "姓名", "金额"]
ROWS = [["M-001", "张三", "1200.50"], ["M-002", "李四", ""]]


def test_xlsx_has_a_bold_header_row_and_every_row():
    content, count = write_xlsx("调解员名册", HEADERS, iter(ROWS))

    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook["调解员名册"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert count == 2
    assert values == [HEADERS, ["M-001", "张三", "1200.50"], ["M-002", "李四", None]]
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold


def test_csv_opens_in_chinese_excel_and_counts_rows():
    content, count = write_csv(HEADERS, ROWS)

    assert content.startswith("\ufeff".encode())
    assert count == 2
    assert list(csv.reader(io.StringIO(content.decode("utf-8-sig")))) == [HEADERS, *ROWS]


def test_an_empty_export_still_has_its_header():
    content, count = write_csv(HEADERS, [])
    assert count == 0
    assert content.decode("utf-8-sig").strip() == "编号,姓名,金额"


INJECTIONS = [
    '=HYPERLINK("http://evil.example","点我")',
    "+86 138 0000 0000",
    "-2+3",
    "@SUM(A1)",
]


def test_xlsx_writes_formula_shaped_text_as_text_unchanged():
    content, _count = write_xlsx("导出", ["值"], [[value] for value in INJECTIONS])

    sheet = load_workbook(io.BytesIO(content))["导出"]  # not data_only: formulas would show
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == INJECTIONS
    assert {cell.data_type for cell in cells} == {"s"}


def test_csv_protects_formula_shaped_cells_and_reads_them_back():
    content, _count = write_csv(["值", "数"], [[value, "12"] for value in INJECTIONS])

    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))[1:]
    assert [row[0] for row in rows] == ["'" + value for value in INJECTIONS]
    assert [row[1] for row in rows] == ["12"] * len(INJECTIONS)
    assert [read_cell(row[0]) for row in rows] == INJECTIONS
    assert read_cell("'普通文本") == "'普通文本"  # an apostrophe of its own stays
