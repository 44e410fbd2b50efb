"""A chart as PowerPoint's own: a chart part (DrawingML chart XML, its values cached in it) and
the workbook holding its data, embedded so that "Edit Data" opens it; text at 18 pt or more."""
from __future__ import annotations

import datetime
import io

from .xml import attribute, text

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<c:date1904 val="0"/><c:roundedCorners val="0"/><c:chart>')
TEXT_PT, TITLE_PT = 18, 24
CATEGORY_AXIS, VALUE_AXIS = 500000001, 500000002


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _strings(cells, first_row: int, column: int, element: str = "c:strRef") -> str:
    ref = f"Sheet1!${_column(column)}${first_row}:${_column(column)}${first_row + len(cells) - 1}"
    points = "".join(f'<c:pt idx="{i}"><c:v>{text(str(cell))}</c:v></c:pt>' for i, cell in enumerate(cells))
    return f'<{element}><c:f>{ref}</c:f><c:strCache><c:ptCount val="{len(cells)}"/>{points}</c:strCache></{element}>'


def _numbers(values, column: int) -> str:
    ref = f"Sheet1!${_column(column)}$2:${_column(column)}${len(values) + 1}"
    points = "".join(f'<c:pt idx="{i}"><c:v>{value:g}</c:v></c:pt>' for i, value in enumerate(values) if value is not None)
    return (f'<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>General</c:formatCode>'
            f'<c:ptCount val="{len(values)}"/>{points}</c:numCache></c:numRef>')


def _series(chart, index: int, name: str, values) -> str:
    head = f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx>{_strings([name], 1, index + 1)}</c:tx>'
    if chart.kind == "scatter":
        categories = [float(c) for c in chart.categories]
        return (f'{head}<c:spPr><a:ln w="28575"><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="circle"/>'
                f'<c:size val="9"/></c:marker><c:xVal>{_numbers(categories, 0)}</c:xVal>'
                f'<c:yVal>{_numbers(values, index + 1)}</c:yVal><c:smooth val="0"/></c:ser>')
    middle = {"column": '<c:invertIfNegative val="0"/>', "bar": '<c:invertIfNegative val="0"/>',
              "line": '<c:marker><c:symbol val="circle"/><c:size val="7"/></c:marker>', "pie": ""}[chart.kind]
    tail = '<c:smooth val="0"/>' if chart.kind == "line" else ""
    return (f'{head}{middle}<c:cat>{_strings(chart.categories, 2, 0)}</c:cat><c:val>{_numbers(values, index + 1)}'
            f'</c:val>{tail}</c:ser>')


def _axes(kind: str) -> str:
    ticks = ('<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>')
    first = "c:valAx" if kind == "scatter" else "c:catAx"
    position = "l" if kind == "bar" else "b"
    # a bar chart reads from the top down, as its CSV does: categories reversed, values along the bottom
    order = "maxMin" if kind == "bar" else "minMax"
    category = (f'<{first}><c:axId val="{CATEGORY_AXIS}"/><c:scaling><c:orientation val="{order}"/></c:scaling>'
                f'<c:delete val="0"/><c:axPos val="{position}"/><c:numFmt formatCode="General" sourceLinked="1"/>{ticks}'
                f'<c:crossAx val="{VALUE_AXIS}"/><c:crosses val="autoZero"/>')
    category += ('<c:crossBetween val="midCat"/></c:valAx>' if kind == "scatter" else
                 '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>')
    value = (f'<c:valAx><c:axId val="{VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
             f'<c:delete val="0"/><c:axPos val="{"b" if kind == "bar" else "l"}"/><c:majorGridlines/>'
             f'<c:numFmt formatCode="General" sourceLinked="1"/>{ticks}<c:crossAx val="{CATEGORY_AXIS}"/>'
             f'<c:crosses val="{"max" if kind == "bar" else "autoZero"}"/><c:crossBetween val="{"midCat" if kind == "scatter" else "between"}"/>'
             f'</c:valAx>')
    return category + value


def chart_xml(chart, lang: str | None) -> bytes:
    """The chart part's XML (its workbook is related as rId1)."""
    language = f' lang="{attribute(lang)}"' if lang else ""
    series = chart.series[:1] if chart.kind == "pie" else chart.series
    body = "".join(_series(chart, i, name, values) for i, (name, values) in enumerate(series))
    axes_ids = f'<c:axId val="{CATEGORY_AXIS}"/><c:axId val="{VALUE_AXIS}"/>'
    plot = {
        "column": f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{body}'
                  f'<c:gapWidth val="80"/>{axes_ids}</c:barChart>',
        "bar": f'<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>{body}'
               f'<c:gapWidth val="80"/>{axes_ids}</c:barChart>',
        "line": f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{body}<c:marker val="1"/>'
                f'{axes_ids}</c:lineChart>',
        "pie": f'<c:pieChart><c:varyColors val="1"/>{body}<c:firstSliceAng val="0"/></c:pieChart>',
        "scatter": f'<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>{body}{axes_ids}'
                   f'</c:scatterChart>',
    }[chart.kind]
    if chart.kind != "pie":
        plot += _axes(chart.kind)
    title = (f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{TITLE_PT * 100}" b="0"/>'
             f'</a:pPr><a:r><a:rPr{language} sz="{TITLE_PT * 100}" b="0"/><a:t>{text(chart.title)}</a:t></a:r></a:p>'
             f'</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
             if chart.title else '<c:autoTitleDeleted val="1"/>')
    legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' \
        if chart.kind == "pie" or len(chart.series) > 1 else ""
    return (f'{HEAD}{title}<c:plotArea><c:layout/>{plot}</c:plotArea>{legend}<c:plotVisOnly val="1"/>'
            f'<c:dispBlanksAs val="gap"/></c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>'
            f'<a:defRPr sz="{TEXT_PT * 100}"/></a:pPr><a:endParaRPr{language}/></a:p></c:txPr>'
            f'<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>').encode("utf-8")


def workbook(chart, when: datetime.datetime) -> bytes:
    """The chart's data as an .xlsx (Sheet1: categories down column A, a series a column),
    dated `when` so that the same chart gives the same bytes."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    book.set_properties({"created": when})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, [""] + [name for name, _ in chart.series])
    for row, category in enumerate(chart.categories, start=1):
        sheet.write_string(row, 0, category) if chart.kind != "scatter" else sheet.write_number(row, 0, float(category))
        for column, (_, values) in enumerate(chart.series, start=1):
            if values[row - 1] is not None:
                sheet.write_number(row, column, values[row - 1])
    book.close()
    return out.getvalue()


def graphic_frame(shape_id: int, box, alt: str, rid: str) -> str:
    """The slide's frame showing the chart related as `rid`."""
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Chart {shape_id}" '
            f'descr="{attribute(alt)}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
            f'<p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" '
            f'cy="{box.h}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
            f'2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="{rid}"/>'
            f'</a:graphicData></a:graphic></p:graphicFrame>')
