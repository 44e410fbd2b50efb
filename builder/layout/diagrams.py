"""Mermaid diagrams → drawings of native shapes: parsed and laid out by mermaid2pptx (a layered
layout with orthogonal routing), then checked against our own font metrics and laid out again
larger where its width estimates fall short, so that no label runs out of its shape."""
from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Diagnostics
from ..model import Code, Deck, Image, with_blocks
from ..placed import Drawing, DrawnLine, DrawnShape
from .fonts import Face

UNIT = 10.0  # the size of a diagram's text in its own units
SAFETY = 1.06  # measured widths are given this much more room: renderers differ a little
EDGE_LABEL = 0.85  # mermaid2pptx sizes edge labels, notes and messages for this share of the text size
MAX_ITEMS = 2000  # nodes and edges of one diagram; more is not a slide
ROUNDS = 3
MARKS = {"none": "none", "arrow": "triangle", "open": "arrow", "circle": "oval", "cross": "diamond"}
PRESETS = {"rect": "rect", "round": "roundRect", "stadium": "flowChartTerminator",
           "subroutine": "flowChartPredefinedProcess", "diamond": "flowChartDecision",
           "hexagon": "flowChartPreparation", "circle": "ellipse", "doublecircle": "ellipse",
           "cylinder": "flowChartMagneticDisk", "parallelogram": "flowChartInputOutput",
           "parallelogram_alt": "flowChartInputOutput", "trapezoid": "trapezoid",
           "trapezoid_alt": "flowChartManualOperation", "flag": "homePlate"}

# the presets whose connection sites are numbered as ECMA-376 defines them, as every reader
# agrees; a connector to any other shape is drawn where the layout put it, not glued
GLUED = {"rect", "roundRect", "flowChartTerminator", "flowChartPredefinedProcess", "flowChartDecision",
         "flowChartPreparation", "ellipse"}


class DiagramProblem(ValueError):
    """The diagram's text cannot be drawn; the message says why."""


class Ruler:
    """How much larger than mermaid2pptx's estimate a diagram must be laid out for its text,
    measured with real font metrics at the size it is drawn, to fit the boxes it was given."""

    def __init__(self, measurer, face: Face):
        self.measurer, self.face = measurer, face
        self.needed = 1.0

    def lines(self, lines, share: float = 1.0) -> None:
        """`lines` are drawn at UNIT and were given room for `share` × the layout's size."""
        from mermaid2pptx.text import text_width

        height = self.measurer.line_height(self.face) / 1.2  # mermaid2pptx's lines are 1.2 em apart
        for line in lines:
            estimate = text_width(line, UNIT * share)
            measured = self.measurer.width(line, self.face) * UNIT * SAFETY
            if estimate > 0:
                self.needed = max(self.needed, measured / estimate)
            self.needed = max(self.needed, height / share)


def laid_out(lay_out, check, text: str) -> tuple[object, object]:
    """(parsed, layout) of `text` at the size its measured text needs: `lay_out(size)` lays
    it out, `check(layout, ruler)` measures what the layout holds."""
    size = UNIT
    for _ in range(ROUNDS):
        parsed, lay = lay_out(size)
        ruler = check(lay)
        if ruler.needed <= size / UNIT * 1.001:
            return parsed, lay
        size = UNIT * ruler.needed
    return parsed, lay


def _box(box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h)


def line_between(points, start=None, end=None, **style) -> DrawnLine:
    """A DrawnLine through `points`, drawn by a connector preset when it has 1 to 5 segments."""
    from mermaid2pptx.slide.connectors import connector_geometry, simplify

    path = simplify([(float(x), float(y)) for x, y in points])
    if len(path) < 2:
        path = [path[0], path[0]] if path else [(0.0, 0.0), (0.0, 0.0)]
    geometry = None
    if len(path) - 1 <= 5:
        g = connector_geometry(path)
        geometry = (g["prst"], g["rot"], g["flipV"], g["x"], g["y"], g["w"], g["h"], tuple(g["adj"]))
    else:
        start = end = None  # a freeform cannot be glued
    return DrawnLine(points=tuple(path), geometry=geometry, start=start, end=end, **style)


def source_of(text: str) -> str:
    """The diagram's source, closing its description: what a screen reader can spell out, and
    what to edit it from."""
    return "\n\nMermaid source:\n" + text.strip()


def _label(diagram, node_id: str) -> str:
    return " ".join(diagram.nodes[node_id].text.split()) or node_id


def described(text: str, diagram) -> str:
    """A flowchart in words: each edge (and each node no edge reaches), then its source."""
    parts = []
    for edge in diagram.edges:
        words = f" ({' '.join(edge.text.split())})" if edge.text.strip() else ""
        parts.append(f"{_label(diagram, edge.src)} → {_label(diagram, edge.dst)}{words}")
    linked = {end for edge in diagram.edges for end in (edge.src, edge.dst)}
    parts += [_label(diagram, node) for node in diagram.nodes if node not in linked]
    titles = [" ".join(sub.title.split()) for sub in diagram.subgraphs.values() if sub.title.strip()]
    if titles:
        parts.append("groups: " + ", ".join(titles))
    return "; ".join(parts) + source_of(text)


