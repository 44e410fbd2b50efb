"""Mark an ATX heading whose block began on the line above it (no blank line in between)."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.blockprocessors import HashHeaderProcessor

JOINED = "data-joined"


class JoinedHeadingProcessor(HashHeaderProcessor):
    """Python-Markdown's own `#` heading rule, plus a `data-joined` mark on the heading when
    text stood on the line just before it. An image there belongs to the heading's slide."""

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        match = self.RE.search(blocks[0])
        joined = bool(match and blocks[0][: match.start()].strip())
        count = len(parent)
        super().run(parent, blocks)
        if joined:
            heading = next((el for el in parent[count:] if el.tag[0] == "h" and el.tag[1:].isdigit()), None)
            if heading is not None:
                heading.set(JOINED, "1")
