"""Directives other slide tools hide in comments and markers: read, never shown as text.

Recognised: Marp's `<!-- key: value -->` (and `_key` for one slide), presenterm's
`<!-- end_slide -->` and friends, reveal.js's `<!-- .slide: … -->` / `<!-- .element: … -->`,
Slidev's per-slide YAML (read by the parser into `<!-- slide-settings … -->`), and Deckset's
`[.key: value]` lines. A comment that is none of these is a speaker note.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MARP_KEYS = {"theme", "paginate", "header", "footer", "class", "backgroundcolor", "backgroundimage",
             "backgroundposition", "backgroundrepeat", "backgroundsize", "color", "size", "headingdivider",
             "style", "math", "title", "description", "author", "image", "keywords", "url", "marp", "lang",
             "transition"}
PRESENTERM = {"end_slide", "pause", "jump_to_middle", "reset_layout", "column_layout", "column", "new_lines",
              "newlines", "incremental_lists", "speaker_note", "list_item_newlines", "include", "no_footer",
              "alignment", "font_size", "skip_slide", "snippet_output"}
KEY_VALUE = re.compile(r"^\s*([\w.-]+)\s*:\s*(.*?)\s*$")
DECKSET = re.compile(r"^\[\.([\w-]+)(?:\s*:\s*([^\]]*))?\]$")
REVEAL_ATTR = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*'|\S+)""")
URL = re.compile(r"""^url\(\s*["']?([^"')]+)["']?\s*\)$""")


@dataclass(frozen=True)
class Directive:
    """What a directive asks for. `tool` is "deck" (our own `layout:`), "marp", "presenterm",
    "reveal", "slidev" or "deckset"; `values` holds its settings with lower-case keys; `local`
    is True when it applies to its own slide only (Marp's `_key`)."""

    tool: str
    values: dict = field(default_factory=dict)
    local: bool = False


def _pairs(text: str) -> dict | None:
    pairs = {}
    for line in text.strip().splitlines():
        if not line.strip():
            continue
        match = KEY_VALUE.match(line)
        if not match:
            return None
        pairs[match.group(1)] = match.group(2).strip("\"'")
    return pairs or None


def read_comment(text: str) -> list[Directive] | None:
    """The directives an HTML comment holds, or None when it is a plain comment (a note)."""
    text = text.strip()
    first = text.split(None, 1)[0] if text else ""
    if first == "slide-settings":
        return [Directive("slidev", {k.lower(): v for k, v in (_pairs(text[len(first):]) or {}).items()})]
    if first in (".slide:", ".element:"):
        values = {k.lower(): v.strip("\"'") for k, v in REVEAL_ATTR.findall(text[len(first):])}
        return [Directive("reveal", {"target": first[1:-1], **values})]
    name = first.rstrip(":")
    if name.lower() in PRESENTERM:
        value = text[len(first):].strip()
        return [Directive("presenterm", {name.lower(): value})]
    pairs = _pairs(text)
    if pairs and set(pairs) == {"layout"}:
        return [Directive("deck", {"layout": pairs["layout"].strip()})]
    if pairs and all(key.lstrip("_").lower() in MARP_KEYS for key in pairs):
        global_pairs = {k.lower(): v for k, v in pairs.items() if not k.startswith("_")}
        local_pairs = {k[1:].lower(): v for k, v in pairs.items() if k.startswith("_")}
        found = [Directive("marp", global_pairs)] if global_pairs else []
        return found + ([Directive("marp", local_pairs, local=True)] if local_pairs else [])
    return None


def read_deckset(text: str) -> Directive | None:
    """Deckset's `[.column]`, `[.background-color: #fff]` … alone in a paragraph."""
    match = DECKSET.match(text.strip())
    if not match:
        return None
    return Directive("deckset", {match.group(1).lower(): (match.group(2) or "").strip()})


def css_url(value: str) -> str:
    """`url(a.png)` → `a.png`; anything else as it is."""
    match = URL.match(value.strip())
    return match.group(1) if match else value.strip()


def colour(value: str) -> str | None:
    """"#1e90ff", "#fff" or "1e90ff" → "1E90FF"; None for names and anything else."""
    value = value.strip().lstrip("#")
    if re.fullmatch(r"[0-9a-fA-F]{3}", value):
        value = "".join(ch * 2 for ch in value)
    return value.upper() if re.fullmatch(r"[0-9a-fA-F]{6}", value) else None
