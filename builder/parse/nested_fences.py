"""Fenced code inside list items: Python-Markdown's fenced_code reads only fences at the left
margin. An indented fence is stashed as a code block, its placeholder left at its indent so the
list keeps it."""
from __future__ import annotations

import html
import re

from markdown.preprocessors import Preprocessor

OPEN = re.compile(r"^(?P<indent> +)(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?(?P<lang>[\w+#.-]*)[^`\n]*$")


LANGUAGE_THEN_ATTRIBUTES = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+#.-]+)[ \t]*\{(?P<attrs>[^}\n]*)\}[ \t]*$")


class FenceAttributesPreprocessor(Preprocessor):
    """```` ```chart {type=bar} ```` (a language, then attributes, as Quarto and markdown-it
    write them) as Python-Markdown reads it: ```` ``` {.chart type=bar} ````."""

    def run(self, lines: list[str]) -> list[str]:
        return [LANGUAGE_THEN_ATTRIBUTES.sub(r"\g<fence> {.\g<lang> \g<attrs>}", line) if "{" in line else line
                for line in lines]


class IndentedFencePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            match = OPEN.match(lines[index])
            if not match:
                out.append(lines[index])
                index += 1
                continue
            indent, fence = match.group("indent"), match.group("fence")
            end = index + 1
            while end < len(lines) and not re.match(rf"^ *{re.escape(fence[0])}{{{len(fence)},}}\s*$", lines[end]):
                end += 1
            if end >= len(lines):  # never closed: not a fence
                out.append(lines[index])
                index += 1
                continue
            body = "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip()
                             for line in lines[index + 1:end])
            language = match.group("lang")
            attribute = f' class="language-{html.escape(language)}"' if language else ""
            placeholder = self.md.htmlStash.store(f"<pre><code{attribute}>{html.escape(body)}\n</code></pre>")
            out.extend(["", indent + placeholder, ""])
            index = end + 1
        return out
