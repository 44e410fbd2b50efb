"""Put Python-Markdown's stashed HTML back into the tree as elements the composer can read."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.extensions.footnotes import FN_BACKLINK_TEXT, NBSP_PLACEHOLDER
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

# The footnotes extension's own placeholders, normally replaced in serialised HTML.
FOOTNOTE_PLACEHOLDERS = {NBSP_PLACEHOLDER: "\xa0", FN_BACKLINK_TEXT: ""}

COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$", re.S)
ENTITY = re.compile(r"^&#?\w+;$")
BREAK = re.compile(r"^<br\s*/?>$", re.I)
# Placeholders Python-Markdown broke apart (emphasis markers can split one across elements):
# their markers and names are not the author's text.
LEFTOVER = re.compile(r"\x02?(?:k?lzzwxh|wzxhzdk):\d+\x03?|[\x02\x03]")


def stash_element(raw: str, block: bool) -> etree.Element | str:
    """The element (or plain text) standing for one stashed piece of HTML.

    Vocabulary: <pre><code> for code, <comment> for HTML comments, <br> for line breaks,
    <raw-html> for other block HTML and <raw-inline> for other inline tags, whose text is
    the HTML as written.
    """
    raw = raw if isinstance(raw, str) else etree.tostring(raw, encoding="unicode")
    if raw.startswith(("<pre><code", "<raw-format ")):
        try:
            return etree.fromstring(raw.strip())
        except etree.ParseError:
            pass
    comment = COMMENT.match(raw)
    if comment:
        element = etree.Element("comment")
        element.text = comment.group(1).strip()
        return element
    if ENTITY.match(raw):
        return html.unescape(raw)
    if BREAK.match(raw.strip()):
        return etree.Element("br")
    element = etree.Element("raw-html" if block else "raw-inline")
    element.text = raw
    return element


def _pieces(text: str, stash: list) -> list[etree.Element | str]:
    pieces: list[etree.Element | str] = []
    position = 0
    for match in HTML_PLACEHOLDER_RE.finditer(text):
        pieces.append(text[position:match.start()])
        index = int(match.group(1))
        pieces.append(stash_element(stash[index], block=False) if index < len(stash) else "")
        position = match.end()
    pieces.append(text[position:])
    return pieces


def _clean(text: str | None) -> str | None:
    if not text or ("\x02" not in text and "\x03" not in text):
        return text
    for placeholder, replacement in FOOTNOTE_PLACEHOLDERS.items():
        text = text.replace(placeholder, replacement)
    if AMP_SUBSTITUTE in text:
        text = html.unescape(text.replace(AMP_SUBSTITUTE, "&"))
    return LEFTOVER.sub("", text)


class StashTreeprocessor(Treeprocessor):
    """Replace HTML placeholders with elements, then hand the finished tree to the parser."""

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for code in root.iter("code"):  # indented code is kept HTML-escaped in the tree
            if code.text and "&" in code.text and code.get("class") is None:
                code.text = html.unescape(code.text)
        self._blocks(root, stash)
        self._inline(root, stash)
        for element in root.iter():
            for key, value in element.attrib.items():
                element.set(key, _clean(value))
        self.md.deck_tree = root

    def _blocks(self, parent: etree.Element, stash: list) -> None:
        for position, child in enumerate(list(parent)):
            only = HTML_PLACEHOLDER_RE.fullmatch((child.text or "").strip())
            if child.tag == "p" and len(child) == 0 and only and int(only.group(1)) < len(stash):
                replacement = stash_element(stash[int(only.group(1))], block=True)
                if isinstance(replacement, str):
                    child.text = replacement
                    continue
                replacement.tail = child.tail
                parent.remove(child)
                parent.insert(position, replacement)
            else:
                self._blocks(child, stash)

    def _inline(self, parent: etree.Element, stash: list) -> None:
        for child in list(parent):
            self._inline(child, stash)
        if parent.text and "\x02" in parent.text:
            pieces = _pieces(parent.text, stash)
            parent.text = None
            self._splice(parent, 0, pieces, text_slot=None)
        for child in list(parent):
            if child.tail and "\x02" in child.tail:
                pieces = _pieces(child.tail, stash)
                child.tail = None
                self._splice(parent, list(parent).index(child) + 1, pieces, text_slot=child)
        parent.text = _clean(parent.text)
        for child in parent:
            child.tail = _clean(child.tail)

    @staticmethod
    def _splice(parent, index, pieces, text_slot) -> None:
        """Insert `pieces` at `index`; strings go into the text or tail before them."""
        last = text_slot
        for piece in pieces:
            if isinstance(piece, str):
                if last is None:
                    parent.text = (parent.text or "") + piece
                else:
                    last.tail = (last.tail or "") + piece
            else:
                parent.insert(index, piece)
                index += 1
                last = piece
