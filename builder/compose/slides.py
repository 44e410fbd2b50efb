"""Where slides begin, what each is titled, what goes in its notes: one pass over the tree."""
from __future__ import annotations

import copy
import re

from ..diagnostics import Diagnostics
from ..model import Image, Meta, Paragraph, Run, Slide
from .blocks import BlockReader, Content
from .draft import Draft
from .directives import read_comment, read_deckset
from .settings import DirectiveActions
from .ends import DeckEnds
from .footnotes import footnotes_block, take_definitions
from .inline import line_of
from .rules import SplitRule, heading_level, only_images, split_rule

FALLBACK_TITLE_WORDS = 8
NOTE_MARK = re.compile(r"^notes?:\s*", re.I)  # reveal-md, GitPitch
REMARK_NOTES = re.compile(r"^\s*\?\?\?[ \t]*(\n|$)")  # remark, Deckset: notes follow, from the next line on
DECKSET_NOTE = re.compile(r"^\^\s")
FIT = re.compile(r"^\s*\[fit\]\s*", re.I)  # Deckset: fit the heading to the slide, which we always do
SLOTS = {"::left::": 0, "::right::": 1}


def _words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


class Composer(DirectiveActions, DeckEnds):
    """Walks the top-level elements once, in order, filling slides."""

    def __init__(self, meta: Meta, report: Diagnostics, fallback_title: str, kept: dict | None = None):
        self.meta = meta
        self.kept = kept  # what the last compose of the same deck read (see _read), None: nothing kept
        self.now: dict = {}
        self.report = report
        self.fallback_title = fallback_title
        self.reader = BlockReader(report)
        self.reader.incremental = meta.incremental
        self.reader.marp = meta.marp
        self.slides: list[Draft] = []
        self.current: Draft | None = None
        self.last_title: tuple[Run, ...] = ()
        self.rule_pending = False
        self.pending_notes: list[Paragraph] = []
        self.carried: list[Image] = []  # pictures waiting for the heading on the next line
        self.cover: list[Image] = []
        self.inherited: dict = {}  # settings that hold from their slide on (see settings.py)
        self.local: dict = {}  # settings for the current slide only
        self.upcoming: dict = {}  # settings met between two slides, for the next one
        self.rule: SplitRule | None = None

    def compose(self, root) -> list[Slide]:
        block = footnotes_block(root)
        self.definitions = take_definitions(block, self.reader.inline)
        children = [child for child in root if child is not block]
        self.rule = split_rule(children, self.meta)
        for index, element in enumerate(children):
            line = line_of(element, 1)
            following = children[index + 1] if index + 1 < len(children) else None
            kind = self.rule.starts(heading_level(element))
            if kind is not None:
                self._heading(element, kind, line)
            elif element.tag == "hr":
                self.rule_pending = True
            elif element.tag == "comment" and self._comment(element.text or "", line):
                continue
            elif only_images(element) and self._before_heading(following):
                images = self.reader.element(element, line).blocks
                (self.cover if self._at_start() and self.rule.level else self.carried).extend(images)
            elif only_images(element) and self._at_start() and not self.rule_pending and self.rule.level \
                    and self._heading_follows(children, index):
                self.cover.extend(self.reader.element(element, line).blocks)
            else:
                self._element(element, line)
        self._close()
        return self._finish()

    # -- what an element is ------------------------------------------------------------

    def _at_start(self) -> bool:
        return not self.slides and self.current is None

    def _heading_follows(self, children, index: int) -> bool:
        """Only pictures stand between this element and a heading that starts a slide."""
        for element in children[index + 1:]:
            if self.rule.starts(heading_level(element)) is not None:
                return True
            if not (only_images(element) or element.tag == "comment"):
                return False
        return False

    def _before_heading(self, following) -> bool:
        return following is not None and following.get("data-joined") == "1" and \
            self.rule.starts(heading_level(following)) is not None

    def _element(self, element, line: int) -> None:
        text = "".join(element.itertext()).strip() if element.tag == "p" else ""
        first_line, _, rest = (element.text or "").lstrip().partition("\n")
        deckset = read_deckset(first_line) if element.tag == "p" and first_line.startswith("[.") else None
        if deckset is not None:  # a Deckset command, alone or on the paragraph's first line
            self._directive(deckset, line)
            element = copy.copy(element)  # the tree is the parser's, kept for the next build: never changed
            element.text = rest
            if not "".join(element.itertext()).strip():
                return
            text = "".join(element.itertext()).strip()
        if text in SLOTS:  # Slidev's two-column slots
            self._ensure_slide(line)
            self.current.open_column(SLOTS[text])
            return
        if REMARK_NOTES.match(text) or NOTE_MARK.match(text):
            self._ensure_slide(line)
            self.current.notes_mode = True
            mark = REMARK_NOTES if REMARK_NOTES.match(text) else NOTE_MARK
            element = copy.copy(element)
            element.text = mark.sub("", element.text or "", count=1)
            if "".join(element.itertext()).strip():  # the note may begin on the mark's own line or the next
                self.current.take_as_notes(self.reader.element(element, line))
            return
        if DECKSET_NOTE.match(text):
            element = copy.deepcopy(element)
            for child in [element] + list(element):
                child.text = re.sub(r"(^|\n)\^\s", r"\1", child.text or "")
            self._ensure_slide(line)
            self.current.take_as_notes(self.reader.element(element, line))
            return
        content = self._read(element, line)
        if self.rule.level == 0 and heading_level(element) is not None and self._takes_title(content):
            return
        self._add(content, line)

    def _read(self, element, line: int) -> Content:
        """The content of a top-level `element`: read now, or as the last compose read that very
        element (the parser hands out again the trees of the pieces that did not change) at the
        same line with the same reader settings, its messages given again."""
        state = (line, self.reader.incremental, self.reader.marp)
        found = self.kept.get(id(element)) if self.kept is not None else None
        if found is not None and found[0] is element and found[1] == state:
            self.report.items.extend(found[3])
        else:
            said = len(self.report.items)
            content = self.reader.element(element, line, 0)
            found = (element, state, content, tuple(self.report.items[said:]))
        if self.kept is not None:
            self.now[id(element)] = found  # the element is kept with it: its id stays its own
        content = found[2]
        return Content(blocks=list(content.blocks), notes=list(content.notes), footnotes=list(content.footnotes),
                       notes_footnotes=list(content.notes_footnotes))  # lists the slide may change

    def _comment(self, text: str, line: int) -> bool:
        """True when the comment was a directive (and has been dealt with)."""
        directives = read_comment(text)
        if directives is None:
            return False
        for directive in directives:
            self._directive(directive, line)
        return True

    # -- slides --------------------------------------------------------------------------

    def _start(self, draft: Draft) -> None:
        first = not self.slides and self.current is None
        self._close()
        self.rule_pending = False
        self.current = draft
        self.local, self.upcoming = self.upcoming, {}
        self._dress(draft)
        if not first:  # notes met between two slides belong to the next (before the first: the title's)
            draft.notes.extend(self.pending_notes)
            self.pending_notes = []

    def _ensure_slide(self, line: int) -> None:
        if self.current is None or self.rule_pending or self.current.kind == "section":
            self._new_content_slide(line)

    def _new_content_slide(self, line: int) -> None:
        # A rule in a deck cut by headings continues the slide; in a deck cut on rules, a slide
        # without a heading is meant so (a quote, a picture) and gets a hidden title instead.
        continued = self.rule_pending and bool(self.last_title) and self.rule.level > 0
        if self.current is not None and self.current.kind == "section" and not self.rule_pending:
            title = self.current.title  # text right under a section heading: a slide of that name
        else:
            title = self.last_title if continued else ()
        self._start(Draft(kind="content", title=title, line=line, continued=continued))

    def _heading(self, element, kind: str, line: int) -> None:
        runs = self._title_runs(element, line)
        carried, self.carried = self.carried, []
        self._start(Draft(kind=kind, title=runs, line=line, headed=True))
        if element.get("background-image"):  # pandoc's heading attribute
            self.current.background = Image(src=element.get("background-image"), alt="", line=line, background="full")
        if element.get("layout"):  # {layout="Title Only"}: the template layout this slide uses
            self.current.layout = element.get("layout").strip()
        self.current.anchor = element.get("id")
        wanted = element.get("transition") or element.get("data-transition")  # {transition=fade}
        if wanted:
            self._transition(line, wanted)
        self.last_title = runs
        if not runs:
            self.report.warn(line, "empty-heading", "empty heading; the slide gets a title from its content")
        self.current.blocks.extend(carried)

    def _title_runs(self, element, line: int) -> tuple[Run, ...]:
        runs = list(self.reader.inline.read(element, line).runs)
        if runs and FIT.match(runs[0].text):
            runs[0] = Run(**{**runs[0].__dict__, "text": FIT.sub("", runs[0].text)})
        return tuple(run for run in runs if run.text)

    def _takes_title(self, content: Content) -> bool:
        """Slides cut on rules only: a heading opening a slide (or the document) is its title."""
        paragraph = content.blocks[0] if content.blocks else None
        if not isinstance(paragraph, Paragraph) or paragraph.kind != "heading":
            return False
        runs = tuple(Run(**{**r.__dict__, "text": FIT.sub("", r.text)}) if i == 0 else r
                     for i, r in enumerate(paragraph.runs))
        if self.rule_pending or self.current is None:
            self._start(Draft(kind="content", title=runs, line=paragraph.line))
        elif not self.current.title and all(isinstance(b, Image) and b.background for b in self.current.blocks):
            self.current.title = runs  # nothing but a background picture came before it
        else:
            return False
        self.current.blocks.extend(self.carried)
        self.carried = []
        self.last_title = runs
        self.current.take(Content(blocks=content.blocks[1:], notes=content.notes, footnotes=content.footnotes,
                                  notes_footnotes=content.notes_footnotes))
        return True

    def _add(self, content: Content, line: int) -> None:
        if not content.blocks:
            if self.current is None or self.rule_pending:
                self.pending_notes.extend(content.notes)
            else:
                self.current.notes.extend(content.notes)
                self.current.notes_footnotes.extend(content.notes_footnotes + content.footnotes)
            return
        self._ensure_slide(line)
        self.current.blocks.extend(self.carried)
        self.carried = []
        if self.current.notes_mode:
            self.current.take_as_notes(content)
        else:
            for unbuilt in self.current.take(content):
                self.report.warn(unbuilt, "build", "only text builds one click at a time: this picture, table or "
                                 "code after a click or pause is shown from the start")

    def _close(self) -> None:
        if self.current is None:
            return
        self.current.close_columns()
        if self.carried:
            self.current.blocks.extend(self.carried)
            self.carried = []
        self._lift_background(self.current)
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

    def _finish(self) -> list[Slide]:
        if self.kept is not None:  # this compose's elements only: memory stays bounded
            self.kept.clear()
            self.kept.update(self.now)
        drafts = [d for d in self.slides if d.blocks or d.notes or d.background or d.headed or not d.title_hidden]
        self._place_footnotes(drafts)
        self._opening(drafts)
        meta = self.meta
        if meta.notes:  # pandoc's `notes:` in front matter: the title slide's notes
            self.pending_notes.insert(0, Paragraph(runs=(Run(" ".join(meta.notes.split())),), line=1))
        if not drafts:  # nothing to show still makes a deck PowerPoint opens with a slide: the title
            drafts.append(Draft(kind="title", title=(Run(meta.title or self.fallback_title),), line=1))
        if self.pending_notes:  # notes before the first slide: the title slide's, else the first slide's
            drafts[0].notes[:0] = self.pending_notes
        return [draft.freeze() for draft in drafts]
