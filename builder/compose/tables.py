"""Tables: Python-Markdown's <table> elements and simple raw HTML tables → Table blocks."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..model import Run, Table

ALIGN = {"left": "l", "center": "ctr", "right": "r"}
STYLE_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right)", re.I)


def _align(cell) -> str | None:
    value = cell.get("align") or ""
    match = STYLE_ALIGN.search(cell.get("style") or "")
    return ALIGN.get((match.group(1) if match else value).lower())


def _pad(rows: list[list], width: int) -> tuple:
    return tuple(tuple(row) + ((),) * (width - len(row)) for row in rows)


def table_from_element(element, reader, line: int) -> tuple[Table, list]:
    """The Table of a <table> element, and what its cells hold besides runs (pictures, comments)."""
    header: list = []
    rows: list[list] = []
    aligns: list[str | None] = []
    extras: list = []
    for row in element.iter("tr"):
        cells = []
        for index, cell in enumerate(c for c in row if c.tag in ("td", "th")):
            found = reader.read(cell, line)
            cells.append(tuple(found.runs))
            extras.extend(found.images)
            if len(aligns) <= index:
                aligns.append(_align(cell))
        is_header = all(c.tag == "th" for c in row if c.tag in ("td", "th"))
        if is_header and not header and not rows:
            header = cells
        else:
            rows.append(cells)
    width = max([len(header)] + [len(row) for row in rows] + [0])
    if not any(header):
        header = []  # a table written without a header (pandoc's headerless tables)
    aligns += [None] * (width - len(aligns))
    table = Table(header=_pad([header], width)[0] if header else (), rows=_pad(rows, width),
                  aligns=tuple(aligns[:width]), line=line)
    return table, extras


class _HTMLTable(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.header_rows: set[int] = set()
        self.aligns: dict[int, str] = {}
        self._cell: list[str] | None = None
        self._heads: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.rows.append([])
            self._heads = []
        elif tag in ("td", "th") and self.rows:
            self._cell = []
            self._heads.append(tag == "th")
            align = _align(attrs)
            if align:
                self.aligns.setdefault(len(self.rows[-1]), align)
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self.rows and self._heads and all(self._heads):
            self.header_rows.add(len(self.rows) - 1)

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_from_html(raw: str, line: int) -> Table | None:
    """A simple HTML table (rows of cells; spans and nesting are not kept); None if it has no cells."""
    parser = _HTMLTable()
    parser.feed(html.unescape(raw) if "&lt;" in raw else raw)
    rows = [[(Run(text),) if text else () for text in row] for row in parser.rows if row]
    if not rows:
        return None
    header = rows.pop(0) if 0 in parser.header_rows else []
    width = max(len(row) for row in rows + [header])
    aligns = tuple(parser.aligns.get(index) for index in range(width))
    return Table(header=_pad([header], width)[0] if header else (), rows=_pad(rows, width), aligns=aligns, line=line)
