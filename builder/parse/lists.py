"""Read lists as CommonMark does: any consistent indent nests, and a list may follow a paragraph."""
from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|(?P<number>\d{1,9})[.)])(?P<space> +|$)")
RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
TAB = 4  # Python-Markdown nests a list by exactly this many spaces


class ListIndentPreprocessor(Preprocessor):
    """Rewrite list indentation to what Python-Markdown expects.

    Python-Markdown nests only on 4-space steps and never lets a list interrupt a paragraph;
    CommonMark (and GitHub, pandoc, Marp) nest on the item's content column (2 spaces under
    "- ", 3 under "1. ") and start a list right after a paragraph line. Each list line is
    re-indented to 4 spaces per nesting level, and a blank line is put before a list that
    interrupts a paragraph (an ordered one only when it starts at 1, as CommonMark says).
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        open_items: list[tuple[int, int]] = []  # (marker column, content column) per level
        top_kind = None  # "-" or "1": a new top-level list of the other kind needs a blank line
        previous_blank, previous_text = True, False
        for line in lines:
            if not line.strip():
                out.append(line)
                previous_blank, previous_text = True, False
                continue
            indent = len(line) - len(line.lstrip(" "))
            item = None if RULE.match(line) else ITEM.match(line)
            if item and not open_items and indent >= TAB and previous_blank:
                item = None  # an indented code block, not a list
            if item and not open_items and previous_text:
                number = item.group("number")
                if number is not None and int(number) != 1 or not item.group("space"):
                    item = None  # CommonMark: cannot interrupt a paragraph
                else:
                    out.append("")
            if item:
                while open_items and indent < open_items[-1][1]:
                    open_items.pop()
                kind = "1" if item.group("number") is not None else "-"
                if not open_items:
                    if top_kind is not None and kind != top_kind and out and out[-1].strip():
                        out.append("")  # sane_lists starts a new list only after a blank line
                    top_kind = kind
                marker = item.group("marker").replace(")", ".")
                space = len(item.group("space"))
                content = indent + len(item.group("marker")) + (space if 0 < space <= 4 else 1)
                out.append(" " * (TAB * len(open_items)) + marker + " " + line[item.end():])
                open_items.append((indent, content))
                previous_blank, previous_text = False, False
                continue
            if open_items and previous_blank:
                while open_items and indent < open_items[-1][1]:
                    open_items.pop()
            if not open_items:
                top_kind = None
            if open_items:
                extra = max(0, indent - open_items[-1][1])
                out.append(" " * (TAB * len(open_items) + extra) + line.lstrip(" "))
            else:
                out.append(line)
            previous_blank, previous_text = False, not open_items
        return out
