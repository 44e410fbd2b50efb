"""Block elements inside a slide → paragraphs, code and pictures of the deck model."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostics
from ..model import Block, Code, Column, Columns, Image, Paragraph, Run
from .builds import OPENS, PAUSE, WITH, fragment
from .charts import chart_block
from .diagrams import DIAGRAM_LANGUAGES, diagram_block
from .hints import image_from_html
from .inline import InlineReader, line_of, ooxml_paragraphs
from .tables import table_from_element, table_from_html

MAX_LEVEL = 8  # PowerPoint has nine outline levels, 0 to 8
BLOCK_TAGS = {"p", "ul", "ol", "pre", "blockquote", "table", "div", "h1", "h2", "h3", "h4", "h5", "h6",
              "hr", "comment", "raw-html", "raw-format", "stray-fence", "dl"}
OOXML_FORMATS = {"openxml", "ooxml", "pptx"}
TAGS = re.compile(r"<[^>]*>")
IMG_TAG = re.compile(r"<\s*(?:img|video|audio|source)\b[^>]*>", re.I)  # pictures, and media by their src
TABLE_TAG = re.compile(r"^\s*<table\b", re.I)


TASK = re.compile(r"^\[([ xX])\]\s+")


def task(runs: tuple[Run, ...]) -> tuple[tuple[Run, ...], bool | None]:
    """A list item's runs without GitHub's `[ ]` / `[x]`, and whether it is ticked (None: no box)."""
    if not runs or runs[0].code or runs[0].is_break:
        return runs, None
    match = TASK.match(runs[0].text)
    if not match:
        return runs, None
    rest = Run(**{**runs[0].__dict__, "text": runs[0].text[match.end():]})
    return ((rest,) if rest.text else ()) + runs[1:], match.group(1) != " "


def share(width: str | None) -> float | None:
    """"40%" → 0.4; None for anything else."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%\s*", width or "")
    return float(match.group(1)) / 100 if match and 0 < float(match.group(1)) <= 100 else None
DROPPED_HTML = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)


