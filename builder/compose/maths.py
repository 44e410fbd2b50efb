"""An equation's MathML → its linear text (what a reader without equations shows, what layout
measures) and its height in lines, with the standard library's XML reader."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

SUPERSCRIPTS = str.maketrans("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ")
SUBSCRIPTS = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
SPACED = set("=+−<>≤≥≠≈→←⇒⇔∈∉⊂⊆∪∩×·±∓≡∼∝")  # binary operators and relations: spaced, as OMML sets them
LARGE_OPERATORS = set("∑∏∐∫∬∭∮⋃⋂⋁⋀") | {"lim", "max", "min", "sup", "inf", "arg max", "arg min"}
NBSP = "\u00a0"  # an equation is never broken inside: its spaces do not break
MAX_DEPTH = 200


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _script(text: str, table: dict, mark: str) -> str:
    mapped = text.translate(table)
    if all(ch != orig or not ch.strip() for ch, orig in zip(mapped, text)) and len(text) <= 3:
        return mapped
    return f"{mark}({text})" if len(text) > 1 else f"{mark}{text}"


def _grouped(text: str) -> str:
    return text if len(text) <= 1 or text.isalnum() else f"({text})"


def _linear(element, depth: int = 0) -> str:
    if depth > MAX_DEPTH:
        return ""
    tag = _local(element.tag)
    parts = [_linear(child, depth + 1) for child in element]
    if tag in ("mi", "mn", "mtext", "ms"):
        return (element.text or "").strip() or " "
    if tag == "mo":
        text = (element.text or "").strip()
        return f"{NBSP}{text}{NBSP}" if text in SPACED else text
    if tag == "mspace":
        return NBSP
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0])}/{_grouped(parts[1])}"
    if tag == "msqrt":
        return f"√{_grouped(''.join(parts))}"
    if tag == "mroot" and len(parts) == 2:
        return f"{_script(parts[1], SUPERSCRIPTS, '^')}√{_grouped(parts[0])}"
    if tag == "msup" and len(parts) == 2:
        return parts[0] + _script(parts[1], SUPERSCRIPTS, "^")
    if tag == "msub" and len(parts) == 2:
        return parts[0] + _script(parts[1], SUBSCRIPTS, "_")
    if tag in ("msubsup", "munderover") and len(parts) == 3:
        large = parts[0] in LARGE_OPERATORS
        return parts[0] + _script(parts[1], SUBSCRIPTS, "_") + _script(parts[2], SUPERSCRIPTS, "^") + \
            (NBSP if large else "")
    if tag == "munder" and len(parts) == 2:
        return parts[0] + _script(parts[1], SUBSCRIPTS, "_") + (NBSP if parts[0] in LARGE_OPERATORS else "")
    if tag == "mover" and len(parts) == 2:
        return parts[0] + ("\u0302" if parts[1] in ("^", "ˆ") else "\u0304" if parts[1] in ("¯", "‾", "_") else
                           "\u20d7" if parts[1] in ("→", "⃗") else parts[1])
    if tag == "mtable":
        return f";{NBSP}".join(parts)
    if tag == "mtr":
        return f",{NBSP}".join(parts)
    return "".join(parts)


def _lines(element, depth: int = 0) -> float:
    """The equation's height in lines: stacked parts (fractions, limits, matrices) add to it."""
    if depth > MAX_DEPTH:
        return 1.0
    tag = _local(element.tag)
    children = list(element)
    if tag == "mfrac" and len(children) == 2:
        return _lines(children[0], depth + 1) + _lines(children[1], depth + 1)
    if tag == "mtable":
        return sum(max((_lines(cell, depth + 1) for cell in row), default=1.0) for row in children) or 1.0
    if tag in ("munderover", "munder", "mover") and children:
        return _lines(children[0], depth + 1) + 0.6 * (len(children) - 1)
    if tag in ("msup", "msub", "msubsup") and children:
        return _lines(children[0], depth + 1) + 0.3
    return max((_lines(child, depth + 1) for child in children), default=1.0)


def read_mathml(mathml: str) -> tuple[str, float] | None:
    """The linear text of `mathml` and its height in lines; None when it is not XML."""
    try:
        root = etree.fromstring(mathml)
    except etree.ParseError:
        return None
    text = re.sub(r"\s+", NBSP, _linear(root)).strip(NBSP) or "?"
    return text, round(max(1.0, _lines(root)), 2)
