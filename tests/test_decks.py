"""The project's own test decks (tests/decks/), one per kind of content: each builds into a valid
deck with the structure asserted here, and, where LibreOffice and the audit tool are at hand,
audits with every count at zero."""
from pathlib import Path

import pytest
from pptx.oxml.ns import qn

from builder.pipeline import build
from tests.conftest import assert_valid, audit_problems, needs_audit

DECKS = Path(__file__).resolve().parent / "decks"
PICTURE, TABLE = 13, 19


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every deck of tests/decks built once: name → (BuildResult, Presentation)."""
    from pptx import Presentation

    out = tmp_path_factory.mktemp("decks")
    decks = {}
    for source in sorted(DECKS.glob("*.md")):
        result = build(source, out / f"{source.stem}.pptx")
        assert_valid(result.output)
        decks[source.stem] = (result, Presentation(str(result.output)))
    return decks


def titles(prs) -> list[str]:
    return [slide.shapes.title.text_frame.text for slide in prs.slides]


def notes(prs) -> list[str]:
    return [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "" for slide in prs.slides]


def shapes(slide, kind):
    return [shape for shape in slide.shapes if shape.shape_type == kind]


def texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_tables(built):
    result, prs = built["tables"]
    assert titles(prs) == ["Tables", "Languages", "A long table", "A long table (continued)", "A wide table",
                           "A pandoc simple table", "A pipe table with its caption"]
    [languages] = [s.table for s in shapes(prs.slides[1], TABLE)]
    assert [c.text for c in languages.rows[0].cells] == ["Language", "Year", "Typing", "Notes"]
    assert languages.cell(2, 0).text_frame.paragraphs[0].runs[0].font.bold  # **Rust**
    assert languages.cell(1, 1).text_frame.paragraphs[0].alignment is not None  # right-aligned column
    long_tables = [shapes(prs.slides[i], TABLE)[0].table for i in (2, 3)]
    assert all(t.cell(0, 1).text == "Planet" for t in long_tables)  # the header, repeated
    assert sum(len(t.rows) - 1 for t in long_tables) == 14
    wide = shapes(prs.slides[4], TABLE)[0].table
    sizes = {r.font.size.pt for row in wide.rows for c in row.cells for p in c.text_frame.paragraphs for r in p.runs}
    assert min(sizes) >= 12
    assert "A simple table with its caption." in texts(prs.slides[5])
    [dates] = [s.table for s in shapes(prs.slides[6], TABLE)]  # a caption above is no row of the table
    assert [c.text for c in dates.rows[0].cells] == ["Version", "Date"] and len(dates.rows) == 3
    assert texts(prs.slides[6]).endswith("Release dates, newest first")


def test_code(built):
    _, prs = built["code"]
    assert titles(prs)[:4] == ["Code", "Python", "A long listing", "A long listing (continued)"]
    runs = [r for p in prs.slides[1].placeholders[1].text_frame.paragraphs for r in p.runs]
    assert {r.font.name for r in runs} == {"Courier New"}
    assert len({str(r._r.find(qn("a:rPr")).find(qn("a:solidFill"))[0].get("val")) for r in runs}) >= 4
    sizes = {r.font.size.pt for s in prs.slides for sh in s.shapes if sh.has_text_frame
             for p in sh.text_frame.paragraphs for r in p.runs}
    assert min(sizes) >= 12
    assert "deck build talk.md -o talk.pptx" in texts(prs.slides[5])


def test_pictures(built):
    _, prs = built["pictures"]
    assert [len(shapes(s, PICTURE)) for s in prs.slides] == [0, 1, 2, 3, 4, 1, 3, 1]
    descriptions = [p._element.find(".//" + qn("p:cNvPr")).get("descr") for p in shapes(prs.slides[6], PICTURE)]
    assert descriptions == ["A small icon", "A square at 300 pixels", "A wide strip at 400 pixels"]
    square = shapes(prs.slides[6], PICTURE)[1]
    assert abs(square.width - 300 * 9525) < 2  # w:300, pixels at 96 dpi
    assert shapes(prs.slides[5], PICTURE)[0].image.content_type == "image/png"  # the WebP, converted
    assert "Figure 1: a caption under the picture" in texts(prs.slides[7])


def test_backgrounds(built):
    _, prs = built["backgrounds"]
    cover = shapes(prs.slides[0], PICTURE)[0]
    assert (cover.left, cover.top, cover.width, cover.height) == (0, 0, prs.slide_width, prs.slide_height)
    left = shapes(prs.slides[1], PICTURE)[0]
    assert left.left == 0 and left.width == round(prs.slide_width * 0.4)
    assert left.crop_top > 0 and left.crop_top == pytest.approx(left.crop_bottom)  # 2:3 cut to fill
    assert prs.slides[1].shapes.title.left >= left.width
    dark = prs.slides[3]
    colours = {rpr.find(qn("a:solidFill"))[0].get("val") for rpr in dark.shapes._spTree.iter(qn("a:rPr"))}
    assert colours == {"FFFFFF"}


def test_columns(built):
    _, prs = built["columns"]
    assert prs.slides[1].slide_layout.name == "Two Content"
    assert [p.text_frame.text for p in prs.slides[1].placeholders if p.placeholder_format.idx in (1, 2)] == [
        "A wide column\nwith a list\nand bold text", "A narrow column with a paragraph."]
    boxes = sorted(sh.left for sh in prs.slides[2].shapes if sh.has_text_frame and sh != prs.slides[2].shapes.title)
    assert len(boxes) == 3
    assert shapes(prs.slides[3], TABLE) and shapes(prs.slides[3], PICTURE)
    assert "Left, written for Deckset" in texts(prs.slides[4]) and "Right, written for Deckset" in texts(prs.slides[4])


def test_text(built):
    _, prs = built["text"]
    body = prs.slides[1].placeholders[1].text_frame.paragraphs
    assert [p._p.find(qn("a:pPr")).find(qn("a:buChar")).get("char") for p in body[:2]] == ["\u2610", "\u2611"]
    assert max(p.level for p in body) >= 4
    languages = prs.slides[2].placeholders[1].text_frame.paragraphs
    assert [p._p.find(qn("a:pPr")).get("rtl") for p in languages] == [None, "1", "1", None]
    assert "🎉 👍🏽" in languages[3].text and "Cafe\u0301" in languages[3].text
    assert "1. The source, shown on the slide that cites it." in texts(prs.slides[4])


def test_separators_and_notes(built):
    _, prs = built["separators"]
    assert titles(prs) == ["Separators and notes", "Part one", "pandoc notes", "HTML comment notes",
                           "HTML comment notes (continued)", "Part two", "reveal-md notes", "remark notes",
                           "Deckset notes"]
    assert notes(prs)[2:] == ["A pandoc speaker note.", "A note in an HTML comment", "", "",
                              "everything after this line is for the speaker.", "Hidden in the notes.",
                              "A Deckset presenter note."]


def test_marp(built):
    result, prs = built["marp"]
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert titles(prs)[:3] == ["A Marp deck", "First slide", "Second slide"]
    assert prs.slides[3].shapes.title.top < 0  # the quote's title is kept, off the slide
    assert notes(prs)[1] == "A Marp speaker note"
    assert "A sub-heading stays on the slide" in texts(prs.slides[2])
    assert {w.code for w in result.warnings} == {"directive"}  # _class reported; paginate: is slide numbers


def test_presenterm_and_slidev(built):
    _, prs = built["presenterm"]
    assert [(s.slide_layout.name, s.shapes.title.text_frame.text) for s in prs.slides] == [
        ("Title Slide", "A presenterm deck"), ("Two Content", "Columns"), ("Two Content", "Slidev slots")]
    assert "Opening words." in texts(prs.slides[0])  # the opening slide's line is its subtitle
    assert "remember to smile" in notes(prs)
    assert "The wide column." in texts(prs.slides[-2]) and "Right slot" in texts(prs.slides[-1])


@pytest.mark.parametrize("name", sorted(p.stem for p in DECKS.glob("*.md")))
@needs_audit
def test_audit_finds_nothing(name, built):
    result, _ = built[name]
    assert audit_problems(result.output, DECKS / f"{name}.md") == {}


def _column_texts(slide) -> list[str]:
    """The text of each body shape of a slide, left to right."""
    bodies = [shape for shape in slide.shapes if shape.has_text_frame and shape != slide.shapes.title]
    return [shape.text_frame.text for shape in sorted(bodies, key=lambda shape: shape.left)]


def test_markdown_inside_html(built):
    result, prs = built["html"]
    assert titles(prs) == ["Markdown inside HTML", "Marp columns", "Slidev grid", "A picture beside its text",
                           "Wrappers"]
    left, right = _column_texts(prs.slides[1])
    assert left.startswith("Why\nFaster builds\nFewer surprises") and 'deck.build("talk.md")' in left
    assert right == "How\nThe second column keeps its emphasis and its list:\nWrite Markdown\nPresent"
    assert _column_texts(prs.slides[2]) == ["Left side words", "Right side words"]
    [picture] = shapes(prs.slides[3], PICTURE)
    [text] = _column_texts(prs.slides[3])
    assert text.startswith("A square, set beside") and "The list stays a list" in text
    assert picture.left + picture.width <= min(s.left for s in prs.slides[3].shapes if s.has_text_frame
                                               and s != prs.slides[3].shapes.title)
    assert texts(prs.slides[4]).split("\n")[1:] == ["Centred words stay words", "A heading written in HTML",
                                                    "A paragraph in p tags with bold inside"]
    assert notes(prs)[4] == "The speaker's note, on the line after the marks."
    assert not result.warnings


A14_MATH = "{http://schemas.microsoft.com/office/drawing/2010/main}m"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
OMML = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def test_equations(built):
    result, prs = built["math"]
    assert not result.warnings
    body = prs.slides[1].placeholders[1]._element
    choices = body.findall(f".//{MC}AlternateContent/{MC}Choice")
    assert len(choices) == 4 and all(choice.get("Requires") == "a14 m" for choice in choices)
    assert all(choice.find(f"{A14_MATH}") is not None for choice in choices)
    assert len(body.findall(f".//{A14_MATH}/{OMML}oMathPara")) == 2  # the two displayed ones
    fractions = body.findall(f".//{OMML}f")
    assert len(fractions) == 3
    fallbacks = ["".join(t.text for t in f.iter(qn("a:t"))) for f in body.findall(f".//{MC}Fallback")]
    assert fallbacks[0] == "E\xa0=\xa0mc²" and fallbacks[3].startswith("∑_(i\xa0=\xa01)ⁿ")
    description = body.find(".//" + qn("p:cNvPr")).get("descr")
    assert description.startswith("Equations: E = mc^{2}; \\lim_{n \\to \\infty}")
    assert texts(prs.slides[2]).endswith("The ticket costs $5 and the book $10, as before.")
    assert notes(prs)[3] == "the speaker sees $\\alpha + \\beta$ as written."


def test_vector_pictures(built):
    result, prs = built["svg"]
    assert not result.warnings
    for slide in list(prs.slides)[1:]:
        [picture] = shapes(slide, PICTURE)
        blip = picture._element.find(".//" + qn("a:blip"))
        [svg_blip] = blip.findall(".//{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
        svg_part = slide.part.related_part(svg_blip.get(qn("r:embed")))
        assert svg_part.content_type == "image/svg+xml" and b"<svg" in svg_part.blob
        png = slide.part.related_part(blip.get(qn("r:embed")))
        assert png.content_type == "image/png"
        shown_px = picture.width / prs.slide_width * 1920
        assert picture.image.size[0] >= shown_px  # the PNG is drawn at least at the size shown
    large, small = (shapes(s, PICTURE)[0] for s in list(prs.slides)[1:])
    assert large.width > 400 / 1920 * prs.slide_width  # a vector is shown larger than its pixels
    assert large.width / large.height == pytest.approx(2.0, rel=0.01)


GROUP, CONNECTOR = "{http://schemas.openxmlformats.org/presentationml/2006/main}grpSp", qn("p:cxnSp")


def _diagram(slide):
    [group] = slide.shapes._spTree.findall(GROUP)
    shapes_ = [(sp.find(qn("p:nvSpPr") + "/" + qn("p:cNvPr")).get("name"), sp) for sp in group.findall(qn("p:sp"))]
    connectors = group.findall(CONNECTOR)
    words = {"".join(t.text for t in sp.iter(qn("a:t"))) for sp in group.findall(qn("p:sp"))} - {""}
    return group, shapes_, connectors, words


def _glued_ends(connector) -> list[str]:
    glue = connector.find(qn("p:nvCxnSpPr") + "/" + qn("p:cNvCxnSpPr"))
    return [end.get("id") for end in glue]


def test_mermaid_diagrams(built):
    result, prs = built["mermaid"]
    assert titles(prs) == ["Diagrams drawn as shapes", "A decision", "Two teams", "A request", "Beside the words",
                           "Not drawn"]
    group, named, connectors, words = _diagram(prs.slides[1])
    nodes = {name: sp for name, sp in named if name.startswith("Node ")}
    assert sorted(nodes) == ["Node check", "Node done", "Node ship", "Node start", "Node wait"]
    presets = {name: sp.find(".//" + qn("a:prstGeom")).get("prst") for name, sp in nodes.items()}
    assert presets == {"Node start": "flowChartTerminator", "Node check": "flowChartDecision", "Node ship": "rect",
                       "Node wait": "roundRect", "Node done": "ellipse"}
    assert len(connectors) == 5  # one per edge
    ids = {sp.find(".//" + qn("p:cNvPr")).get("id"): name for name, sp in nodes.items()}
    assert all(set(_glued_ends(c)) <= set(ids) and len(_glued_ends(c)) == 2 for c in connectors)
    assert {"Order", "Stock?", "Ship it", "Reorder", "Done", "yes", "no"} == words
    description = group.find(".//" + qn("p:cNvPr")).get("descr")
    assert description.startswith("Flowchart: Order → Stock?; Stock? → Ship it (yes)")
    assert "Mermaid source:\nflowchart LR" in description

    _, named, connectors, words = _diagram(prs.slides[2])
    assert {"Front", "Back", "calls", "Screens", "Gateway", "Service", "Records"} == words
    assert len(connectors) == 3
    dashed = [c for c in connectors if c.find(".//" + qn("a:prstDash")) is not None]
    assert len(dashed) == 1  # the dotted edge between the groups

    _, named, connectors, words = _diagram(prs.slides[3])
    assert {"Browser", "Server", "Ask for the page", "Send it back"} == words
    heads = [sp for name, sp in named if name in ("Node U", "Node S")]
    assert len(heads) == 4  # each participant at the top and at the bottom
    assert len(connectors) == 4  # two lifelines, two messages

    assert len(prs.slides[4].shapes._spTree.findall(GROUP)) == 1 and "a question comes in" in texts(prs.slides[4])
    assert "pie title Languages" in texts(prs.slides[5]) and "A[Unclosed" in texts(prs.slides[5])
    assert [(w.line, w.code) for w in result.warnings] == [(54, "diagram"), (60, "diagram")]
    for slide in list(prs.slides)[1:5]:  # every word at 18 pt or more
        sizes = [int(rpr.get("sz")) for rpr in slide.shapes._spTree.findall(GROUP)[0].iter(qn("a:rPr"))]
        assert sizes and min(sizes) >= 1800


def test_east_asian_text_and_emoji(built):
    """Every line fits (the audit counts that, with LibreOffice), no text is under the floor,
    and nothing is lost: the long Japanese paragraph is whole, the emoji kept."""
    result, prs = built["cjk"]
    assert not result.warnings
    assert titles(prs)[1:] == ["日本語の段落", "中文段落", "한국어 문단", "絵文字のある箇条書き 🎉"]
    for slide in list(prs.slides)[1:]:
        for shape in slide.shapes:
            floor = 1200 if shape.has_table else 1800
            sizes = [int(r.get("sz")) for r in shape._element.iter(qn("a:rPr")) if r.get("sz")]
            assert all(size >= floor for size in sizes), (shape.name, sizes)
    body = prs.slides[1].placeholders[1].text_frame.text
    assert body.startswith("吾輩は猫である。") and body.endswith("一度も出会わした事がない。")
    assert "😀" in texts(prs.slides[4]) and "🥳" in texts(prs.slides[4])


def _overlaps(a, b) -> bool:
    return a.left < b.left + b.width and b.left < a.left + a.width and a.top < b.top + b.height and \
        b.top < a.top + a.height


def test_split_backgrounds_never_meet_the_text(built):
    result, prs = built["split_backgrounds"]
    assert [w.code for w in result.warnings] == ["image-hint", "image-hint"]  # brightness:, vertical
    for number, slide in enumerate(prs.slides, 1):
        pictures = shapes(slide, PICTURE)
        side = [p for p in pictures if p.width < prs.slide_width and (p.left == 0 or
                                                                      p.left + p.width >= prs.slide_width - 1)]
        assert side, f"slide {number} has its background picture on one side"
        words = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
        words += [s for s in slide.shapes if s.has_table]
        assert words
        for shape in words:
            assert not any(_overlaps(shape, picture) for picture in side), (number, shape.name)


P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"


def test_sections_transitions_links_and_builds(built):
    result, prs = built["meeting"]
    assert not result.warnings
    assert titles(prs) == ["The meeting beyond text", "Opening", "Contents", "Why it matters", "The work",
                           "How we build it", "The plan"]
    ids = [s.slide_id for s in prs.slides]
    section_list = prs.part._element.find(f".//{P14}sectionLst")
    sections = [(s.get("name"), [int(i.get("id")) for i in s.iter(f"{P14}sldId")]) for s in section_list]
    assert sections == [("The meeting beyond text", ids[:1]), ("Opening", ids[1:4]), ("The work", ids[4:])]

    def transition(slide):
        found = slide._element.find(qn("p:transition"))
        return found[0].tag.split("}")[1] if found is not None else None

    assert [transition(s) for s in prs.slides] == ["fade"] * 5 + ["push", "fade"]

    def jumps(slide):
        out = []
        for link in slide._element.iter(qn("a:hlinkClick")):
            assert link.get("action") == "ppaction://hlinksldjump"
            out.append(slide.part.related_part(link.get(qn("r:id"))))
        return out

    assert jumps(prs.slides[2]) == [prs.slides[3].part, prs.slides[5].part, prs.slides[6].part]
    assert jumps(prs.slides[6]) == [prs.slides[2].part]

    def clicks(slide):
        """Each click's (shape id, first paragraph, last paragraph) in order."""
        timing = slide._element.find(qn("p:timing"))
        sequence = timing.find(".//" + qn("p:cTn") + "[@nodeType='mainSeq']")
        return [[(int(t.get("spid")), int(t[0][0].get("st")), int(t[0][0].get("end")))
                 for t in click.iter(qn("p:spTgt"))] for click in sequence.find(qn("p:childTnLst"))]

    body = prs.slides[5].placeholders[1].shape_id
    assert clicks(prs.slides[5]) == [[(body, 0, 0)], [(body, 1, 2)], [(body, 3, 3)]]  # the child with its item
    plan = prs.slides[6].placeholders[1].shape_id
    assert clicks(prs.slides[6]) == [[(plan, 1, 1)], [(plan, 2, 2)]]  # the first line shown from the start
    assert prs.slides[6].placeholders[1].text_frame.text.startswith("We start with a question.\nThen")  # no ". . ."


