"""```chart blocks: CSV (a header row of series names, the first column the categories) → a
native chart; CSV that is not a chart is a table, with a warning."""
from __future__ import annotations

import csv
import io
import re
from ..diagnostics import Diagnostics
from ..model import CHART_KINDS as KINDS
from ..model import Chart, Image, Run, Table

MAX_POINTS = 10_000  # values in one chart; more is not a slide
NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


def _number(text: str) -> float | None:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not cleaned or cleaned in ("-", "NA", "n/a"):
        return None
    if not NUMBER.match(cleaned.replace(",", "")):
        raise ValueError(text)
    return float(cleaned.replace(",", ""))


def _table(rows: list[list[str]], line: int) -> Table:
    width = max(len(row) for row in rows) if rows else 1
    cells = [tuple((Run(cell.strip()),) for cell in row + [""] * (width - len(row))) for row in rows]
    return Table(header=cells[0] if cells else (), rows=tuple(cells[1:]), aligns=(None,) * width, line=line)


def chart_block(text: str, line: int, kind: str | None, title: str | None, report: Diagnostics) -> Image | Table:
    """The chart `text` holds (CSV), as an Image the layout places and render draws natively;
    a Table of the same cells, with a warning, when it is not a chart's data."""
    rows = [row for row in csv.reader(io.StringIO(text.strip())) if any(cell.strip() for cell in row)]
    kind = (kind or "column").strip().lower()
    problem = None
    if kind not in KINDS:
        problem = f"chart type {kind!r} is not one of {', '.join(KINDS)}"
    elif len(rows) < 2 or len(rows[0]) < 2:
        problem = "a chart needs a header row of series names and at least one row of values"
    elif sum(len(row) for row in rows) > MAX_POINTS:
        problem = f"more than {MAX_POINTS:,} values"
    series = []
    if problem is None:
        try:
            names = [cell.strip() for cell in rows[0][1:]]
            values = [[_number(row[i + 1]) if i + 1 < len(row) else None for i in range(len(names))] for row in rows[1:]]
            series = [(name or f"Series {i + 1}", tuple(row[i] for row in values)) for i, name in enumerate(names)]
        except ValueError as error:
            problem = f"{str(error)!r} is not a number"
    if problem is not None:
        report.warn(line, "chart", f"{problem}; the block is shown as a table")
        return _table(rows, line)
    if kind == "scatter":
        try:
            [_number(row[0]) for row in rows[1:]]
        except ValueError as error:
            report.warn(line, "chart", f"a scatter chart's first column holds numbers, not {str(error)!r}; the "
                        "block is shown as a table")
            return _table(rows, line)
    chart = Chart(kind, tuple(row[0].strip() for row in rows[1:]), tuple(series), title.strip() if title else None,
                  rows[0][0].strip() or None)
    return Image(src=f"chart:{line}", alt=chart.describe(), line=line, chart=chart)
