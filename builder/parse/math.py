"""TeX math as <tex-math> elements: `$…$` and `\\(…\\)` in the text, `$$…$$`, `\\[…\\]` and
`\\begin{equation}` … set apart. Each holds its TeX as written and, in `mathml`, its MathML
(latex2mathml: a well-kept, pure-Python converter; the equations PowerPoint shows are made from
it by the renderer). TeX it cannot read carries `problem`, which the composer reports.

`$` follows pandoc's rule: the opening one has a non-space character after it, the closing one a
non-space character before it and no digit after it, so "$5 and $10" stays text.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

MAX_TEX = 4000  # characters: longer TeX is kept as text (conversion time stays bounded)
DISPLAY_DOLLARS = r"\$\$(?P<tex>.+?)\$\$"
DISPLAY_BRACKETS = r"\\\[(?P<tex>.+?)\\\]"
INLINE_PARENS = r"\\\((?P<tex>.+?)\\\)"
INLINE_DOLLAR = r"(?<![\\$])\$(?=[^\s$])(?P<tex>(?:\\.|[^$\\])+?)(?<=[^\s\\])\$(?!\d)"
ENVIRONMENT = re.compile(r"^ {0,3}\\begin\{(equation|align|gather|multline|displaymath|eqnarray)(\*?)\}")
WRAPPERS = re.compile(r"\\(?:begin|end)\{(?:equation|displaymath)\*?\}")
UNREAD = re.compile(r"<m(?:i|o|text)>(\\[A-Za-z]+|&amp;)</m(?:i|o|text)>")


def mathml_of(tex: str) -> tuple[str | None, str | None]:
    """The MathML of `tex`, and a problem (None: none); MathML None when it cannot be read."""
    if len(tex) > MAX_TEX:
        return None, f"longer than {MAX_TEX:,} characters"
    import latex2mathml.converter

    source = WRAPPERS.sub("", tex).replace("{aligned}", "{align*}").replace("{eqnarray", "{align")
    try:
        mathml = latex2mathml.converter.convert(source)
    except RecursionError:
        return None, "nested too deeply"
    except Exception as error:  # the converter raises its own kinds, and others, on bad TeX
        detail = f": {error}" if str(error) and len(str(error)) < 80 else ""
        return None, f"is not TeX the converter can read (a brace or an argument missing?{detail})"
    unread = sorted(set(UNREAD.findall(mathml)))
    if unread:
        names = ", ".join("&" if name == "&amp;" else name for name in unread)
        return None, f"uses what the converter does not know: {names}"
    return mathml, None


def math_element(tex: str, display: bool) -> etree.Element:
    element = etree.Element("tex-math")
    element.set("display", "1" if display else "0")
    mathml, problem = mathml_of(tex.strip())
    if mathml is not None:
        element.set("mathml", mathml)
    if problem is not None:
        element.set("problem", problem)
    element.text = AtomicString(tex.strip())
    return element


class MathInlineProcessor(InlineProcessor):
    def __init__(self, pattern: str, md, display: bool):
        super().__init__(pattern, md)
        self.display = display

    def handleMatch(self, m, data):
        # a code span or an HTML tag is taken out before math is looked for: its placeholder
        # would otherwise be read as TeX, numbered as the rest of the document happens to number it
        return math_element(self.unescape(m.group("tex")), self.display), m.start(0), m.end(0)


class EnvironmentPreprocessor(Preprocessor):
    """`\\begin{equation}` … `\\end{equation}` (align, gather…) at the start of a line: display math."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            match = ENVIRONMENT.match(lines[index])
            if not match:
                out.append(lines[index])
                index += 1
                continue
            end_mark = f"\\end{{{match.group(1)}{match.group(2)}}}"
            end = index
            while end < len(lines) and end_mark not in lines[end] and lines[end].strip():
                end += 1
            if end == len(lines) or end_mark not in lines[end]:
                out.append(lines[index])  # never closed: left as text
                index += 1
                continue
            out.extend(["", "$$" + "\n".join(line.strip() for line in lines[index:end + 1]) + "$$", ""])
            index = end + 1
        return out


def register(md) -> None:
    # After code spans (190), so that `$x$` in code stays code; before backslash escapes (180),
    # which would take \( and \[, and before emphasis, which would read TeX's _ and *.
    md.inlinePatterns.register(MathInlineProcessor(DISPLAY_DOLLARS, md, True), "deck_math_display", 188)
    md.inlinePatterns.register(MathInlineProcessor(DISPLAY_BRACKETS, md, True), "deck_math_brackets", 187)
    md.inlinePatterns.register(MathInlineProcessor(INLINE_PARENS, md, False), "deck_math_parens", 186)
    md.inlinePatterns.register(MathInlineProcessor(INLINE_DOLLAR, md, False), "deck_math_dollar", 185)
    # After fenced code (25) is stashed: an environment inside code stays code.
    md.preprocessors.register(EnvironmentPreprocessor(md), "deck_math_environments", 24)
