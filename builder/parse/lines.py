"""Find the source line of each element, for messages that say file:line."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

LINE = "data-line"
LETTERS = re.compile(r"[^\W_]+")
RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
LOCATED = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "hr", "img", "table",
           "div", "comment", "raw-html", "raw-inline", "stray-fence", "a",
           "raw-format"}


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")


def _words(text: str) -> str:
    """The words of `text`, lower case, each with a space on either side."""
    return " " + " ".join(LETTERS.findall(text)).lower() + " "


LIST_MARKER = re.compile(r"^\s*(?:>\s*)*([-*+]|\d{1,9}[.)])\s")


def annotate_lines(root: etree.Element, text: str) -> None:
    """Set `data-line` (1-based) on block elements, images and links, in document order.

    Python-Markdown keeps no positions, so each element is found by searching forward from the
    previous one: an image by its path, a rule by its shape, anything else by its first
    letters. An element that cannot be found gets the line of the one before it.
    """
    lines = text.split("\n")
    keys = [_words(line) for line in lines]
    cursor = 0
    for element in root.iter():
        if element is root or element.tag not in LOCATED:
            continue
        found = _find(element, lines, keys, cursor)
        if found is not None:
            cursor = found
        element.set(LINE, str(cursor + 1))
    for listing in (e for e in root.iter() if e.tag in ("ul", "ol")):  # the marker of a list's first item: Marp builds `*` and `1)` lists
        first = listing.find("li")
        if first is not None and first.get(LINE):
            found = LIST_MARKER.match(lines[int(first.get(LINE)) - 1])
            if found:
                listing.set("data-marker", found.group(1)[-1])


def _find(element: etree.Element, lines: list[str], keys: list[str], start: int) -> int | None:
    def first(test) -> int | None:
        if element.tag == "li":
            return next((i for i in range(start, len(lines)) if ITEM.match(lines[i]) and test(i)), None)
        return next((i for i in range(start, len(lines)) if test(i)), None)

    if element.tag == "hr":
        return first(lambda i: RULE.match(lines[i]))
    needle = element.get("src") or element.get("href") or element.get("data-find")
    if needle is None and not "".join(element.itertext()).strip():
        image = element.find(".//img")  # a paragraph holding only a picture
        needle = image.get("src") if image is not None else None
    if needle:
        found = first(lambda i: needle in lines[i])
        if found is None and element.get("data-find"):  # a tag left open is reported after its content
            found = next((i for i in range(min(start, len(lines) - 1), -1, -1) if needle in lines[i]), None)
        return found
    first_line = "".join(element.itertext()).strip().split("\n")[0]
    if not first_line and element.tag in HEADINGS:  # an empty heading: found by its marks alone
        marks = re.compile(rf"^ {{0,3}}{'#' * int(element.tag[1])}(\s|$)")
        return first(lambda i: marks.match(lines[i]))
    words = LETTERS.findall(first_line)
    if not words:
        raw = first_line.strip()[:8]
        return first(lambda i: raw in lines[i]) if raw else None
    # Markup between words (** or a link) is not in the tree's text; inline HTML is, so the
    # first letters may not be found together: fall back on the first word alone.
    probe = " "
    for word in words[:4]:
        probe += word.lower() + " "
        if len(probe) > 16:
            break
    found = first(lambda i: probe in keys[i])
    if found is None:
        word = f" {words[0].lower()} "
        found = first(lambda i: word in keys[i])
    return found
