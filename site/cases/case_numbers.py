"""Arbitration and court case numbers (案号) as applicants type them.

A court case number follows 最高人民法院关于人民法院案件案号的若干规定: the year in round
brackets, the court's code (the province's character and 2 or 4 digits: 鄂13 is Suizhou's
intermediate court, 鄂1303 the Zengdu court), the kind of case (民初, 民终, 民特, 执...), the
number and 号: （2024）鄂1303民初123号.

Arbitration commissions number their cases their own way; in Hubei the commission's
abbreviation, the year in 〔〕 and the number: 随劳人仲案字〔2024〕12号, also written with
the year first or with 第 before the number.

Each function returns the number normalized (full-width brackets, no spaces) or raises
`ValidationError` with a Chinese message.
"""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

_SPACES = re.compile(r"\s+")
_HAN = r"[\u4e00-\u9fff]"
_COURT = re.compile(rf"^（(?P<year>\d{{4}})）{_HAN}\d{{0,4}}{_HAN}{{1,6}}第?\d{{1,6}}号$")
_ARBITRATION = re.compile(
    rf"^(?:{_HAN}{{2,14}}〔(?P<year>\d{{4}})〕|〔(?P<year_first>\d{{4}})〕{_HAN}{{2,14}})"
    r"第?\d{1,6}号$"
)
FIRST_YEAR = 1995  # the Labor Law's first year in force; no older case is open


def _compact(value: str, opening: str, closing: str) -> str:
    text = _SPACES.sub("", value or "")
    for mark in "([［〔【（":
        text = text.replace(mark, opening)
    for mark in ")]］〕】）":
        text = text.replace(mark, closing)
    return text


def _check_year(year: str) -> None:
    # Next year is allowed too: a case filed on New Year's Eve may carry it.
    if not FIRST_YEAR <= int(year) <= timezone.localdate().year + 1:
        raise ValidationError(
            _("The year in the case number looks wrong: check it."), code="case_number_year"
        )


def court_case_number(value: str) -> str:
    """（2024）鄂1303民初123号, also typed with ASCII brackets or spaces."""
    text = _compact(value, "（", "）")
    found = _COURT.match(text)
    if not found:
        raise ValidationError(
            _("Enter the court case number as the court wrote it, e.g. （2024）鄂1303民初123号."),
            code="court_case_number",
        )
    _check_year(found.group("year"))
    return text


def arbitration_case_number(value: str) -> str:
    """随劳人仲案字〔2024〕12号 or 〔2024〕随劳人仲案字第12号; any kind of bracket."""
    text = _compact(value, "〔", "〕")
    found = _ARBITRATION.match(text)
    if not found:
        raise ValidationError(
            _(
                "Enter the arbitration case number as the commission wrote it, "
                "e.g. 随劳人仲案字〔2024〕12号."
            ),
            code="arbitration_case_number",
        )
    _check_year(found.group("year") or found.group("year_first"))
    return text
