"""Front matter → Meta: the document properties the builder understands, with warnings for the rest."""
from __future__ import annotations

import datetime

from ..diagnostics import Diagnostics
from ..language import normalise_tag
from ..model import Meta
from ..settings import front_matter_keys
from .transitions import transition_named

TEXT_KEYS = ("title", "subtitle", "author", "date", "description", "keywords", "subject", "category", "notes")
# Keys that only steer another tool (a static-site generator, pandoc's output list, Marp's
# switch): they mean nothing for the deck itself and are accepted without a word.
IGNORED_KEYS = {"draft", "slug", "output", "tags", "categories"}
# Keys read before composing: the template (`reference-doc` is pandoc's name for it) or theme.
BUILD_KEYS = {"template", "reference-doc", "theme"}


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(item) or "" for item in value if item is not None) or None
    if isinstance(value, dict):
        return _text(value.get("name")) if "name" in value else None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def read_meta(front: dict, report: Diagnostics, lines: dict | None = None) -> Meta:
    """Meta from the front-matter mapping. Unknown keys are reported, never silently dropped, at
    their line in `lines` (key → line; None, or a key not in it: line 1)."""
    def at(*keys: str) -> int:
        return next((lines[key] for key in keys if lines and key in lines), 1)

    values = {key: _text(front.get(key)) for key in TEXT_KEYS}
    lang = None
    if front.get("lang") is not None:
        lang = normalise_tag(front["lang"])
        if lang is None:
            report.warn(at("lang"), "front-matter",
                        f"lang: {front['lang']!r} is not a language tag such as fr or en-GB; ignored")
    slide_level = None
    raw_level = front.get("slide-level", front.get("slide_level"))
    if raw_level is not None:
        if isinstance(raw_level, int) and not isinstance(raw_level, bool) and 0 <= raw_level <= 6:
            slide_level = raw_level
        else:
            report.warn(at("slide-level", "slide_level"), "front-matter",
                        f"slide-level: {raw_level!r} must be a whole number from 0 to 6; ignored")
    divider = front.get("headingdivider")
    if divider is not None and not (isinstance(divider, int) and 1 <= divider <= 6):
        report.warn(at("headingdivider"), "front-matter",
                    f"headingDivider: {divider!r} must be a heading level from 1 to 6; ignored")
        divider = None
    transition = None
    if front.get("transition") is not None:
        transition = transition_named(front["transition"])
        if transition is None:
            report.warn(at("transition"), "transition",
                        f"transition: {front['transition']!r} is not one PowerPoint has here (fade, push, "
                        "wipe, cover, uncover, split, zoom, dissolve, cut, random, none); ignored")
    incremental = front.get("incremental")
    if incremental is not None and not isinstance(incremental, bool):
        report.warn(at("incremental"), "front-matter", f"incremental: {incremental!r} must be true or false; ignored")
    toc = front.get("toc", front.get("table-of-contents"))
    if toc is not None and not isinstance(toc, bool):
        report.warn(at("toc", "table-of-contents"), "front-matter", f"toc: {toc!r} must be true or false; ignored")
    known = set(TEXT_KEYS) | {"lang", "slide-level", "slide_level", "marp", "headingdivider", "transition",
                              "incremental", "toc", "table-of-contents", "toc-title"}
    known |= IGNORED_KEYS | BUILD_KEYS
    known |= front_matter_keys()  # fonts, colours, logo, footer: read by builder.settings
    for key in front:
        if key not in known and str(key).lower().replace("_", "-") not in known:
            report.warn(at(key), "front-matter", f"front matter key {key!r} is not used by deck")
    return Meta(lang=lang, slide_level=slide_level, heading_divider=divider, marp=front.get("marp") is True,
                transition=transition, incremental=incremental is True, toc=toc is True,
                toc_title=_text(front.get("toc-title")), **values)