def test_native_charts_with_their_data(built):
    import io
    import zipfile

    result, prs = built["charts"]
    assert [(w.line, w.code) for w in result.warnings] == [(38, "chart")]
    kinds = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                chart = shape.chart
                names = [s.name for s in chart.plots[0].series]
                kinds[slide.shapes.title.text_frame.text] = (chart.chart_type.name, names)
                book = zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
                assert "xl/worksheets/sheet1.xml" in book.namelist()  # "Edit Data" opens its workbook
                description = shape._element.find(".//" + qn("p:cNvPr")).get("descr")
                assert all(f"{name}: " in description for name in names)
    assert kinds == {"Sales": ("COLUMN_CLUSTERED", ["2025", "2026"]), "Shares": ("PIE", ["Share"]),
                     "A trend beside words": ("LINE_MARKERS", ["Visitors"]),
                     "Height against weight": ("XY_SCATTER", ["Weight"]),
                     "Languages": ("BAR_CLUSTERED", ["Users", "Projects"])}
    sales = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Sales")
    [frame] = [shape for shape in sales.shapes if shape.has_chart]
    assert list(frame.chart.plots[0].categories) == ["Q1", "Q2", "Q3", "Q4"]
    assert list(frame.chart.plots[0].series[1].values) == [12.0, 15.0, 14.0, 18.0]
    assert frame.chart.chart_title.text_frame.text == "Sales by quarter"
    assert frame._element.find(".//" + qn("p:cNvPr")).get("descr").startswith("Column chart: Sales by quarter by Quarter.")
    broken = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Broken")
    [table] = [shape.table for shape in broken.shapes if shape.has_table]
    assert table.cell(1, 1).text == "ten"


