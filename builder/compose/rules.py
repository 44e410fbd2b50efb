"""How a document is cut into slides: by heading level, by rules, or by both (Marp)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Meta
from .directives import read_comment

HEADING = re.compile(r"^h([1-6])$")
DEFAULT_SLIDE_LEVEL = 2
RULE_SHARE = 0.5  # rules for at least every other top heading: the author cuts slides with ---


@dataclass(frozen=True)
class SplitRule:
    """`level`: headings at this level start slides, headings above it start sections; 0 when
    only rules (and `divider`) cut slides. `divider`: Marp's headingDivider, every heading at
    or above this level starts a slide; None when not set."""

    level: int
    divider: int | None = None

    def starts(self, number: int | None) -> str | None:
        """"section" or "content" when a heading of this level starts a slide, else None."""
        if number is None:
            return None
        if self.divider is not None and number <= self.divider:
            return "content"
        if self.level > 0 and number <= self.level:
            return "section" if number < self.level else "content"
        return None


def heading_level(element) -> int | None:
    match = HEADING.match(element.tag) if element is not None else None
    return int(match.group(1)) if match else None


def only_images(element) -> bool:
    """A paragraph that holds pictures and nothing else."""
    if element.tag != "p" or (element.text or "").strip() or not len(element):
        return False
    return all(child.tag == "img" and not (child.tail or "").strip() for child in element)


def infer_slide_level(root) -> int:
    """2 when the document has a level-2 heading, else its shallowest heading level."""
    levels = {heading_level(child) for child in root} - {None}
    if not levels or 2 in levels:
        return DEFAULT_SLIDE_LEVEL
    return min(levels)


def _heading_divider(root, meta: Meta) -> int | None:
    value = meta.heading_divider
    for child in root:
        if child.tag == "comment":
            for directive in read_comment(child.text or "") or []:
                if directive.tool == "marp" and "headingdivider" in directive.values:
                    value = directive.values["headingdivider"]
    try:
        return int(str(value).strip("[] ").split(",")[0]) if value is not None else None
    except ValueError:
        return None


def uses_rules(root, meta: Meta) -> bool:
    """Marp decks, and decks that put a rule (or presenterm's `<!-- end_slide -->`) between
    slides, at least one for every second top-level heading, are cut on rules: their headings
    are titles, not slide starts."""
    if meta.marp:
        return True
    rules = sum(1 for child in root if child.tag == "hr" or
                (child.tag == "comment" and (child.text or "").strip() == "end_slide"))  # presenterm's rule
    headings = sum(1 for child in root if (heading_level(child) or 9) <= 2)
    return rules >= 2 and rules + 1 >= RULE_SHARE * headings


def split_rule(root, meta: Meta) -> SplitRule:
    divider = _heading_divider(root, meta)
    if meta.slide_level is not None:
        return SplitRule(meta.slide_level, divider)
    if uses_rules(root, meta):
        return SplitRule(0, divider)
    return SplitRule(infer_slide_level(root), divider)