@dataclass
class Content:
    """What a run of block elements holds: blocks for the slide and paragraphs for its notes."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[Paragraph] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # cited in the blocks
    notes_footnotes: list[str] = field(default_factory=list)  # cited in the notes

    def extend(self, other: "Content") -> None:
        self.blocks.extend(other.blocks)
        self.notes.extend(other.notes)
        self.footnotes.extend(other.footnotes)
        self.notes_footnotes.extend(other.notes_footnotes)


class BlockReader:
    """Turns block elements into model blocks; warnings go to the report."""

    def __init__(self, report: Diagnostics):
        self.report = report
        self.inline = InlineReader(report)
        self.incremental = False  # lists build one item a click (compose/builds.py)
        self.marp = False  # a Marp deck: its `*` and `1)` lists build one item a click

    def read(self, elements, line: int = 1, level: int = 0, quote: bool = False) -> Content:
        content = Content()
        for element in elements:
            content.extend(self.element(element, line_of(element, line), level, quote))
        return content

    def element(self, element, line: int, level: int = 0, quote: bool = False) -> Content:
        tag = element.tag
        if tag == "p":
            return self.paragraph(element, line, "quote" if quote else "text", level)
        if tag in ("ul", "ol"):
            return self.items(element, line, level, quote)
        if tag == "pre":
            code = element.find("code")
            source = element if code is None else code
            language = None
            for name in (source.get("class") or "").split():
                language = name.removeprefix("language-") or None
            text = "".join(source.itertext()).rstrip("\n")
            code = Code(text=text, line=line, language=language, level=level)
            if (language or "").lower() == "chart":
                return Content(blocks=[chart_block(text, line, source.get("type"), source.get("title"), self.report)])
            if (language or "").lower() in DIAGRAM_LANGUAGES:
                return Content(blocks=[diagram_block(code, self.report)])
            return Content(blocks=[code])
        if tag == "blockquote":
            return self.read(element, line, level, quote=True)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return self.paragraph(element, line, "heading", level)
        if tag == "div":
            classes = (element.get("class") or "").split()
            if "deck-html-problem" in classes:
                return self.html_problem(element, line)
            if element.get("data-too-deep"):
                self.report.warn(line, "fence", f"fenced divs nested more than 64 deep: the "
                                 f"{element.get('data-too-deep')} fences inside are ignored, their content kept")
            if element.get("data-unclosed"):
                self.report.warn(line, "fence", "::: fence is never closed; it is closed at the end")
            if "notes" in classes:
                return self.notes(element, line)
            if "click" in classes:  # Slidev's v-click: what it holds appears on one click
                inner = self.read(element, line, level, quote)
                paragraphs = [i for i, b in enumerate(inner.blocks) if isinstance(b, Paragraph)]
                if not paragraphs:
                    return inner
                inner.blocks = [replace(b, click=OPENS if i == paragraphs[0] else WITH) if i in paragraphs else b
                                for i, b in enumerate(inner.blocks)]
                return inner
            if "incremental" in classes or "nonincremental" in classes:
                before, self.incremental = self.incremental, "incremental" in classes
                try:
                    return self.read(element, line, level, quote)
                finally:
                    self.incremental = before
            if "columns" in classes:
                return self.columns(element, line)
            return self.read(element, line, level, quote)
        if tag == "comment":
            return self.comment(element.text or "", line)
        if tag == "raw-html":
            return self.raw_html(element.text or "", line, level)
        if tag == "raw-format":
            return self.raw_format(element.get("format", ""), element.text or "", line, level)
        if tag == "stray-fence":
            self.report.warn(line, "fence", "closing ::: without an opening fence; ignored")
            return Content()
        if tag == "hr":
            return Content()  # a rule inside a list or quote draws nothing; slide breaks are top level
        if tag == "table":
            table, extras = table_from_element(element, self.inline, line)
            return Content(blocks=[table, *extras])
        # Anything else (a definition list, an unknown element): keep its text.
        return self.paragraph(element, line, "text", level)

    def paragraph(self, element, line: int, kind: str, level: int, children=None) -> Content:
        found = self.inline.read(element, line, children)
        content = Content(footnotes=list(found.footnotes))
        if len(found.runs) == 1 and found.runs[0].math is not None and found.runs[0].math.display \
                and kind == "text":
            kind = "equation"  # an equation set apart, alone in its paragraph
        if kind == "text" and "".join(run.text for run in found.runs).strip() == PAUSE:
            kind = "pause"  # pandoc's pause: what follows shows on the next click
        if found.runs:
            content.blocks.append(Paragraph(runs=tuple(found.runs), line=line, kind=kind, level=level,
                                            click=OPENS if fragment(found.comments) else 0))
        content.blocks.extend(found.images)
        for comment_line, text in found.comments:
            content.extend(self.comment(text, comment_line))
        return content

    def items(self, element, line: int, level: int, quote: bool) -> Content:
        ordered = element.tag == "ol"
        try:
            number = int(element.get("start", "1"))
        except ValueError:
            number = 1
        if level == MAX_LEVEL + 1:  # once, where the list crosses the limit, not for each deeper one
            self.report.warn(line, "list-depth", f"list nested deeper than PowerPoint's {MAX_LEVEL + 1} levels; "
                             f"shown at level {MAX_LEVEL + 1}")
        shown = min(level, MAX_LEVEL)
        kind = "number" if ordered else "bullet"
        builds = self.incremental or self.marp and element.get("data-marker") in ("*", ")")
        content = Content()
        for item in element:
            if item.tag != "li":
                continue
            item_line = line_of(item, line)
            inline_children, block_children = [], []
            for child in item:
                (block_children if child.tag in BLOCK_TAGS or block_children else inline_children).append(child)
            head = self.inline.read(item, item_line, inline_children)
            rest = list(block_children)
            if not head.runs and rest and rest[0].tag == "p":
                head = self.inline.read(rest[0], line_of(rest[0], item_line))  # a loose item's text
                rest = rest[1:]
            content.footnotes.extend(head.footnotes)
            runs, checked = task(tuple(head.runs)) if not ordered else (tuple(head.runs), None)
            content.blocks.append(Paragraph(runs=runs, line=item_line, kind=kind, level=shown,
                                            number=number if ordered else None, checked=checked,
                                            click=OPENS if builds and level == 0 or fragment(
                                                head.comments + [(0, c.text or "") for c in rest if c.tag == "comment"])
                                            else 0))
            content.blocks.extend(head.images)
            for comment_line, text in head.comments:
                content.extend(self.comment(text, comment_line))
            for child in rest:
                child_line = line_of(child, item_line)
                if child.tag == "p":
                    content.extend(self.paragraph(child, child_line, "continuation", shown))
                else:
                    content.extend(self.element(child, child_line, level + 1, quote))
            number += 1
        return content

    def columns(self, element, line: int) -> Content:
        """pandoc's `:::: columns` holding `::: column` divs (a `width` of "40%" is a share)."""
        content = Content()
        columns: list[Column] = []
        for child in element:
            inner = self.read([child], line_of(child, line))
            content.notes.extend(inner.notes)
            content.footnotes.extend(inner.footnotes)
            content.notes_footnotes.extend(inner.notes_footnotes)
            if child.tag == "div" and "column" in (child.get("class") or "").split():
                inner = self.read(child, line_of(child, line))
                columns.append(Column(blocks=tuple(inner.blocks), width=share(child.get("width"))))
            elif inner.blocks:  # text between the columns: it goes with the column before it
                if columns:
                    columns[-1] = Column(blocks=columns[-1].blocks + tuple(inner.blocks), width=columns[-1].width)
                else:
                    columns.append(Column(blocks=tuple(inner.blocks)))
        if columns:
            content.blocks.append(Columns(columns=tuple(columns), line=line))
        return content

    def notes(self, element, line: int) -> Content:
        inner = self.read(element, line)
        notes = [block for block in inner.blocks if isinstance(block, Paragraph)] + inner.notes
        cited = inner.footnotes + inner.notes_footnotes
        for block in inner.blocks:
            if isinstance(block, Code):
                notes.append(Paragraph(runs=(Run(block.text),), line=block.line))
            elif isinstance(block, Image):
                self.report.warn(block.line, "notes-image", f"picture {block.src} in speaker notes is not shown; "
                                 "its alt text is kept in the notes")
                if block.alt:
                    notes.append(Paragraph(runs=(Run(block.alt),), line=block.line))
        return Content(notes=notes, notes_footnotes=cited)

    def comment(self, text: str, line: int) -> Content:
        text = text.strip()
        if not text:
            return Content()
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
        return Content(notes=[Paragraph(runs=(Run(" ".join(part.split())),), line=line) for part in paragraphs])

    def html_problem(self, element, line: int) -> Content:
        """A tag the HTML container reader (parse/html_blocks.py) could not pair: a warning."""
        tag, kind = element.get("data-tag", "?"), element.get("data-problem")
        messages = {
            "stray": f"</{tag}> closes nothing; ignored",
            "mismatched": f"<{tag}> is closed by the end of the element around it",
            "unclosed": f"<{tag}> is not closed before the end of the slide; closed there",
            "depth": f"HTML nested deeper than {64} levels; <{tag}> and deeper tags are ignored",
        }
        self.report.warn(line, "html", messages.get(kind, f"<{tag}>: {kind}"))
        return Content()

    def raw_html(self, raw: str, line: int, level: int) -> Content:
        """Raw HTML: pictures are pictures, a table is a table, other tags keep their text."""
        if DROPPED_HTML.search(raw):
            self.report.warn(line, "html", "<script> and <style> content is not shown")
            raw = DROPPED_HTML.sub(" ", raw)
        content = Content()
        if TABLE_TAG.search(raw):
            table = table_from_html(raw, line)
            if table is not None:
                return Content(blocks=[table])
        for tag in IMG_TAG.findall(raw):
            found = image_from_html(tag, line)
            if found is not None:
                content.blocks.append(self.inline.image(*found))
        raw = IMG_TAG.sub(" ", raw)
        text = " ".join(html.unescape(TAGS.sub(" ", raw)).split())
        if text:
            if TAGS.sub("", raw).strip() != raw.strip():
                self.report.warn(line, "html", "raw HTML block: its text is kept, its markup is not")
            content.blocks.insert(0, Paragraph(runs=(Run(text),), line=line, level=level))
        return content

    def raw_format(self, fmt: str, raw: str, line: int, level: int) -> Content:
        """pandoc raw blocks: OpenXML shows its text; other formats are for other outputs."""
        if fmt in OOXML_FORMATS:
            self.report.warn(line, "raw", "raw OpenXML block: its text is shown, its markup is not inserted")
            return Content(blocks=[Paragraph(runs=(Run(text),), line=line, level=level) for text in ooxml_paragraphs(raw)])
        self.report.warn(line, "raw", f"raw {fmt} block is for another output format; not shown")
        return Content()
