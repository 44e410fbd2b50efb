"""What is done to a deck's slides once they are all met: Marp's background pictures lifted
out of the content, footnotes placed where they are cited, and the title slide made (a mixin
of compose.slides.Composer, which holds the state these read)."""
from __future__ import annotations

from dataclasses import replace

from ..model import Block, Image, Paragraph, Run
from .draft import Draft


class DeckEnds:
    """The Composer's last steps; `self` is the Composer."""

    def _lift_background(self, draft: Draft) -> None:
        """Marp's `![bg](…)` pictures leave the content to become the slide's background."""
        kept: list[Block] = []
        for block in draft.blocks:
            if not (isinstance(block, Image) and block.background):
                kept.append(block)
            elif draft.background is None:
                draft.background = block
            else:
                self.report.warn(block.line, "background", f"a second background picture ({block.src}) on one "
                                 "slide is shown as a picture in the content")
                kept.append(replace(block, background=None))
        draft.blocks = kept

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

    def _opening(self, drafts: list[Draft]) -> None:
        """The title slide: from front matter in a deck cut by headings; in a deck cut on rules
        (Marp, Slidev, reveal-md), or without a front-matter title, the first slide itself when
        it holds only a heading and a few short lines. Its title becomes the deck's title."""
        meta = self.meta
        first = drafts[0] if drafts else None
        rules = self.rule.level == 0
        if first is not None and (rules or not meta.title) and not first.title_hidden and self._is_opening(first):
            lines = tuple(p for p in first.blocks if isinstance(p, Paragraph))
            first.kind, first.subtitle = "title", lines
            first.blocks = [b for b in first.blocks if isinstance(b, Image)]
            if not meta.title:
                self.meta = replace(meta, title="".join(run.text for run in first.title))
            return
        if not rules and (meta.title or meta.subtitle or meta.author or self.cover):
            lines = [text for text in (meta.subtitle, meta.author, meta.date) if text]
            title = Draft(kind="title", title=(Run(meta.title or self.fallback_title),), line=1, blocks=list(self.cover),
                          subtitle=tuple(Paragraph(runs=(Run(text),), line=1) for text in lines))
            self._lift_background(title)
            drafts.insert(0, title)

    def _is_opening(self, draft: Draft) -> bool:
        if draft.kind == "section":
            return not draft.blocks
        if draft.kind != "content" or self.rule.level != 0:
            return False
        texts = [b for b in draft.blocks if isinstance(b, Paragraph)]
        images = [b for b in draft.blocks if isinstance(b, Image)]
        return len(texts) + len(images) == len(draft.blocks) and len(texts) <= 3 and len(images) <= 1 \
            and all(p.kind == "text" and len(p.text) <= 120 for p in texts)
