"""pandoc's simple and multiline tables, rewritten as pipe tables for the tables extension.

    Right Left    Center     (a header, then dashes marking the columns)
  ------- ------ --------
       12 12        12       (rows, to a blank line)

A multiline table is the same between two dashed lines, its rows separated by blank lines; a
table without a header starts with the dashed line. A caption (`: …` or `Table: …`) under
the table becomes an italic line. Column alignment follows the header text (or the first row)
against its dashes: flush left, flush right, centred, or the default.
"""
from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

DASHES = re.compile(r"^( *)(-{3,})((?: +-{3,})*) *$")
GROUP = re.compile(r"-{3,}")
CAPTION = re.compile(r"^ {0,3}(?:Table)?:\s+(\S.*)$")
LOOKAHEAD = 200  # lines a multiline table may span


def _columns(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in GROUP.finditer(line)]


def _cells(line: str, columns: list[tuple[int, int]]) -> list[str]:
    cells = []
    for index, (start, _) in enumerate(columns):
        end = columns[index + 1][0] if index + 1 < len(columns) else len(line)
        cells.append(line[start:end].strip() if start < len(line) else "")
    # text that starts before its column (right-aligned numbers often do) belongs to it
    if columns and line[:columns[0][0]].strip():
        cells[0] = (line[:columns[0][0]].strip() + " " + cells[0]).strip()
    return cells


def _align(line: str, column: tuple[int, int]) -> str:
    """pandoc's rule: text flush with its dashes on the left only is left-aligned, on the right
    only right-aligned, on neither side centred, on both the default."""
    start, end = column
    if len(line) <= start or not line[start:end].strip():
        return "---"
    left = line[start] != " "
    right = len(line) >= end and line[end - 1] != " "
    return {(True, True): "---", (True, False): ":--", (False, True): "--:", (False, False): ":-:"}[(left, right)]


def _pipe(header: list[str] | None, rows: list[list[str]], aligns: list[str]) -> list[str]:
    def row(cells):
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
    return [row(header or [""] * len(aligns)), "|" + "|".join(aligns) + "|", *[row(cells) for cells in rows]]


class PandocTablePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            found = self._table(lines, index, out)
            if found is None:
                out.append(lines[index])
                index += 1
                continue
            table, index = found
            if out and out[-1].strip():
                out.pop()  # the header line was already copied; it is in the table now
            out.extend(["", *table, ""])
            if index < len(lines) and not lines[index].strip() and index + 1 < len(lines) \
                    and CAPTION.match(lines[index + 1]):
                index += 1
            if index < len(lines) and CAPTION.match(lines[index]):
                out.extend([f"*{CAPTION.match(lines[index]).group(1).strip()}*", ""])
                index += 1
        return out

    def _table(self, lines: list[str], index: int, out: list[str]):
        match = DASHES.match(lines[index])
        if not match:
            return None
        groups = len(_columns(lines[index]))
        header = out[-1] if out and out[-1].strip() and not DASHES.match(out[-1]) else None
        if header is not None and groups >= 2:  # a simple table with a header
            columns = _columns(lines[index])
            end = index + 1
            while end < len(lines) and lines[end].strip():
                end += 1
            rows = [_cells(line, columns) for line in lines[index + 1:end]]
            aligns = [_align(header, column) for column in columns]
            return _pipe(_cells(header, columns), rows, aligns), end
        if header is None and (match.group(1) or groups >= 2):
            return self._multiline(lines, index)
        return None

    def _multiline(self, lines: list[str], index: int):
        """A table between two dashed lines (with or without a header), or None."""
        width = len(lines[index].rstrip())
        for end in range(index + 1, min(len(lines), index + LOOKAHEAD)):
            closing = DASHES.match(lines[end])
            if closing and abs(len(lines[end].rstrip()) - width) <= 2 and end > index + 1:
                break
            if not lines[end].strip() and end + 1 < len(lines) and not lines[end + 1].strip():
                return None  # two blank lines: no table here
        else:
            return None
        body = lines[index + 1:end]
        separator = next((i for i, line in enumerate(body) if DASHES.match(line)), None)
        if separator is not None:
            columns = _columns(body[separator])
            header_lines, body = body[:separator], body[separator + 1:]
        else:
            columns = _columns(lines[index]) if len(_columns(lines[index])) > 1 else [(len(lines[index]) -
                                                                                      len(lines[index].lstrip()), width)]
            header_lines = []
        multiline = any(not line.strip() for line in body)
        groups: list[list[str]] = [[]]
        for line in body:
            if not line.strip():
                if groups[-1]:
                    groups.append([])
            elif multiline:
                groups[-1].append(line)
            else:
                groups.append([line])
        rows = []
        for group in (g for g in groups if g):
            cells = [_cells(line, columns) for line in group]
            rows.append([" ".join(part[i] for part in cells if part[i]).strip() for i in range(len(columns))])
        header = None
        if header_lines:
            parts = [_cells(line, columns) for line in header_lines]
            header = [" ".join(p[i] for p in parts if p[i]).strip() for i in range(len(columns))]
        first = header_lines[0] if header_lines else (body[0] if body else "")
        aligns = [_align(first, column) for column in columns]
        return _pipe(header, rows, aligns), end + 1
