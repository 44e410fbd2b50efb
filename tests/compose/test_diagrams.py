"""Diagram blocks: mermaid flowcharts and sequence diagrams become diagrams, the rest stay code."""
import pytest

from builder.compose.diagrams import diagram_block, kind_of
from builder.diagnostics import Diagnostics
from builder.model import Code, Image


@pytest.mark.parametrize("text, kind", [
    ("graph TD\n A --> B", "graph"),
    ("%% a comment\n\nflowchart LR\n A", "flowchart"),
    ("---\ntitle: Orders\n---\nsequenceDiagram\n A->>B: hi", "sequenceDiagram"),
    ("pie title Pets\n \"Dogs\" : 3", "pie"),
    ("", None),
    ("%% only a comment", None),
])
def test_the_kind_is_the_first_word_after_comments_and_front_matter(text, kind):
    assert kind_of(text) == kind


def test_flowcharts_and_sequences_are_diagrams():
    report = Diagnostics("talk.md")
    block = diagram_block(Code("graph LR\n A --> B", line=7, language="mermaid"), report)
    assert isinstance(block, Image) and block.diagram.startswith("graph LR") and block.src == "mermaid:7"
    assert block.alt == "Flowchart" and not report.items


@pytest.mark.parametrize("language, text, said", [
    ("mermaid", "gantt\n title Plan", "mermaid gantt is shown as code"),
    ("plantuml", "@startuml\nA -> B\n@enduml", "plantuml diagrams are shown as code"),
])
def test_other_diagrams_stay_code_with_a_warning(language, text, said):
    report = Diagnostics("talk.md")
    code = Code(text, line=3, language=language)
    assert diagram_block(code, report) is code
    [warning] = report.items
    assert warning.line == 3 and said in warning.message
