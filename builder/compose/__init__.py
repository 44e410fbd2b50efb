"""Element tree → Deck: decide where slides begin, what each is titled, what goes in its notes.

Slide breaks come from the parsed tree only: a heading at the slide level starts a slide, one
above it a section-header slide, a horizontal rule a new slide that carries on the previous
title. An image on the line just before a heading belongs to that heading's slide; images
before the first heading are the title slide's cover.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostics
from ..language import guess_language
from ..model import Block, Deck, Image, Meta, Paragraph, Run, Slide
from .blocks import BlockReader, Content
from .footnotes import take_definitions
from .inline import line_of
from .meta import read_meta

HEADING = re.compile(r"^h([1-6])$")
DEFAULT_SLIDE_LEVEL = 2
FALLBACK_TITLE_WORDS = 8


@dataclass
class Draft:
    """A slide being filled, element by element."""

    kind: str
    title: tuple[Run, ...]
    line: int
    blocks: list[Block] = field(default_factory=list)
    notes: list[Paragraph] = field(default_factory=list)
    subtitle: tuple[Paragraph, ...] = ()
    continued: bool = False
    title_hidden: bool = False
    footnotes: list[str] = field(default_factory=list)  # ids cited in the slide's text
    notes_footnotes: list[str] = field(default_factory=list)  # ids cited in its notes

    def take(self, content: Content) -> None:
        self.blocks.extend(content.blocks)
        self.notes.extend(content.notes)
        self.footnotes.extend(content.footnotes)
        self.notes_footnotes.extend(content.notes_footnotes)

    def freeze(self) -> Slide:
        return Slide(kind=self.kind, title=self.title, line=self.line, blocks=tuple(self.blocks),
                     notes=tuple(self.notes), subtitle=self.subtitle, continued=self.continued,
                     title_hidden=self.title_hidden)


def heading_level(element) -> int | None:
    match = HEADING.match(element.tag)
    return int(match.group(1)) if match else None


def infer_slide_level(root) -> int:
    """2 when the document has a level-2 heading, else its shallowest heading level."""
    levels = {heading_level(child) for child in root} - {None}
    if not levels or 2 in levels:
        return DEFAULT_SLIDE_LEVEL
    return min(levels)


def only_images(element) -> bool:
    """A paragraph that holds pictures and nothing else."""
    if element.tag != "p" or (element.text or "").strip() or not len(element):
        return False
    return all(child.tag == "img" and not (child.tail or "").strip() for child in element)


def _words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


class Composer:
    """Walks the top-level elements once, in order, filling slides."""

    def __init__(self, meta: Meta, report: Diagnostics, fallback_title: str):
        self.meta = meta
        self.report = report
        self.fallback_title = fallback_title
        self.reader = BlockReader(report)
        self.slides: list[Draft] = []
        self.current: Draft | None = None
        self.last_title: tuple[Run, ...] = ()
        self.rule_pending = False
        self.pending_notes: list[Paragraph] = []
        self.carried: list[Image] = []  # pictures waiting for the heading on the next line
        self.cover: list[Image] = []

    def compose(self, root) -> list[Slide]:
        self.definitions = take_definitions(root, self.reader.inline)
        level = self.meta.slide_level if self.meta.slide_level is not None else infer_slide_level(root)
        children = list(root)
        seen_heading = False
        for index, element in enumerate(children):
            line = line_of(element, 1)
            following = children[index + 1] if index + 1 < len(children) else None
            number = heading_level(element)
            if number is not None and self._starts_slide(number, level):
                seen_heading = True
                self._heading(element, number, level, line)
            elif element.tag == "hr":
                self.rule_pending = True
            elif only_images(element) and self._belongs_to_next_heading(following, level):
                images = self.reader.element(element, line).blocks
                if not seen_heading and not self.slides and self.current is None:
                    self.cover.extend(images)
                else:
                    self.carried.extend(images)
            elif only_images(element) and not seen_heading and not self.slides and self.current is None \
                    and not self.rule_pending:
                self.cover.extend(self.reader.element(element, line).blocks)
            else:
                content = self.reader.element(element, line, 0)
                if level == 0 and number is not None and self._takes_title(content):
                    continue
                self._add(content, line)
        self._close()
        return self._finish()

    # -- slide starts -----------------------------------------------------------------

    def _starts_slide(self, number: int, level: int) -> bool:
        return level > 0 and number <= level

    def _belongs_to_next_heading(self, following, level: int) -> bool:
        number = heading_level(following) if following is not None else None
        return number is not None and following.get("data-joined") == "1" and (level == 0 or number <= level)

    def _heading(self, element, number: int, level: int, line: int) -> None:
        runs = tuple(self.reader.inline.read(element, line).runs)
        carried, self.carried = self.carried, []
        self._close()
        self.rule_pending = False
        kind = "section" if number < level else "content"
        self.current = Draft(kind=kind, title=runs, line=line)
        self.last_title = runs
        if not runs:
            self.report.warn(line, "empty-heading", "empty heading; the slide gets a title from its content")
        self.current.blocks.extend(carried)

    def _takes_title(self, content: Content) -> bool:
        """slide-level 0: a heading opening a slide (or the document) is that slide's title."""
        paragraph = content.blocks[0] if content.blocks else None
        if not isinstance(paragraph, Paragraph) or paragraph.kind != "heading":
            return False
        if self.rule_pending or self.current is None:
            self._close()
            self.rule_pending = False
            self.current = Draft(kind="content", title=paragraph.runs, line=paragraph.line)
        elif not self.current.title and not self.current.blocks:
            self.current.title = paragraph.runs
        else:
            return False
        self.last_title = paragraph.runs
        self.current.take(Content(blocks=content.blocks[1:], notes=content.notes, footnotes=content.footnotes,
                                  notes_footnotes=content.notes_footnotes))
        return True

    def _add(self, content: Content, line: int) -> None:
        if not content.blocks:
            self._add_notes(content.notes)
            if self.current is not None:
                self.current.notes_footnotes.extend(content.notes_footnotes + content.footnotes)
            return
        if self.rule_pending or self.current is None or self.current.kind == "section":
            continued = self.rule_pending and bool(self.last_title)
            if self.current is not None and self.current.kind == "section" and not self.rule_pending:
                title = self.current.title  # text right under a section heading: a slide of that name
            else:
                title = self.last_title if continued else ()
            self._close()
            self.rule_pending = False
            self.current = Draft(kind="content", title=title, line=line, continued=continued)
        self.current.blocks.extend(self.carried)
        self.carried = []
        self.current.take(content)

    def _add_notes(self, notes: list[Paragraph]) -> None:
        if not notes:
            return
        if self.current is None:
            self.pending_notes.extend(notes)
        else:
            self.current.notes.extend(notes)

    def _close(self) -> None:
        if self.current is None:
            return
        if self.carried:
            self.current.blocks.extend(self.carried)
            self.carried = []
        if not self.current.title:
            self._give_title(self.current)
        self.slides.append(self.current)
        self.current = None

    def _give_title(self, draft: Draft) -> None:
        """A slide without a heading still needs a title for screen readers and the outline: the
        first words of its text or its picture's alt text, kept off the visible slide."""
        text = next((block.text for block in draft.blocks if isinstance(block, Paragraph) and block.text.strip()), "")
        if not text:
            text = next((block.alt for block in draft.blocks if isinstance(block, Image) and block.alt), "")
        draft.title = (Run(_words(text, FALLBACK_TITLE_WORDS) or self.meta.title or self.fallback_title),)
        draft.title_hidden = True

    # -- the deck ----------------------------------------------------------------------

    def _place_footnotes(self, drafts: list[Draft]) -> None:
        """Each cited footnote under the text (or in the notes) of the slide that cites it."""
        used: set[str] = set()
        for draft in drafts:
            for ids, target in ((draft.footnotes, draft.blocks), (draft.notes_footnotes, draft.notes)):
                for fid in dict.fromkeys(ids):
                    target.extend(self.definitions.get(fid, ()))
                    used.add(fid)
        unused = [fid for fid in self.definitions if fid not in used]
        if unused and drafts:
            self.report.warn(None, "footnote", f"{len(unused)} footnote(s) never cited; kept in the last slide's notes")
            for fid in unused:
                drafts[-1].notes.extend(self.definitions[fid])

    def _finish(self) -> list[Slide]:
        drafts = [draft for draft in self.slides if draft.blocks or draft.notes or not draft.title_hidden]
        self._place_footnotes(drafts)
        meta = self.meta
        if meta.title or meta.subtitle or meta.author or self.cover or (self.pending_notes and not drafts):
            lines = [text for text in (meta.subtitle, meta.author, meta.date) if text]
            drafts.insert(0, Draft(kind="title", title=(Run(meta.title or self.fallback_title),), line=1,
                                   blocks=list(self.cover),
                                   subtitle=tuple(Paragraph(runs=(Run(text),), line=1) for text in lines)))
        if meta.notes:  # pandoc's `notes:` in front matter: the title slide's notes
            self.pending_notes.insert(0, Paragraph(runs=(Run(" ".join(meta.notes.split())),), line=1))
        if self.pending_notes and not drafts:
            drafts.append(Draft(kind="title", title=(Run(meta.title or self.fallback_title),), line=1))
        if self.pending_notes:  # notes before the first slide: the title slide's, else the first slide's
            drafts[0].notes[:0] = self.pending_notes
        return [draft.freeze() for draft in drafts]


def plain_text(root) -> str:
    return " ".join("".join(element.itertext()) for element in root if element.tag not in ("pre", "comment"))


def compose(root, front: dict, report: Diagnostics, fallback_title: str) -> Deck:
    """The deck model of a parsed document. `fallback_title` titles the deck when nothing else does."""
    meta = read_meta(front, report)
    if meta.lang is None:
        meta = replace(meta, lang=guess_language(plain_text(root)))
    slides = Composer(meta, report, fallback_title).compose(root)
    return Deck(meta=meta, slides=tuple(slides))