def _glue(items: list, at: int, site: int | None) -> tuple[int, int] | None:
    return (at, site) if site is not None and items[at].preset in GLUED else None


def flowchart(text: str, measurer, face: Face) -> Drawing:
    """A flowchart (`graph` / `flowchart`) as shapes. Raises DiagramProblem."""
    from mermaid2pptx.flowchart.layout import layout
    from mermaid2pptx.flowchart.parser import parse
    from mermaid2pptx.styles import contrast, dashed, parse_color, px_to_pt

    def lay_out(size):
        diagram = parse(text)
        if len(diagram.nodes) + len(diagram.edges) > MAX_ITEMS:
            raise DiagramProblem(f"more than {MAX_ITEMS} nodes and edges")
        return diagram, layout(diagram, size)

    def check(lay):
        ruler = Ruler(measurer, face)
        for lines in lay.lines.values():
            ruler.lines(lines)
        for route in lay.routes:
            ruler.lines(route.label_lines, EDGE_LABEL)
        for _, _, title in lay.clusters:
            ruler.lines(title)
        return ruler

    diagram, lay = laid_out(lay_out, check, text)
    items: list = []
    for sid, box, title in lay.clusters:
        style = diagram.subgraphs[sid].style
        fill = parse_color(style.get("fill", "")) or "cluster"
        items.append(DrawnShape("rect", _box(box), tuple(title), fill=fill,
                                outline=parse_color(style.get("stroke", "")) or "cluster-line",
                                text=contrast(fill) if fill != "cluster" else "text", anchor="t", bold=True))
    index: dict[str, int] = {}
    for node_id, box in lay.boxes.items():
        node = diagram.nodes[node_id]
        style = diagram.node_style(node)
        fill = parse_color(style.get("fill", ""))
        colour = parse_color(style.get("color", "")) or (contrast(fill) if fill else "text")
        index[node_id] = len(items)
        items.append(DrawnShape(PRESETS.get(node.shape, "rect"), _box(box), tuple(lay.lines[node_id]),
                                fill=fill or "node", outline=parse_color(style.get("stroke", "")) or "node-line",
                                text=colour, dashed=dashed(style), flip=node.shape == "parallelogram_alt",
                                outline_pt=px_to_pt(style.get("stroke-width", "")) or
                                (2.5 if node.shape == "doublecircle" else 1.0), key=node_id))
    labels = []
    for route in lay.routes:
        edge = route.edge
        if edge.line == "invisible":
            continue
        start, end = (_glue(items, index[node], site) for node, site in ((edge.src, route.src_site),
                                                                           (edge.dst, route.dst_site)))
        items.append(line_between(route.points, start, end, colour=parse_color(edge.style.get("stroke", "")) or "edge",
                                  width_pt=2.5 if edge.line == "thick" else 1.5, dashed=edge.line == "dotted",
                                  head=MARKS.get(edge.start, "none"), tail=MARKS.get(edge.end, "triangle")))
        if route.label is not None and route.label_lines:
            labels.append(DrawnShape("rect", _box(route.label), tuple(route.label_lines), fill="background",
                                     outline=None))
    items.extend(labels)  # over the lines they name
    return Drawing("flowchart", lay.width, lay.height, UNIT, tuple(items), described(text, diagram))


def draw(text: str, measurer, face: Face) -> Drawing:
    """The drawing of a mermaid block. Raises DiagramProblem."""
    from mermaid2pptx import MermaidError

    from ..compose.diagrams import kind_of
    from .sequences import sequence

    kind = kind_of(text)
    try:
        drawing = sequence(text, measurer, face) if kind == "sequenceDiagram" else flowchart(text, measurer, face)
    except MermaidError as error:
        raise DiagramProblem(str(error)) from None
    except (RecursionError, KeyError, IndexError, ValueError, ZeroDivisionError) as error:
        if isinstance(error, DiagramProblem):
            raise
        raise DiagramProblem(f"its layout failed: {type(error).__name__}") from None
    if not drawing.items or drawing.units_w <= 0 or drawing.units_h <= 0:
        raise DiagramProblem("it draws nothing")
    return drawing


def drawings(deck: Deck, measurer, face: Face, report: Diagnostics) -> tuple[Deck, dict[str, Drawing]]:
    """The drawing of every diagram of `deck` by its `src`, and the deck with the diagrams that
    cannot be drawn shown as code instead (each a warning)."""
    from ..images import images_of

    found: dict[str, Drawing] = {}
    failed: set[str] = set()
    for slide in deck.slides:
        for image in images_of(slide.blocks):
            if image.diagram is None or image.src in found or image.src in failed:
                continue
            try:
                found[image.src] = draw(image.diagram, measurer, face)
            except DiagramProblem as problem:
                failed.add(image.src)
                report.warn(image.line, "diagram", f"this mermaid diagram cannot be drawn ({problem}); it is shown as code")
    if failed:
        def as_code(block):
            if isinstance(block, Image) and block.src in failed:
                return Code(text=block.diagram or "", line=block.line, language="mermaid")
            return block

        deck = replace(deck, slides=tuple(replace(s, blocks=with_blocks(s.blocks, as_code)) for s in deck.slides))
    return deck, found
