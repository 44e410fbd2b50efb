"""Diagrams laid out as drawings: every label measured to fit its shape, edges glued to nodes,
a diagram that cannot be drawn shown as code with a warning."""
import pytest

from builder.diagnostics import Diagnostics
from builder.layout.diagrams import DiagramProblem, draw, drawings
from builder.layout.fonts import Face, FixedMeasurer
from builder.model import Code, Deck, Image, Meta, Slide
from builder.placed import DrawnLine, DrawnShape

FLOW = "graph TD\n  A[Start here] -->|go| B{Choose}\n  B --> C((End))\n  B -.-> D(Later)"


def _shapes(drawing):
    return [item for item in drawing.items if isinstance(item, DrawnShape)]


@pytest.mark.parametrize("advance", [0.5, 0.9])  # narrow letters, and letters wider than the estimate
def test_every_label_fits_its_shape_as_measured(advance):
    measurer = FixedMeasurer(advance=advance)
    drawing = draw(FLOW, measurer, Face("Calibri"))
    for shape in _shapes(drawing):
        for line in shape.lines:
            width = measurer.width(line, Face("Calibri")) * drawing.text_size
            room = shape.box[2] / 2 if shape.preset == "flowChartDecision" else shape.box[2]
            assert width <= room, (line, width, room)


def test_wider_letters_make_a_larger_drawing_with_the_same_text_size():
    narrow = draw(FLOW, FixedMeasurer(advance=0.5), Face("Calibri"))
    wide = draw(FLOW, FixedMeasurer(advance=0.9), Face("Calibri"))
    assert wide.text_size == narrow.text_size and wide.units_w > narrow.units_w


def test_edges_are_glued_to_the_nodes_they_join():
    drawing = draw(FLOW, FixedMeasurer(), Face("Calibri"))
    nodes = {item.key: index for index, item in enumerate(drawing.items) if isinstance(item, DrawnShape) and item.key}
    assert set(nodes) == {"A", "B", "C", "D"}
    lines = [item for item in drawing.items if isinstance(item, DrawnLine)]
    assert len(lines) == 3 and [line.dashed for line in lines].count(True) == 1
    assert {(line.start[0], line.end[0]) for line in lines} == {(nodes["A"], nodes["B"]), (nodes["B"], nodes["C"]),
                                                                  (nodes["B"], nodes["D"])}
    assert drawing.description.startswith("Start here → Choose (go); Choose → End; Choose → Later")


def test_a_sequence_diagram_has_both_heads_and_a_line_per_message():
    drawing = draw("sequenceDiagram\n  A->>B: one\n  B-->>A: two\n  Note over A,B: both", FixedMeasurer(),
                   Face("Calibri"))
    heads = [item for item in _shapes(drawing) if item.key]
    assert [item.key for item in heads] == ["A", "A", "B", "B"]
    assert any(item.preset == "foldedCorner" and item.lines == ("both",) for item in _shapes(drawing))
    assert sum(isinstance(item, DrawnLine) for item in drawing.items) == 4  # two lifelines, two messages


@pytest.mark.parametrize("text", ["graph TD\n  A[open -->", "sequenceDiagram\n", "graph TD\n" + "  A --> B\n" * 0])
def test_what_cannot_be_drawn_is_a_problem(text):
    with pytest.raises(DiagramProblem):
        draw(text, FixedMeasurer(), Face("Calibri"))


def test_a_diagram_that_cannot_be_drawn_is_shown_as_code():
    broken = Image(src="mermaid:4", alt="Flowchart", line=4, diagram="graph TD\n  A[open -->")
    good = Image(src="mermaid:9", alt="Flowchart", line=9, diagram="graph LR\n  A --> B")
    deck = Deck(meta=Meta(), slides=(Slide(kind="content", title=(), line=1, blocks=(broken, good)),))
    report = Diagnostics("talk.md")
    shown, found = drawings(deck, FixedMeasurer(), Face("Calibri"), report)
    assert list(found) == ["mermaid:9"]
    code, kept = shown.slides[0].blocks
    assert isinstance(code, Code) and code.text == broken.diagram and kept is good
    [warning] = report.items
    assert warning.line == 4 and "shown as code" in warning.message
