"""pandoc's table captions on pipe tables: `Table: …` or `: …` on the line after the table (or
after a blank line), or before it, becomes an italic line under the table, as a simple table's
caption does (pandoc_tables.py); without this it is a paragraph or a bogus last row."""
from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

from .pandoc_tables import CAPTION

DELIMITER_ROW = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def _table_at(lines: list[str], index: int) -> int | None:
    """The index past the pipe table whose header is `lines[index]`; None when none starts there."""
    if index + 1 >= len(lines) or "|" not in lines[index] or not DELIMITER_ROW.match(lines[index + 1]) \
            or "|" not in lines[index + 1] and "|" not in lines[index].strip().strip("|"):
        return None
    end = index + 2
    while end < len(lines) and lines[end].strip() and "|" in lines[end] and not CAPTION.match(lines[end]):
        end += 1
    return end


class TableCaptionPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            caption, start = None, index
            match = CAPTION.match(lines[index])
            if match:  # a caption before its table, with or without a blank line between
                for gap in (1, 2):
                    if start + gap < len(lines) and all(not line.strip() for line in lines[start + 1:start + gap]) \
                            and _table_at(lines, start + gap) is not None:
                        caption, start = match.group(1).strip(), start + gap
                        break
            end = _table_at(lines, start) if caption is not None or not match else None
            if end is None:
                out.append(lines[index])
                index += 1
                continue
            table = lines[start:end]
            if caption is None:  # a caption after it, on the next line or after a blank one
                for gap in (0, 1):
                    if end + gap < len(lines) and all(not line.strip() for line in lines[end:end + gap]):
                        after = CAPTION.match(lines[end + gap])
                        if after:
                            caption, end = after.group(1).strip(), end + gap + 1
                            break
            out.extend(table)
            if caption is not None:
                out.extend(["", f"*{caption}*"])
            index = end
        return out


def register(md) -> None:
    # After pandoc's simple tables are rewritten as pipe tables (23), which take their own captions.
    md.preprocessors.register(TableCaptionPreprocessor(md), "deck_table_captions", 22.5)