def test_audio_is_embedded_with_a_poster_and_play_controls(built):
    result, prs = built["media"]
    assert not result.warnings
    for slide in list(prs.slides)[1:]:
        [pic] = shapes(slide, PICTURE)
        audio = pic._element.find(".//" + qn("a:audioFile"))
        media = slide.part.related_part(audio.get(qn("r:link")))
        assert media.content_type == "audio/wav" and media.blob == (DECKS / "img" / "chime.wav").read_bytes()
        poster = slide.part.related_part(pic._element.find(".//" + qn("a:blip")).get(qn("r:embed")))
        assert poster.content_type == "image/png"
        assert slide._element.find(".//" + qn("p:audio") + "/" + qn("p:cMediaNode")) is not None
    assert prs.slides[1].shapes[1].name == "Audio chime.wav"


def test_a_contents_slide_links_every_section_and_slide(built):
    result, prs = built["contents"]
    assert not result.warnings
    agenda = prs.slides[1]
    assert agenda.shapes.title.text_frame.text == "Agenda"
    entries = [(p.text, p.level) for p in agenda.placeholders[1].text_frame.paragraphs]
    assert entries == [("Why", 0), ("The problem", 1), ("How", 0), ("The tool", 1), ("The result", 1)]
    targets = [agenda.part.related_part(link.get(qn("r:id"))) for link in agenda._element.iter(qn("a:hlinkClick"))]
    assert targets == [prs.slides[i].part for i in (2, 3, 4, 5, 6)]


