"""Links inside the deck: `[text](#id)` to a heading's id or a slide's title jumps to that slide."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..diagnostics import Diagnostics
from ..model import Paragraph, Run, Slide, blocks_of, with_blocks

_DROPPED = re.compile(r"[^\w\- .]")


def slug(text: str) -> str:
    """pandoc's identifier for a heading: lower case, punctuation but - _ . dropped, spaces to
    hyphens, everything before the first letter dropped ("2. Why it matters" → "why-it-matters")."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _DROPPED.sub("", text)
    text = re.sub(r"\s+", "-", text.strip())
    return re.sub(r"^[^a-z\u00c0-\uffff]+", "", text)


def anchors_of(slide: Slide, explicit: str | None) -> tuple[str, ...]:
    """The names a link may reach `slide` by: its heading's id, and its title as pandoc would make one."""
    names = [explicit] if explicit else []
    made = slug(slide.title_text)
    if made and made not in names:
        names.append(made)
    return tuple(names)


def _checked(paragraph: Paragraph, known: set[str], report: Diagnostics) -> Paragraph:
    runs, changed = [], False
    for run in paragraph.runs:
        if run.link and run.link.startswith("#"):
            target = run.link[1:]
            if target not in known and slug(target) not in known:
                report.warn(paragraph.line, "link", f"link to #{target} leads nowhere: no heading has that id or "
                            "title; the text is kept without a link")
                run, changed = replace(run, link=None), True
            elif target not in known:
                run, changed = replace(run, link="#" + slug(target)), True
        runs.append(run)
    return replace(paragraph, runs=tuple(runs)) if changed else paragraph


def contents_slide(slides: list[Slide], title: str) -> Slide:
    """A contents slide listing the sections and slides of `slides`, each entry a link to its
    slide (slides under a section indented under it); continued on more slides when long."""
    entries, in_section = [], False
    for slide in slides:
        if slide.kind == "title" or not slide.anchors or slide.title_hidden or slide.continued:
            continue
        if slide.kind == "section":
            in_section = True
        level = 1 if in_section and slide.kind != "section" else 0
        runs = tuple(replace(run, link="#" + slide.anchors[0]) for run in slide.title if not run.is_break)
        entries.append(Paragraph(runs=runs, line=slide.line, kind="bullet", level=level))
    return Slide(kind="content", title=(Run(title),), line=1, blocks=tuple(entries), anchors=(slug(title),))


def resolve_links(slides: list[Slide], report: Diagnostics) -> list[Slide]:
    """`slides` with every link to `#name` pointing at an anchor of some slide (as `#anchor`),
    and each that reaches none a warning, its text kept without a link."""
    known = {name for slide in slides for name in slide.anchors}
    if not any(run.link and run.link.startswith("#") for slide in slides
               for p in blocks_of(slide.blocks, Paragraph) for run in p.runs):
        return slides

    def fixed(block):
        return _checked(block, known, report) if isinstance(block, Paragraph) else block

    return [replace(slide, blocks=with_blocks(slide.blocks, fixed)) for slide in slides]
