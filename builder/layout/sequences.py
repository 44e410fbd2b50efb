"""Mermaid sequence diagrams → drawings: participants at the top and bottom, lifelines, messages
with their text, activation bars, notes and blocks (loop, alt, …), as mermaid2pptx lays them out."""
from __future__ import annotations

from ..placed import Drawing, DrawnShape
from .diagrams import (EDGE_LABEL, MARKS, MAX_ITEMS, UNIT, DiagramProblem, Ruler, _box, laid_out,
                       line_between, source_of)
from .fonts import Face

RECT_TOP, RECT_BOTTOM = 0, 2  # a rectangle's connection sites


def sequence(text: str, measurer, face: Face) -> Drawing:
    """A sequence diagram as shapes. Raises DiagramProblem (and mermaid2pptx's MermaidError)."""
    from mermaid2pptx.sequence.layout import layout
    from mermaid2pptx.sequence.parser import parse

    def lay_out(size):
        parsed = parse(text)
        if len(parsed.participants) + len(parsed.events) > MAX_ITEMS:
            raise DiagramProblem(f"more than {MAX_ITEMS} participants and events")
        if not parsed.participants:
            raise DiagramProblem("no participants")
        return parsed, layout(parsed, size)

    def check(lay):
        ruler = Ruler(measurer, face)
        for lines in lay.lines.values():
            ruler.lines(lines)
        for message in lay.messages:
            ruler.lines(message.lines, EDGE_LABEL)
        for _, lines in lay.notes:
            ruler.lines(lines, EDGE_LABEL)
        for block in lay.blocks:
            ruler.lines([block.kind] + list(block.lines) + [t for _, lines, _ in block.dividers for t in lines],
                        EDGE_LABEL)
        for _, lines, _ in lay.groups:
            ruler.lines(lines)
        if lay.title:
            ruler.lines(lay.title[1], 1.2)
        return ruler

    parsed, lay = laid_out(lay_out, check, text)
    items: list = []
    for box, lines, colour in lay.groups:
        items.append(DrawnShape("rect", _box(box), tuple(lines), fill=colour or "cluster", outline="cluster-line",
                                anchor="t", bold=True))
    for box, colour in lay.rects:
        items.append(DrawnShape("rect", _box(box), fill=colour or "cluster", outline=None))
    for block in lay.blocks:
        items.append(DrawnShape("rect", _box(block.box), fill=None, outline="edge"))
        for y, _, _ in block.dividers:
            items.append(line_between([(block.box.x, y), (block.box.x + block.box.w, y)], dashed=True,
                                      width_pt=0.75, tail="none"))
    heads: dict[str, tuple[int, int]] = {}
    for participant, (top, bottom) in lay.heads.items():
        actor = parsed.participants[participant].kind == "actor"
        pair = []
        for box in (top, bottom):
            pair.append(len(items))
            items.append(DrawnShape("roundRect" if actor else "rect", _box(box), tuple(lay.lines[participant]),
                                    key=participant))
        heads[participant] = (pair[0], pair[1])
    for participant, (x, top_y, bottom_y) in lay.lifelines.items():
        first, last = heads[participant]
        items.append(line_between([(x, top_y), (x, bottom_y)], (first, RECT_BOTTOM), (last, RECT_TOP),
                                  colour="cluster-line", width_pt=0.75, dashed=True, tail="none"))
    for _, box in lay.activations:
        items.append(DrawnShape("rect", _box(box), fill="cluster", outline="edge", outline_pt=0.75))
    for block in lay.blocks:  # over the bars, so that they stay readable
        items.append(DrawnShape("rect", _box(block.tab), (block.kind,), fill="cluster", outline="edge", bold=True))
        if block.label:
            items.append(DrawnShape("rect", _box(block.label), tuple(block.lines), fill=None, outline=None,
                                    align="l", bold=True))
        for _, lines, box in block.dividers:
            if box:
                items.append(DrawnShape("rect", _box(box), tuple(lines), fill="background", outline=None, bold=True))
    for geom in lay.messages:
        message = geom.message
        items.append(line_between(geom.points, dashed=message.line == "dotted", head=MARKS.get(message.start, "none"),
                                  tail=MARKS.get(message.end, "triangle")))
        if geom.label:
            items.append(DrawnShape("rect", _box(geom.label), tuple(geom.lines), fill="background", outline=None,
                                    anchor="b", align="l" if message.src == message.dst else "ctr"))
        if geom.number:
            items.append(DrawnShape("ellipse", _box(geom.number), (str(geom.index),), fill="edge", outline=None,
                                    text="background", bold=True))
    for box, lines in lay.notes:
        items.append(DrawnShape("foldedCorner", _box(box), tuple(lines), fill="cluster", outline="cluster-line",
                                outline_pt=0.75))
    if lay.title:
        items.append(DrawnShape("rect", _box(lay.title[0]), tuple(lay.title[1]), fill=None, outline=None, anchor="t",
                                bold=True))
    return Drawing("sequence diagram", lay.width, lay.height, UNIT, tuple(items), described(text, parsed))


def described(text: str, parsed) -> str:
    """A sequence diagram in words: its participants, then each message and note in order."""
    from mermaid2pptx.sequence.model import Message, Note

    names = {key: " ".join(p.label.split()) or key for key, p in parsed.participants.items()}
    parts = [", ".join(names.values())]
    for event in parsed.events:
        if isinstance(event, Message):
            parts.append(f"{names.get(event.src, event.src)} → {names.get(event.dst, event.dst)}: "
                         f"{' '.join(event.text.split())}")
        elif isinstance(event, Note):
            parts.append(f"note: {' '.join(event.text.split())}")
    return (f"{parsed.title}: " if parsed.title else "") + "; ".join(parts) + source_of(text)
