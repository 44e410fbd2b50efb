"""A diagram as one group of native shapes: nodes as preset shapes holding their text, edges as
connectors glued to their nodes' connection sites (they follow a node that is moved)."""
from __future__ import annotations

from ..colour import is_dark
from ..placed import DiagramFrame, DrawnLine, DrawnShape
from .xml import attribute, text

# the roles a drawing's colours name, on a light slide and on a dark one
LIGHT = {"node": "DEEBF7", "node-line": "2F5597", "cluster": "F2F2F2", "cluster-line": "8C8C8C",
         "edge": "404040", "text": "1A1A1A"}
DARK = {"node": "1F3A5F", "node-line": "9CC3FF", "cluster": "2B3340", "cluster-line": "A6A6A6",
        "edge": "D9D9D9", "text": "F2F2F2"}
INSET = 0.1  # of the text size, around a shape's text
DASH = '<a:prstDash val="dash"/>'


class DiagramWriter:
    """Writes DiagramFrames for slides whose background is `background` ("RRGGBB"), in `font`."""

    def __init__(self, background: str, font: str, lang: str | None):
        self.colours = {**(DARK if is_dark(background) else LIGHT), "background": background}
        self.font = font
        self.lang = f' lang="{attribute(lang)}"' if lang else ""  # none: the text's language is not known

    def colour(self, role: str) -> str:
        return f'<a:solidFill><a:srgbClr val="{attribute(self.colours.get(role, role))}"/></a:solidFill>'

    def group(self, first_id: int, frame: DiagramFrame) -> str:
        """The group's XML; it takes ids `first_id` to `first_id + len(items)`."""
        drawing, box = frame.drawing, frame.box
        scale = box.w / drawing.units_w  # EMU per unit, across and down alike
        size = round(drawing.text_pt(box.w) * 100)

        def emu(value: float) -> int:
            return round(value * scale)

        parts = [f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{first_id}" name="Diagram {first_id}" '
                 f'descr="{attribute(frame.alt)}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>'
                 f'<a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/>'
                 f'<a:chOff x="{box.x}" y="{box.y}"/><a:chExt cx="{box.w}" cy="{box.h}"/></a:xfrm></p:grpSpPr>']
        for index, item in enumerate(drawing.items):
            shape_id = first_id + 1 + index
            if isinstance(item, DrawnShape):
                parts.append(self.shape(shape_id, item, box, emu, size))
            else:
                parts.append(self.line(shape_id, item, box, emu, first_id + 1))
        parts.append("</p:grpSp>")
        return "".join(parts)

    def shape(self, shape_id: int, item: DrawnShape, box, emu, size: int) -> str:
        x, y, w, h = item.box
        flip = ' flipH="1"' if item.flip else ""
        name = f"Node {item.key}" if item.key else f"Shape {shape_id}"
        fill = self.colour(item.fill) if item.fill else "<a:noFill/>"
        outline = (f'<a:ln w="{round(item.outline_pt * 12700)}">{self.colour(item.outline)}'
                   f'{DASH if item.dashed else ""}</a:ln>') if item.outline else \
            "<a:ln><a:noFill/></a:ln>"
        xml = (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attribute(name)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
               f'<p:spPr><a:xfrm{flip}><a:off x="{box.x + emu(x)}" y="{box.y + emu(y)}"/>'
               f'<a:ext cx="{max(0, emu(w))}" cy="{max(0, emu(h))}"/></a:xfrm><a:prstGeom prst="{item.preset}">'
               f'<a:avLst/></a:prstGeom>{fill}{outline}</p:spPr>')
        if item.lines:
            inset = round(size / 100 * INSET * 12700)
            bold = ' b="1"' if item.bold else ""
            run = (f'<a:rPr{self.lang} sz="{size}"{bold} dirty="0">{self.colour(item.text)}'
                   f'<a:latin typeface="{attribute(self.font)}"/><a:cs typeface="{attribute(self.font)}"/></a:rPr>')
            paragraphs = "".join(f'<a:p><a:pPr algn="{item.align}"/><a:r>{run}<a:t>{text(line)}</a:t></a:r></a:p>'
                                 for line in item.lines)
            xml += (f'<p:txBody><a:bodyPr wrap="none" lIns="{inset}" tIns="0" rIns="{inset}" bIns="0" '
                    f'anchor="{item.anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody>')
        return xml + "</p:sp>"

    def line(self, shape_id: int, item: DrawnLine, box, emu, first_item_id: int) -> str:
        ends = "".join(f'<a:{tag} type="{mark}"/>' for tag, mark in (("headEnd", item.head), ("tailEnd", item.tail))
                       if mark != "none")
        ln = (f'<a:ln w="{round(item.width_pt * 12700)}">{self.colour(item.colour)}'
              f'{DASH if item.dashed else ""}{ends}</a:ln>')
        if item.geometry is None:  # a path of more than five segments: a freeform, not glued
            xs, ys = [p[0] for p in item.points], [p[1] for p in item.points]
            left, top = min(xs), min(ys)
            w, h = max(1, emu(max(xs) - left)), max(1, emu(max(ys) - top))
            points = [f'<a:pt x="{emu(px - left)}" y="{emu(py - top)}"/>' for px, py in item.points]
            path = f"<a:moveTo>{points[0]}</a:moveTo>" + "".join(f"<a:lnTo>{p}</a:lnTo>" for p in points[1:])
            return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="Connector {shape_id}"/><p:cNvSpPr/><p:nvPr/>'
                    f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{box.x + emu(left)}" y="{box.y + emu(top)}"/>'
                    f'<a:ext cx="{w}" cy="{h}"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
                    f'<a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{w}" h="{h}" fill="none">{path}'
                    f'</a:path></a:pathLst></a:custGeom><a:noFill/>{ln}</p:spPr></p:sp>')
        preset, rotation, flip_v, x, y, w, h, adjust = item.geometry
        glue = "".join(f'<a:{tag} id="{first_item_id + end[0]}" idx="{end[1]}"/>'
                       for tag, end in (("stCxn", item.start), ("endCxn", item.end)) if end is not None)
        rot = f' rot="{rotation}"' if rotation else ""
        flip = ' flipV="1"' if flip_v else ""
        guides = "".join(f'<a:gd name="adj{k}" fmla="val {value}"/>' for k, value in enumerate(adjust, 1))
        return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name="Connector {shape_id}"/><p:cNvCxnSpPr>{glue}'
                f'</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm{rot}{flip}>'
                f'<a:off x="{box.x + emu(x)}" y="{box.y + emu(y)}"/><a:ext cx="{max(0, emu(w))}" cy="{max(0, emu(h))}"/>'
                f'</a:xfrm><a:prstGeom prst="{preset}"><a:avLst>{guides}</a:avLst></a:prstGeom>{ln}</p:spPr></p:cxnSp>')
