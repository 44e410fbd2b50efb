"""HTML containers — `<div>`, `<section>`, `<p>`, `<center>`, a table used for layout — read as
fenced divs, so that the Markdown inside them is read as Markdown: only the tags are markup.

Marp and Slidev decks lay out columns with `<div class="columns"><div>…</div><div>…</div></div>`
(or a grid, or flex), and READMEs put pictures side by side in a one-row `<table>`. CommonMark
ends an HTML block at a blank line and reads Markdown again inside it; Python-Markdown keeps the
whole block as raw HTML and its Markdown as literal text. Here each container tag becomes a fence
line (`::: {…}`), which FencedDivProcessor nests as usual:

- a div whose class or style says columns, grid or flex row becomes `columns`, and each div
  directly inside it a `column` (its `width` from `width=` or `style="width: 40%"`);
- a layout table (no header cells, and one row, or pictures, blank lines or Markdown blocks in
  its cells) becomes `columns` for each row and a `column` for each cell; a data table is left
  to the HTML table reader;
- `<h1>`–`<h6>` written on one line become Markdown headings;
- any other container is transparent: its content is read as if it were not there.

Comments, `<pre>`, `<script>`, `<style>`, `<svg>` and `<math>` are kept as written. A closing
tag with no opening one, and a container still open at the next `---` rule or at the end, are
reported (a `deck-html-problem` div, which the composer turns into a warning), never lost text.
"""
from __future__ import annotations

import html
import re

from markdown.preprocessors import Preprocessor

CONTAINERS = {"v-clicks", "v-click", "div", "section", "article", "aside", "header", "footer", "main", "nav", "figure", "figcaption",
              "center", "p", "details", "summary", "blockquote", "hgroup"}
TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th"}
KEPT_AS_WRITTEN = {"pre": "</pre>", "script": "</script>", "style": "</style>", "svg": "</svg>",
                   "math": "</math>", "textarea": "</textarea>"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)?)\s*(/?)>")
