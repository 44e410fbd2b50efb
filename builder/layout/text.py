"""Body text at one size: how each kind of paragraph is set (size, indent, spacing) and how
tall it is in a column of a given width."""
from __future__ import annotations

import re
from dataclasses import replace

from ..geometry import EMU_PER_PT, Fonts
from ..highlight import highlight
from ..model import Code, Paragraph, Run
from ..placed import PlacedParagraph
from .fonts import Face
from .wrap import Wrapped, split_runs, wrap

MIN_BODY_PT = 18.0  # nothing smaller in body text: the back of the room must read it
MIN_CODE_PT = 12.0
# Viewers draw superscripts and subscripts at about 58 % of their size (LibreOffice) or two thirds
# (PowerPoint): such runs get a size at which they still show at MIN_BODY_PT or more.
SCRIPT_PT = 32.0
SHRINK_CODE_TO_PT = 14.0  # a code block shrinks this far to keep its lines whole, then wraps
WIDTH_SAFETY = 0.97  # viewers differ slightly in glyph placement; never fill a line to the last point
SENTENCE_END = re.compile(r"[.!?…;:»)\"]+ +(?=\S)")
SENTENCE_LOOKBACK = 3  # lines a cut may move back to end on a full sentence


class Setter:
    """Sets a slide's body text with its top-level size `size` (points)."""

    def __init__(self, size: float, fonts: Fonts, measurer, slide_w: int = 12192000, page_height: float = 340.0,
                 memo: dict | None = None, remember: bool = True):
        self.size = size
        self.fonts = fonts
        self.measurer = measurer
        self.slide_w = slide_w  # EMU, for the pixel limit of pictures
        self.page_height = page_height  # points of text a page holds
        self.step = 0.9 * size  # hanging indent of a bullet, points
        self._wrapped: dict[tuple[int, float], Wrapped] = {}
        self._tables: dict = {}
        # words measured, shared by the setters of one slide; not kept (None) when a slide is set once
        self.memo = None if not remember else {} if memo is None else memo

    def table(self, table, column: float):
        """`table` set in a column `column` points wide (remembered: pages ask again)."""
        key = (id(table), column)
        if key not in self._tables:
            from .tables import TableSetter
            self._tables[key] = (table, TableSetter(self.fonts, self.measurer).set(table, column, self.size))
        return self._tables[key][1]

    # -- sizes and indents -------------------------------------------------------------

    def level_size(self, level: int) -> float:
        return max(MIN_BODY_PT, self.size - 2 * min(level, 2))

    def code_size(self) -> float:
        return max(MIN_CODE_PT, round(0.75 * self.size))

    def _number_hang(self, number: int, size: float) -> float:
        label = self.measurer.width(f"{max(number, 88)}.", Face(self.fonts.body)) * size
        return max(self.step, label + 0.3 * size)

    def place(self, paragraph: Paragraph) -> PlacedParagraph:
        size = self.level_size(paragraph.level)
        kind, level = paragraph.kind, paragraph.level
        margin, indent, before = 0.0, 0.0, 0.4 * size
        if kind == "bullet":
            hang = self.step * (1.4 if paragraph.checked is not None else 1.0)  # a box needs more room than a dot
            margin, indent = level * self.step + hang, -hang
            before = (0.3 if level == 0 else 0.15) * size
        elif kind == "number":
            hang = self._number_hang(paragraph.number or 1, size)
            margin, indent = level * self.step + hang, -hang
            before = (0.3 if level == 0 else 0.15) * size
        elif kind in ("continuation", "quote"):
            margin = (level + 1) * self.step
            before = 0.15 * size if kind == "continuation" else before
        elif kind == "heading":
            size = self.size
        elif kind == "footnote":
            size = max(MIN_BODY_PT, self.size - 6)
        script = max(size, SCRIPT_PT) if any(run.script for run in paragraph.runs) else None
        box = None if paragraph.checked is None else ("\u2611" if paragraph.checked else "\u2610")
        return PlacedParagraph(runs=paragraph.runs, size=size, kind=kind, level=level,
                               number=paragraph.number, margin_left=round(margin * EMU_PER_PT),
                               indent=round(indent * EMU_PER_PT), space_before=before, script_size=script,
                               bullet=box, align="ctr" if kind == "equation" else None, click=paragraph.click)

    def code_lines(self, code: Code, column: float) -> list[PlacedParagraph]:
        """One paragraph per line of `code`, at the code size, or smaller (down to
        SHRINK_CODE_TO_PT) when that keeps its longest line whole in a `column` points wide;
        when even that would not, at the code size, its long lines wrapping."""
        margin = round(code.level * self.step * EMU_PER_PT)
        lines = code.text.split("\n") or [""]
        coloured = highlight(code.text, code.language)
        size = self.code_size()
        room = (column - margin / EMU_PER_PT) * WIDTH_SAFETY
        longest = max(self.measurer.width(line, Face(self.fonts.code)) for line in lines)
        if longest * size > room and int(room / longest) >= SHRINK_CODE_TO_PT:
            size = int(room / longest)  # small enough to keep every line whole; else it wraps
        runs = coloured if coloured is not None and len(coloured) == len(lines) else \
            [(Run(line, code=True),) if line else () for line in lines]
        return [PlacedParagraph(runs=line_runs, size=size, kind="code",
                                level=code.level, family=self.fonts.code, margin_left=margin,
                                space_before=0.4 * self.size if index == 0 else 0.0)
                for index, line_runs in enumerate(runs)]

    # -- measuring ---------------------------------------------------------------------

    def face_of(self, paragraph: PlacedParagraph):
        family = paragraph.family or self.fonts.body
        bold_all = paragraph.kind == "heading"
        italic_all = paragraph.kind == "quote"

        def face(run: Run) -> Face:
            if run.math is not None:  # measured by its linear form, its letters italic as an equation's
                return Face(family, run.bold or bold_all, True)
            return Face(self.fonts.code if run.code else family, run.bold or bold_all, run.italic or italic_all)
        return face

    def wrapped(self, paragraph: PlacedParagraph, column: float) -> Wrapped:
        """`paragraph` broken into lines in a text column `column` points wide."""
        # Pages ask again with copies of a paragraph (moved, spaced differently): everything that
        # changes its lines is in the key; the runs are kept alive so that their id stays theirs.
        column = round(column, 3)  # the same column reached by two sums may differ in its last bits
        key = (id(paragraph.runs), column, paragraph.size, paragraph.margin_left, paragraph.script_size,
               paragraph.family, paragraph.kind == "heading", paragraph.kind == "quote")
        found = self._wrapped.get(key)
        if found is None:
            width = (column - paragraph.margin_left / EMU_PER_PT) * WIDTH_SAFETY
            found = wrap(paragraph.runs, max(width, paragraph.size), paragraph.size, self.face_of(paragraph),
                         self.measurer, paragraph.script_size, max_height=self.page_height, memo=self.memo)
            if found.complete:  # a paragraph longer than a page is cut, and its tail set anew
                self._wrapped[key] = (paragraph.runs, found)
        else:
            found = found[1]
        return found

    def height(self, paragraph: PlacedParagraph, column: float, first: bool) -> float:
        return (0.0 if first else paragraph.space_before) + self.wrapped(paragraph, column).height

    def split(self, unit, column: float, lines: int):
        """`unit` cut within its first `lines` lines (in a column `column` points wide): at the
        last sentence end of the last few of them when there is one, else after line `lines`."""
        wrapped = self.wrapped(unit.paragraph, column)
        lowest = wrapped.starts[max(1, lines - SENTENCE_LOOKBACK)]
        cut = sentence_end(unit.paragraph.runs, lowest, wrapped.starts[lines]) or wrapped.starts[lines]
        head_runs, tail_runs = split_runs(unit.paragraph.runs, cut)
        head = replace(unit, paragraph=replace(unit.paragraph, runs=head_runs))
        kind = {"bullet": "continuation", "number": "continuation"}.get(unit.paragraph.kind, unit.paragraph.kind)
        tail_paragraph = replace(unit.paragraph, runs=tail_runs, kind=kind, number=None, space_before=0.0)
        if kind == "continuation" and unit.paragraph.kind != "continuation":
            tail_paragraph = replace(tail_paragraph, indent=0)
        return head, replace(unit, paragraph=tail_paragraph, remainder=True)


def sentence_end(runs, after: tuple[int, int], until: tuple[int, int]) -> tuple[int, int] | None:
    """The last place in (after, until] where a sentence ends and the next word begins."""
    found = None
    for index in range(after[0], min(until[0] + 1, len(runs))):
        run = runs[index]
        if run.is_break:
            continue
        # only the stretch between the two positions is searched: a run may hold a whole book
        begin = max(after[1] - 8, 0) if index == after[0] else 0
        end = until[1] + 8 if index == until[0] else len(run.text)
        for match in SENTENCE_END.finditer(run.text, begin, end):
            position = (index, match.end())
            if after < position <= until:
                found = position
    return found
