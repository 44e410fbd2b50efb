"""Diagram blocks (```mermaid```): the kinds drawn as shapes become a diagram, the rest stay code."""
from __future__ import annotations

import re

from ..diagnostics import Diagnostics
from ..model import Code, Image

DRAWN = {"graph": "flowchart", "flowchart": "flowchart", "sequenceDiagram": "sequence diagram"}
DIAGRAM_LANGUAGES = {"mermaid", "plantuml", "puml", "dot", "graphviz"}
_FIRST_WORD = re.compile(r"^\s*([A-Za-z][\w-]*)")


def kind_of(text: str) -> str | None:
    """The diagram kind a mermaid block declares on its first line that is not a comment or
    front matter (`graph`, `sequenceDiagram`, `pie`, …); None when there is none."""
    in_front_matter = False
    for number, line in enumerate(text.splitlines()):
        stripped = line.strip()
        if stripped == "---" and (number == 0 or in_front_matter):
            in_front_matter = not in_front_matter
            continue
        if in_front_matter or not stripped or stripped.startswith("%%"):
            continue
        match = _FIRST_WORD.match(stripped)
        return match.group(1) if match else None
    return None


def diagram_block(code: Code, report: Diagnostics) -> Image | Code:
    """A diagram drawn as native shapes for a mermaid flowchart or sequence diagram; `code`
    itself, with a warning, for any other diagram language or kind."""
    language = (code.language or "").lower()
    if language == "mermaid":
        kind = kind_of(code.text)
        if kind in DRAWN:
            alt = f"{DRAWN[kind].capitalize()}"
            return Image(src=f"mermaid:{code.line}", alt=alt, line=code.line, diagram=code.text)
        report.warn(code.line, "diagram", f"mermaid {kind or 'diagram'} is shown as code: flowcharts "
                    "(graph, flowchart) and sequence diagrams are drawn as shapes, other kinds are not")
    else:
        report.warn(code.line, "diagram", f"{code.language} diagrams are shown as code: only mermaid "
                    "flowcharts and sequence diagrams are drawn as shapes")
    return code