ATTRIBUTE = re.compile(r"""([a-zA-Z_:][\w:.-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
HEADING = re.compile(r"^\s{0,3}<(h[1-6])\b[^>]*>(.*?)</\1\s*>\s*$", re.I)
STARTS_WITH_TAG = re.compile(r"^\s*</?([a-zA-Z][a-zA-Z0-9-]*)")
RULE = re.compile(r"^---\s*$")
MARKDOWN_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|!\[|```|~~~)")
COLUMN_CLASS = re.compile(r"^(?:columns?|cols|two-cols?|three-cols?|col-\d+|cols-\d+|grid|grid-cols-\d+|"
                          r"md:grid-cols-\d+|lg:grid-cols-\d+|flex|flex-row|row|split|side-by-side)$", re.I)
COLUMN_STYLE = re.compile(r"display\s*:\s*(?:inline-)?(?:grid|flex)|grid-template-columns|column-count", re.I)
VERTICAL_FLEX = re.compile(r"flex-direction\s*:\s*column|\bflex-col\b", re.I)
WIDTH = re.compile(r"(?:^|;)\s*(?:width|flex-basis)\s*:\s*(\d+(?:\.\d+)?)\s*%", re.I)
MAX_DEPTH = 64  # deeper HTML is read as text: time and memory stay bounded


def attributes(text: str) -> dict[str, str]:
    """`class="a b" width=40%` → {"class": "a b", "width": "40%"} (names lower case)."""
    return {name.lower(): html.unescape((value or "").strip("\"'")) for name, value in ATTRIBUTE.findall(text)}


def says_columns(attrs: dict[str, str]) -> bool:
    """Whether a div's class or style lays its children out side by side."""
    classes, style = attrs.get("class", "").split(), attrs.get("style", "")
    if VERTICAL_FLEX.search(style) or "flex-col" in classes:
        return False
    return any(COLUMN_CLASS.match(name) for name in classes) or bool(COLUMN_STYLE.search(style))


def width_of(attrs: dict[str, str]) -> str | None:
    """A column's share as "40%", from `width="40%"` or its style; None when it gives none."""
    value = attrs.get("width", "").strip()
    if value.endswith("%"):
        return value
    match = WIDTH.search(attrs.get("style", ""))
    return f"{match.group(1)}%" if match else None


def _fence(classes: str = "", **values: str) -> str:
    parts = [f".{name}" for name in classes.split()]
    for key, value in values.items():
        if value:
            quote = "'" if '"' in value and "'" not in value else '"'
            parts.append(f'{key.replace("_", "-")}={quote}{value.replace(quote, "")}{quote}')
    return "::: {" + " ".join(parts) + "}"


def _problem(kind: str, tag: str, found: str) -> list[str]:
    # `data-find` is text of the source line, for the line finder (parse/lines.py).
    return [_fence("deck-html-problem", data_problem=kind, data_tag=tag, data_find=found), ":::"]


class _Open:
    """An HTML container still open: its tag, what it became, and the text that opened it."""

    def __init__(self, tag: str, role: str, source: str):
        self.tag, self.role, self.source = tag, role, source


class HtmlContainerPreprocessor(Preprocessor):
    """Container tags → fence lines; everything else is left for the other readers."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        stack: list[_Open] = []
        kept_until: str | None = None  # inside a comment or <pre>…: the text that ends it
        index = 0
        while index < len(lines):
            line = lines[index]
            index += 1
            if kept_until is not None:
                out.append(line)
                if kept_until in line.lower():
                    kept_until = None
                continue
            if RULE.match(line) and stack:  # a slide ends: what it left open is closed here
                out.extend(self._close_all(stack, "unclosed"))
                out.append(line)
                continue
            heading = HEADING.match(line)
            if heading and "<" not in heading.group(2).replace("<br", ""):
                out.append("#" * int(heading.group(1)[1]) + " " + heading.group(2).strip())
                continue
            starts = STARTS_WITH_TAG.match(line)
            name = starts.group(1).lower() if starts else None
            if name == "table" and not line.lstrip().startswith("</"):
                end = self._table_end(lines, index - 1)
                if not self._is_layout(lines[index - 1:end]):
                    out.extend(lines[index - 1:end])  # a data table: the HTML table reader's
                    index = end
                    continue
            indented = len(line) - len(line.lstrip(" ")) >= 4
            if (name in CONTAINERS or name in TABLE_PARTS) and (not indented or stack) \
                    or (stack or "`" not in line) and self._has_container_tag(line):
                kept_until = self._convert(line, stack, out)
            else:
                out.append(line)
                kept_until = self._opens_kept(line)
        out.extend(self._close_all(stack, "unclosed"))
        return out

    @staticmethod
    def _opens_kept(line: str) -> str | None:
        """The text that ends a comment or kept element left open on `line`; None when none is."""
        lowered = line.lower()
        comment = lowered.rfind("<!--")
        if comment >= 0 and "-->" not in lowered[comment:]:
            return "-->"
        for tag, end in KEPT_AS_WRITTEN.items():
            opened = lowered.rfind(f"<{tag}")
            if opened >= 0 and re.match(rf"<{tag}[\s>/]", lowered[opened:]) and end not in lowered[opened:] \
                    and not lowered[opened:].split(">", 1)[0].endswith("/"):
                return end
        return None

    @staticmethod
    def _has_container_tag(line: str) -> bool:
        before_comment = line.split("<!--", 1)[0]
        return any(match.group(2).lower() in CONTAINERS | TABLE_PARTS for match in TAG.finditer(before_comment))

    @staticmethod
    def _table_end(lines: list[str], start: int) -> int:
        """The index just past the line that closes the table opened on `lines[start]`."""
        depth = 0
        for index in range(start, len(lines)):
            lowered = lines[index].lower()
            depth += len(re.findall(r"<table\b", lowered)) - len(re.findall(r"</table\s*>", lowered))
            if depth <= 0:
                return index + 1
        return len(lines)

    @staticmethod
    def _is_layout(lines: list[str]) -> bool:
        """A table laid out for looks, not data: no header cells, and a single row, or
        pictures, blank lines or Markdown blocks in its cells."""
        text = "\n".join(lines)
        lowered = text.lower()
        if re.search(r"<th\b", lowered):
            return False
        rows = len(re.findall(r"<tr\b", lowered))
        inner = lines[1:-1]
        return rows <= 1 or "<img" in lowered or "![" in text or any(not line.strip() for line in inner) \
            or any(MARKDOWN_BLOCK.match(line) for line in inner)

    def _convert(self, line: str, stack: list[_Open], out: list[str]) -> str | None:
        """Write `line` with each container tag on a fence line of its own; the text that ends
        a kept element it opens (None when it opens none)."""
        position = 0
        comment = line.find("<!--")
        for match in TAG.finditer(line, 0, comment if comment >= 0 else len(line)):
            closing, name, attrs_text, _ = match.groups()
            name = name.lower()
            if name in KEPT_AS_WRITTEN:
                break  # the rest of the line is written as it is
            if name not in CONTAINERS and name not in TABLE_PARTS:
                continue
            text = line[position:match.start()]
            if text.strip():
                out.append(text.strip())
            position = match.end()
            if closing:
                out.extend(self._close(stack, name, match.group(0)))
            else:
                out.extend(self._open(stack, name, attributes(attrs_text), match.group(0)))
        rest = line[position:]
        if rest.strip():
            out.append(rest.strip())
        return self._opens_kept(rest)

    def _open(self, stack: list[_Open], name: str, attrs: dict[str, str], source: str) -> list[str]:
        written: list[str] = []
        if name in ("td", "th", "tr") and stack:  # HTML lets a cell or row end where the next begins
            ends = ("td", "th") if name in ("td", "th") else ("td", "th", "tr")
            if stack[-1].tag in ends:
                written += self._pop(stack)
                if name == "tr" and stack and stack[-1].tag == "tr":
                    written += self._pop(stack)
        if len(stack) >= MAX_DEPTH:
            return written + _problem("depth", name, source)
        parent = stack[-1].role if stack else ""
        if name == "tr":
            role, fence = "columns", _fence("columns", data_html="tr")
        elif name in ("td", "th"):
            role, fence = "column", _fence("column", width=width_of(attrs), data_html=name)
        elif name == "div" and says_columns(attrs):
            role, fence = "columns", _fence("columns", data_html="div")
        elif name == "div" and parent == "columns":
            role, fence = "column", _fence("column", width=width_of(attrs), data_html="div")
        elif name == "v-clicks":  # Slidev: the lists inside build one item a click
            role, fence = "transparent", _fence("incremental", data_html=name)
        elif name == "v-click" or "v-click" in attrs:  # Slidev: all it holds appears on one click
            role, fence = "transparent", _fence("click", data_html=name)
        else:
            role, fence = "transparent", _fence("", data_html=name)
        stack.append(_Open(name, role, source))
        return written + [fence]

    def _close(self, stack: list[_Open], name: str, source: str) -> list[str]:
        found = next((depth for depth in range(len(stack) - 1, -1, -1) if stack[depth].tag == name), None)
        if found is None:
            return _problem("stray", name, source)
        written: list[str] = []
        implied = {"td", "th", "tr", "thead", "tbody", "tfoot", "p", "summary"}  # HTML closes these itself
        while len(stack) > found + 1:
            if stack[-1].tag not in implied:
                written += _problem("mismatched", stack[-1].tag, stack[-1].source)
            written += self._pop(stack)
        return written + self._pop(stack)

    @staticmethod
    def _pop(stack: list[_Open]) -> list[str]:
        stack.pop()
        return [":::"]

    def _close_all(self, stack: list[_Open], kind: str) -> list[str]:
        written: list[str] = []
        while stack:
            problem = stack[-1]
            written += self._pop(stack)
            if problem.tag not in ("p", "td", "th", "tr", "tbody", "thead", "tfoot"):
                written += _problem(kind, problem.tag, problem.source)
        return written


def register(md) -> None:
    # After fenced code (25) and pandoc's raw blocks (27), so that tags in code stay code; before
    # Python-Markdown's raw HTML reader (20), which would keep the whole block as HTML.
    md.preprocessors.register(HtmlContainerPreprocessor(md), "deck_html_containers", 21)