def test_a_panel_on_a_background_photo_covers_the_text_not_the_whole_body(tmp_path):
    import shutil
    from pptx import Presentation

    (tmp_path / ".git").mkdir()
    shutil.copy(DECKS / "img" / "landscape.jpg", tmp_path / "photo.jpg")
    source = tmp_path / "talk.md"
    source.write_text("---\nmarp: true\n---\n\n![bg](photo.jpg)\n\n## Two points\n\n- first\n- second\n", encoding="utf-8")
    prs = Presentation(str(build(source, tmp_path / "talk.pptx").output))
    slide = prs.slides[0]
    [panel] = [shape for shape in slide.shapes if shape.name == "Text panel"]
    body = slide.placeholders[1]
    assert panel.height < 0.5 * prs.slide_height  # two lines and a title, not 88 % of the slide
    assert panel.top <= slide.shapes.title.top and panel.top + panel.height >= body.top + 2 * 457200 // 2


def test_a_long_contents_slide_is_continued(tmp_path):
    from pptx import Presentation

    source = tmp_path / "long.md"
    source.write_text("---\ntitle: Long\ntoc: true\n---\n\n" + "".join(f"## Slide number {n}\n\ntext {n}\n\n"
                                                                      for n in range(1, 31)), encoding="utf-8")
    result = build(source, tmp_path / "long.pptx")
    prs = Presentation(str(result.output))
    contents = [s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Contents")]
    assert len(contents) >= 2  # thirty entries do not fit one slide at a readable size
    links = [link for slide in contents for link in slide._element.iter(qn("a:hlinkClick"))]
    assert len(links) == 30
    sizes = [int(r.get("sz")) for slide in contents for r in slide._element.iter(qn("a:rPr")) if r.get("sz")]
    assert min(sizes) >= 1800
