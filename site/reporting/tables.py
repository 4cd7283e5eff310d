"""What the statistics page, its exports and the monthly report show: tables of figures,
each with its definition. Cells are numbers, text or `Rate`s."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Rate:
    """A share: `part` of `whole`, shown as a percentage with one decimal ("—" of nothing)."""

    part: int
    whole: int

    @property
    def value(self) -> Decimal | None:
        if not self.whole:
            return None
        return (Decimal(self.part) * 100 / Decimal(self.whole)).quantize(Decimal("0.1"))

    def __str__(self):
        value = self.value
        return "—" if value is None else f"{value}%"


@dataclass
class Table:
    key: str
    title: str
    definition: str
    headers: list
    rows: list = field(default_factory=list)
    # Row labels in the first column are headers of their row (for screen readers).
    row_headers: bool = True
    chart: dict | None = None  # the SVG chart drawn from this table (reporting.charts)

    def text_rows(self) -> list[list]:
        """Every cell as exports write it: numbers stay numbers, the rest text."""
        return [[export_cell(value) for value in row] for row in self.rows]


def export_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, Decimal, float)):
        return value
    return str(value)


def amount(value) -> Decimal:
    return (value or Decimal("0")).quantize(Decimal("0.01"))
