"""XML text escaping, exactly as lxml serialises text and attributes (so that our slide XML is
the bytes a parser-and-writer round trip would give)."""
from __future__ import annotations

from ..source import XML_FORBIDDEN

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def text(value: str) -> str:
    """`value` as the content of an element; characters XML cannot hold are left out."""
    value = XML_FORBIDDEN.sub("", value)
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return value.translate(_TEXT)
    return value


def attribute(value: str) -> str:
    """`value` inside a double-quoted attribute; characters XML cannot hold are left out."""
    value = XML_FORBIDDEN.sub("", str(value))
    return value.translate(_ATTRIBUTE)
