"""Syntax colours for code blocks, as runs: Pygments reads the code (in the language the fence
names; none when it names none or one Pygments does not know), a palette of our own colours it.

Every colour of the palette has at least 4.5:1 contrast on white (WCAG AA for text)."""
from __future__ import annotations

from functools import lru_cache

from .model import Run

PALETTE = (  # most specific token types first
    ("Comment", "5F6368", False, True),
    ("Keyword", "0033B3", True, False),
    ("Name.Builtin", "871094", False, False),
    ("Name.Function", "00627A", False, False),
    ("Name.Class", "00627A", True, False),
    ("Name.Decorator", "7A6200", False, False),
    ("Name.Tag", "0033B3", False, False),
    ("Name.Attribute", "871094", False, False),
    ("Literal.String", "067D17", False, False),
    ("Literal.Number", "1750EB", False, False),
    ("Generic.Deleted", "B31412", False, False),
    ("Generic.Inserted", "067D17", False, False),
    ("Error", "C00000", False, False),
)


def _style(token_type) -> tuple[str | None, bool, bool]:
    name = str(token_type).removeprefix("Token.")
    for prefix, colour, bold, italic in PALETTE:
        if name == prefix or name.startswith(prefix + "."):
            return colour, bold, italic
    return None, False, False


@lru_cache(maxsize=512)
def highlight(code: str, language: str | None) -> tuple[tuple[Run, ...], ...] | None:
    """The lines of `code` as coloured runs, or None when the language is not known."""
    if not language:
        return None
    try:
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound
    except ImportError:
        return None
    try:
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None
    lines: list[list[Run]] = [[]]
    for token_type, text in lexer.get_tokens(code):
        colour, bold, italic = _style(token_type)
        for index, piece in enumerate(text.split("\n")):
            if index:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, code=True, colour=colour, bold=bold, italic=italic))
    return tuple(tuple(line) for line in lines)
