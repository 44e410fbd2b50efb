"""pandoc's raw blocks and inlines: ```` ```{=html} ```` and `` `…`{=openxml} ``."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*\{=(?P<format>[\w-]+)\}[ \t]*$")
INLINE = r"`([^`\n]+)`\{=([\w-]+)\}"


def raw_element(fmt: str, content: str) -> str:
    """The stashed form of a raw block or inline: read back by `stash.stash_element`."""
    return f'<raw-format format="{html.escape(fmt)}">{html.escape(content)}</raw-format>'


class RawBlockPreprocessor(Preprocessor):
    """A raw HTML block becomes HTML for the HTML reader; any other format is stashed whole."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            match = FENCE.match(lines[index])
            if not match:
                out.append(lines[index])
                index += 1
                continue
            fence, end = match.group("fence"), index + 1
            while end < len(lines) and not lines[end].strip().startswith(fence):
                end += 1
            content = "\n".join(lines[index + 1:end])
            fmt = match.group("format").lower()
            if fmt == "html":
                out.extend(["", *lines[index + 1:end], ""])
            else:
                out.extend(["", self.md.htmlStash.store(raw_element(fmt, content)), ""])
            index = end + 1
        return out


class RawInlineProcessor(InlineProcessor):
    def handleMatch(self, m, data):
        element = etree.Element("raw-inline-format")
        element.set("format", m.group(2).lower())
        element.text = AtomicString(m.group(1))  # raw: no Markdown or HTML reading inside
        return element, m.start(0), m.end(0)


def register(md) -> None:
    # Before fenced code (25), which would take the block for code and drop the {=format}.
    md.preprocessors.register(RawBlockPreprocessor(md), "deck_raw_block", 27)
    md.inlinePatterns.register(RawInlineProcessor(INLINE, md), "deck_raw_inline", 195)
