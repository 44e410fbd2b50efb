"""Mark an ATX heading whose block began on the line above it (no blank line in between)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import HashHeaderProcessor

from .divs import parse_attributes

JOINED = "data-joined"
ONLY_ATTRIBUTES = re.compile(r"^\{([^{}]*)\}$")


class JoinedHeadingProcessor(HashHeaderProcessor):
    """Python-Markdown's own `#` heading rule, plus a `data-joined` mark on the heading when
    text stood on the line just before it (an image there belongs to the heading's slide), and
    pandoc's attributes on a heading with no text (`## {background-image="a.jpg"}`), which
    attr_list leaves as text."""

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        match = self.RE.search(blocks[0])
        joined = bool(match and blocks[0][: match.start()].strip())
        count = len(parent)
        super().run(parent, blocks)
        heading = next((el for el in parent[count:] if el.tag[0] == "h" and el.tag[1:].isdigit()), None)
        if heading is None:
            return
        if joined:
            heading.set(JOINED, "1")
        attributes = ONLY_ATTRIBUTES.match((heading.text or "").strip())
        if attributes:
            heading.text = ""
            for key, value in parse_attributes("{" + attributes.group(1) + "}").items():
                heading.set(key, value)
