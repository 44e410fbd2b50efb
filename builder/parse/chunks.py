"""Where a document can be cut into pieces that Python-Markdown reads alone into the same tree
it would make of the whole: before each `#` heading at the left margin that follows a blank line,
outside code, fenced divs, display math and HTML comments. A document whose pieces could reach
into one another (reference links, footnotes, raw HTML blocks, fences that do not close) is one
piece. Reading the pieces alone lets `deck watch` read again only the slides that changed."""
from __future__ import annotations

import re
import zlib

HEADING = re.compile(r"#{1,6}(\s|$)")
FENCE = re.compile(r"\s*(`{3,}|~{3,})")
DIV_FENCE = re.compile(r"\s*(:{3,})\s*(\S?)")
DEFINITION = re.compile(r"\s{0,3}\[[^\]]*\]:")  # a reference link's or a footnote's definition
HTML_START = re.compile(r"\s{0,3}<")
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"


def pieces(text: str) -> list[tuple[int, str]] | None:
    """The pieces of `text`, each with the number of lines before it, a few slides each (see
    _grouped); None when the document must be read whole."""
    found = boundaries(text)
    return None if found is None else _grouped(found)


def boundaries(text: str) -> list[tuple[int, str]] | None:
    """`text` cut at every place where it can be: each piece with the number of lines before it;
    None when the document must be read whole."""
    if "[^" in text:  # footnotes are numbered across the document
        return None
    lines = text.split("\n")
    starts = [0]
    fence: str | None = None  # the marks of the open code fence
    divs = 0  # fenced divs open
    maths = False  # inside $$ … $$
    comment = False  # inside <!-- … -->
    blank_before = True
    for number, line in enumerate(lines):
        if fence is not None:
            found = FENCE.match(line)
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence) \
                    and not line.strip()[len(found.group(1)):].strip():
                fence = None
            blank_before = False
            continue
        if comment:
            comment = COMMENT_CLOSE not in line
            blank_before = False
            continue
        if blank_before and not divs and not maths and number and HEADING.match(line):
            starts.append(number)
        found = FENCE.match(line)
        if found:
            fence = found.group(1)
        elif DEFINITION.match(line):
            return None
        elif HTML_START.match(line):
            stripped = line.strip()
            if not stripped.startswith(COMMENT_OPEN):
                return None  # an HTML block may run on past blank lines and headings
            comment = COMMENT_CLOSE not in stripped[len(COMMENT_OPEN):]
        else:
            div = DIV_FENCE.match(line)
            if div:
                divs = divs + 1 if div.group(2) else max(0, divs - 1)
            if line.count("$$") % 2:
                maths = not maths
        blank_before = not line.strip()
    if fence is not None or comment or divs or maths:
        return None  # left open at the end: read whole, as the whole is closed
    return [(start, "\n".join(lines[start:end])) for start, end in zip(starts, starts[1:] + [len(lines)])]


GROUP = 2  # slides read together, on average: each piece read alone costs Python-Markdown ~0.15 ms


def _grouped(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Consecutive pieces joined, a group ending after a piece whose text's CRC is a multiple of
    GROUP: where groups end depends on the pieces' own text, not on their places, so an edit
    changes the group it is in and leaves the others as they were."""
    groups: list[tuple[int, str]] = []
    start, texts = None, []
    for at, text in found:
        if start is None:
            start = at
        texts.append(text)
        if zlib.crc32(text.encode("utf-8", "surrogatepass")) % GROUP == 0:
            groups.append((start, "\n".join(texts)))
            start, texts = None, []
    if texts:
        groups.append((start, "\n".join(texts)))
    return groups
