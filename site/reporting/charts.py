"""Server-rendered SVG bar charts (no JavaScript, nothing from another host). A chart is
drawn from a `Table` and always shown with it: the table is the chart's accessible text,
and the SVG itself is labelled and points to it."""

from dataclasses import dataclass

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 40
# Two series, distinguishable without colour too (solid and hatched), contrast >= 3:1.
STYLES = ("chart-bar chart-bar--first", "chart-bar chart-bar--second")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: object
    css: str
    label: str


def _tick_step(value: int) -> int:
    """The gridline step: 1, 2 or 5 times a power of ten, with four steps above `value`."""
    needed = max(1, -(-value // 4))
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= needed:
                return step * magnitude
        magnitude *= 10


def bar_chart(table, series, title) -> dict:
    """Grouped bars of the `series` columns ((column index, label), …) of every row."""
    rows = [row for row in table.rows if row]
    step = _tick_step(max([int(row[index] or 0) for row in rows for index, _ in series] or [0]))
    top = step * 4
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    group = plot_width / max(len(rows), 1)
    bar_width = group * 0.8 / len(series)
    bars, labels = [], []
    for position, row in enumerate(rows):
        left = LEFT + position * group + group * 0.1
        for offset, (index, name) in enumerate(series):
            value = int(row[index] or 0)
            height = plot_height * value / top
            bars.append(
                Bar(
                    x=round(left + offset * bar_width, 1),
                    y=round(TOP + plot_height - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    value=value,
                    css=STYLES[offset % len(STYLES)],
                    label=f"{row[0]} {name}: {value}",
                )
            )
        labels.append({"x": round(left + group * 0.4, 1), "text": str(row[0])[-5:]})
    ticks = [
        {"y": round(TOP + plot_height - plot_height * n / 4, 1), "value": step * n}
        for n in range(5)
    ]
    return {
        "title": str(title),
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "label_y": HEIGHT - BOTTOM + 18,
        "bars": bars,
        "labels": labels,
        "ticks": ticks,
        "legend": [
            {"name": str(name), "css": STYLES[n % len(STYLES)]}
            for n, (_i, name) in enumerate(series)
        ],
        "table_id": f"table-{table.key}",
    }
