"""Settings without editing a template: fonts, colours, a logo, footer, date and slide numbers,
from front matter or --set."""
import io

import pytest
from PIL import Image as PILImage
from pptx import Presentation
from pptx.oxml.ns import qn

from builder.cli import main
from builder.diagnostics import Diagnostics
from builder.settings import Settings, read_settings
from tests.conftest import audit_problems, needs_audit, title_of

PICTURE = 13


def logo_png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (400, 160), (200, 60, 40)).save(out, format="PNG")
    return out.getvalue()


def test_settings_are_read_from_front_matter_and_overridden_by_set():
    report = Diagnostics("deck.md")
    front = {"accent-color": "#c03", "Body_Font": "Liberation Sans", "paginate": True, "footer": "ACME",
             "footer-date": True, "text-colour": "not a colour"}
    settings = read_settings(front, ["footer=Other", "title-font=Liberation Serif", "nonsense=1", "novalue"],
                             report, date="2026-11-24")
    assert settings == Settings(heading_font="Liberation Serif", body_font="Liberation Sans", accent_colour="CC0033",
                                footer="Other", footer_date="2026-11-24", slide_numbers=True)
    assert [(item.line, item.code) for item in report.items] == [(1, "setting"), (None, "setting"), (None, "setting")]
    assert "text-colour: 'not a colour'" in report.items[0].message


@pytest.fixture(scope="module")
def dressed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("settings")
    (folder / "logo.png").write_bytes(logo_png())
    source = folder / "talk.md"
    source.write_text("---\ntitle: Quarterly review\ndate: 24 November 2026\nfooter: ACME confidential\n"
                      "footer-date: true\nslide-numbers: true\nlogo: logo.png\nheading-font: Liberation Serif\n"
                      "code-font: Liberation Mono\naccent-colour: '#C0392B'\ntext-colour: '#202020'\n---\n"
                      "## First\n\n- a point\n\n```\ncode\n```\n\n## Second\n\nMore text.\n", encoding="utf-8")
    output = folder / "talk.pptx"
    assert main(["build", str(source), "-o", str(output), "-q", "--set", "background-colour=#FAFAF5"]) == 0
    return source, Presentation(str(output))


def furniture(slide) -> dict[str, str]:
    found = {}
    for shape in slide.shapes:
        ph = shape._element.find(".//" + qn("p:ph"))
        if ph is not None and ph.get("type") in ("ftr", "dt", "sldNum"):
            found[ph.get("type")] = shape.text_frame.text
    return found


def test_footer_date_and_slide_numbers_go_in_the_templates_placeholders(dressed):
    _, prs = dressed
    title, first, second = prs.slides
    assert furniture(title) == {}  # not on the title slide
    assert furniture(first) == {"ftr": "ACME confidential", "dt": "24 November 2026", "sldNum": "2"}
    assert furniture(second)["sldNum"] == "3"
    number = next(s for s in second.shapes if s.name.startswith("Slide Number"))
    assert number._element.find(".//" + qn("a:fld")).get("type") == "slidenum"  # PowerPoint renumbers it
    sizes = {rpr.get("sz") for shape in first.shapes for rpr in shape._element.iter(qn("a:rPr"))}
    assert min(int(size) for size in sizes) >= 1800


def test_the_logo_sits_right_of_every_content_title_and_nowhere_else(dressed):
    _, prs = dressed
    title, *content = prs.slides
    assert not [s for s in title.shapes if s.shape_type == PICTURE]
    for slide in content:
        [logo] = [s for s in slide.shapes if s.shape_type == PICTURE]
        heading = slide.shapes.title
        assert logo.left >= heading.left + heading.width and logo.top >= heading.top
        assert logo.top + logo.height <= heading.top + heading.height
        assert logo._element.find(".//" + qn("p:cNvPr")).get("descr") == "Logo"


def test_fonts_and_colours_land_in_the_theme_and_the_master(dressed):
    _, prs = dressed
    master = prs.slide_master
    theme = next(rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme")).blob
    assert b'<a:latin typeface="Liberation Serif"/>' in theme and b'val="C0392B"' in theme
    styles = master._element.find(qn("p:txStyles"))

    def colour(style):
        return styles.find(f"{qn(style)}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:solidFill')}")[0].get("val")
    assert colour("p:titleStyle") == "C0392B" and colour("p:bodyStyle") == "202020"
    assert master.background.fill.fore_color.rgb == (0xFA, 0xFA, 0xF5)
    code = [rpr for slide in prs.slides for rpr in slide.shapes._spTree.iter(qn("a:rPr"))
            if rpr.find(qn("a:latin")) is not None and rpr.find(qn("a:latin")).get("typeface") == "Liberation Mono"]
    assert code and title_of(prs.slides[0]) == "Quarterly review"


def test_a_font_this_machine_lacks_and_a_template_without_a_footer_are_warnings(tmp_path):
    prs = Presentation()
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for shape in list(owner.placeholders):
            if shape._element.find(".//" + qn("p:ph")).get("type") == "ftr":
                shape._element.getparent().remove(shape._element)
    prs.save(tmp_path / "plain.pptx")
    source = tmp_path / "talk.md"
    source.write_text("---\nfooter: ACME\nbody-font: No Such Font Sans\n---\n## S\n\ntext\n", encoding="utf-8")
    from builder.pipeline import build

    result = build(source, tmp_path / "out.pptx", template=tmp_path / "plain.pptx")
    assert sorted(w.code for w in result.warnings) == ["font", "footer"]
    assert "No Such Font Sans" in next(w.message for w in result.warnings if w.code == "font")


@needs_audit
def test_a_dressed_deck_audits_clean(dressed, tmp_path):
    source, prs = dressed
    prs.save(tmp_path / "dressed.pptx")
    assert audit_problems(tmp_path / "dressed.pptx", source) == {}
