"""Element tree → Deck: the deck model of a parsed document.

Slide breaks come from the parsed tree only (see `rules.py`): a heading at the slide level
starts a slide, one above it a section-header slide, a horizontal rule a new slide that carries
on the previous title. An image on the line just before a heading belongs to that heading's
slide; images before the first heading are the title slide's cover.
"""
from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Diagnostics
from ..language import guess_language
from ..model import Deck
from .anchors import contents_slide, resolve_links
from .meta import read_meta
from .slides import Composer


def plain_text(root) -> str:
    return " ".join("".join(element.itertext()) for element in root if element.tag not in ("pre", "comment"))


def compose(root, front: dict, report: Diagnostics, fallback_title: str, lines: dict | None = None,
            kept: dict | None = None) -> Deck:
    """The deck model of a parsed document. `fallback_title` titles the deck when nothing else does;
    `lines` (None: none) gives the line of each front-matter key, for messages about it; `kept`
    (None: nothing kept) holds what the last compose of the same deck read, for `deck watch`."""
    meta = read_meta(front, report, lines)
    if meta.lang is None:
        meta = replace(meta, lang=guess_language(plain_text(root)))
    composer = Composer(meta, report, fallback_title, kept)
    slides = composer.compose(root)
    if meta.toc:
        at = 1 if slides and slides[0].kind == "title" else 0
        slides.insert(at, contents_slide(slides, meta.toc_title or "Contents"))
    slides = resolve_links(slides, report)
    return Deck(meta=composer.meta, slides=tuple(slides))  # the composer may find the title
