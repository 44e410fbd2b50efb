"""pandoc's `^superscript^`, `~subscript~` and bracketed spans `[text]{.smallcaps}`."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor

from .divs import parse_attributes

SUPERSCRIPT = r"\^(?=\S)((?:\\.|[^\s^\\])+)\^"
SUBSCRIPT = r"(?<!~)~(?=[^\s~])((?:\\.|[^\s~\\])+)~(?!~)"
SPAN = r"\[([^\]\n]*)\]\{([^}\n]*)\}"


class ScriptProcessor(SimpleTagInlineProcessor):
    """A run raised or lowered: pandoc allows no spaces inside."""

    def handleMatch(self, m, data):
        element = etree.Element(self.tag)
        element.text = m.group(1)
        return element, m.start(0), m.end(0)


class SpanProcessor(InlineProcessor):
    """`[text]{.class key=value}` → <span class=… key=…>text</span>; the text is read on."""

    def handleMatch(self, m, data):
        element = etree.Element("span")
        element.text = m.group(1)
        for key, value in parse_attributes("{" + m.group(2) + "}").items():
            element.set(key, value)
        return element, m.start(0), m.end(0)


def register(md) -> None:
    md.inlinePatterns.register(SpanProcessor(SPAN, md), "deck_span", 175)
    md.inlinePatterns.register(ScriptProcessor(SUPERSCRIPT, "sup"), "deck_superscript", 64)
    md.inlinePatterns.register(ScriptProcessor(SUBSCRIPT, "sub"), "deck_subscript", 63)
