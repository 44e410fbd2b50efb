"""Shapes as slide XML text: filled placeholders, text boxes, pictures, panels, stand-ins for
missing pictures and tables (written as python-pptx would make and then set them)."""
from __future__ import annotations

import re
from pathlib import Path

from ..geometry import CELL_MARGIN_X, CELL_MARGIN_Y, EMU_PER_PT, Box, Insets
from ..placed import Panel, PictureFrame, PlaceholderFrame, TableFrame, TextFrame
from .text import TextWriter, body_properties
from .xml import attribute

MARGIN_X = round(CELL_MARGIN_X * EMU_PER_PT)
MARGIN_Y = round(CELL_MARGIN_Y * EMU_PER_PT)
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # Medium Style 2 – Accent 1, PowerPoint's default
SHAPE_STYLE = ('<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="3">'
               '<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/>'
               '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>')


def transform(box: Box, tag: str = "a:xfrm") -> str:
    return f'<{tag}><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/></{tag}>'


def described(shape: str, writer: TextWriter) -> str:
    """`shape` (XML text) with the TeX of the equations just written in it as its description
    (alt text), the way pictures of equations are described: what a screen reader can read
    out, and the source to edit them from. Unchanged when it holds none."""
    if not writer.equations:
        return shape
    description = "Equations: " + "; ".join(writer.equations)
    writer.equations.clear()
    head, rest = shape.split("<p:cNvPr ", 1)
    rest = re.sub(r'^((?:[^>]*?)) descr="[^"]*"', r"\1", rest, count=1)
    return f'{head}<p:cNvPr descr="{attribute(description)}" {rest}'


def filled_placeholder(properties: str, frame: TextFrame, writer: TextWriter) -> str:
    """A layout placeholder (its non-visual `properties`) holding `frame`."""
    return described(f"<p:sp>{properties}<p:spPr>{transform(frame.box)}</p:spPr><p:txBody>"
                     f"{body_properties(frame.insets, frame.anchor)}<a:lstStyle/>"
                     f"{writer.fill(frame.paragraphs, title=frame.role == 'title')}</p:txBody></p:sp>", writer)


def text_box(shape_id: int, frame: TextFrame, writer: TextWriter) -> str:
    return described(
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="TextBox {shape_id - 1}"/><p:cNvSpPr txBox="1"/>'
        f'<p:nvPr/></p:nvSpPr><p:spPr>{transform(frame.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:noFill/></p:spPr><p:txBody>{body_properties(frame.insets, frame.anchor)}<a:lstStyle/>'
        f'{writer.fill(frame.paragraphs, title=frame.role == "title")}</p:txBody></p:sp>', writer)


def _percent(value: float) -> str:
    return str(int(round(value * 100000.0)))


SVG_BLIP = ('<a:extLst><a:ext uri="{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}"><asvg:svgBlip '
            'xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="{rid}"/></a:ext>'
            '</a:extLst>')  # PowerPoint's own extension: the SVG, drawn where it is understood


def picture(shape_id: int, frame: PictureFrame, rid: str, vector: str | None = None, media: tuple | None = None) -> str:
    """A picture showing the image of relationship `rid`, cropped as measured; with `vector`
    (None: a bitmap only), the relationship of its SVG, which PowerPoint shows instead; with
    `media` (kind, its relationship, its media relationship; None: a picture), a video or audio
    played from it, the image its poster."""
    name = Path(frame.picture.src).name
    label = f"{'Background' if frame.background else 'Picture'} {name}"
    description = frame.alt or Path(name).stem
    crop = ""
    if any(frame.crop):
        sides = [(side, value) for side, value in zip("ltrb", frame.crop) if value != 0.0]
        crop = "<a:srcRect" + "".join(f' {side}="{_percent(value)}"' for side, value in sides) + "/>"
    properties, click = "<p:nvPr/>", "/>"
    if media is not None:
        kind, link, embedded = media
        label = f"{kind.capitalize()} {name}"
        click = '><a:hlinkClick r:id="" action="ppaction://media"/></p:cNvPr>'
        properties = (f'<p:nvPr><a:{kind}File r:link="{link}"/><p:extLst><p:ext uri="{{DAA4B4D4-6D71-4841-9C94-'
                      f'3DE7FCFB9230}}"><p14:media xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main" '
                      f'r:embed="{embedded}"/></p:ext></p:extLst></p:nvPr>')
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="{attribute(label)}" descr="{attribute(description)}"{click}'
            f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr>{properties}</p:nvPicPr><p:blipFill>'
            f'<a:blip r:embed="{rid}"{">" + SVG_BLIP.format(rid=vector) + "</a:blip>" if vector else "/>"}'
            f'{crop}<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>'
            f'{transform(frame.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


def _rectangle(shape_id: int, name: str, box: Box, fill: str, line: str, body: str) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attribute(name)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr>{transform(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}{line}</p:spPr>'
            f'{SHAPE_STYLE}<p:txBody>{body}</p:txBody></p:sp>')


def panel(shape_id: int, frame: Panel) -> str:
    """A rectangle of colour behind text on a picture, without line or shadow."""
    fill = (f'<a:solidFill><a:srgbClr val="{attribute(frame.colour)}"><a:alpha val="{round(frame.opacity * 100000)}"/>'
            '</a:srgbClr></a:solidFill>')
    return _rectangle(shape_id, "Text panel", frame.box, fill, "<a:ln><a:noFill/></a:ln><a:effectLst/>",
                      '<a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p>')


def missing_picture(shape_id: int, frame: PlaceholderFrame, writer: TextWriter) -> str:
    """A grey box with a dashed red line, saying which picture is missing."""
    return _rectangle(shape_id, f"Missing picture {frame.missing.src}", frame.box,
                      '<a:solidFill><a:srgbClr val="F2F2F2"/></a:solidFill>',
                      '<a:ln w="25400"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:prstDash val="dash"/></a:ln>',
                      f"{body_properties(Insets(), 'middle')}<a:lstStyle/>{writer.fill(frame.paragraphs)}")


def table(shape_id: int, frame: TableFrame, writer: TextWriter) -> str:
    """A native table sized exactly as measured, in the template's table style."""
    rows = ([frame.header] if frame.header else []) + list(frame.rows)
    heights = ([frame.header_height] if frame.header else []) + list(frame.row_heights)
    # the table style fills cells with light tints of the accent, on any theme: colours for white
    slide_background, writer.background = writer.background, "FFFFFF"
    cell_end = (f'</a:txBody><a:tcPr marL="{MARGIN_X}" marR="{MARGIN_X}" marT="{MARGIN_Y}" marB="{MARGIN_Y}" '
                'anchor="t"/></a:tc>')
    first_row = ' firstRow="1"' if frame.header else ""
    out = [f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Table {shape_id - 1}"/>'
           '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
           f'</p:nvGraphicFramePr>{transform(frame.box, "p:xfrm")}<a:graphic><a:graphicData '
           'uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr'
           f'{first_row} bandRow="1"><a:tableStyleId>{TABLE_STYLE}</a:tableStyleId>'
           '</a:tblPr><a:tblGrid>', *(f'<a:gridCol w="{width}"/>' for width in frame.widths), "</a:tblGrid>"]
    for row, height in zip(rows, heights):
        out.append(f'<a:tr h="{height}">')
        for paragraph in row:
            out.append(f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{writer.fill((paragraph,))}{cell_end}")
        out.append("</a:tr>")
    out.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    writer.background = slide_background
    return described("".join(out), writer)
