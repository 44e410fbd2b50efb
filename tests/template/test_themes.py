"""Built-in themes: each one right on the seed deck, the builder's own colours readable on the dark
one, exportable as a template that round-trips through an edit."""
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from builder.cli import main
from builder.colour import ON_DARK, contrast
from builder.pipeline import build
from builder.template.themes import THEMES
from tests.conftest import ROOT, audit_problems, needs_audit, title_of

SEED = ROOT / "slides_src" / "cloud.md"
DECKS = ROOT / "tests" / "decks"


def title_colour(prs) -> str:
    styles = prs.slide_master._element.find(qn("p:txStyles"))
    return styles.find(f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:solidFill')}")[0].get("val")


@pytest.fixture(scope="module")
def themed(tmp_path_factory):
    """The seed, code and table decks on every theme: (theme, deck) → (source, BuildResult)."""
    folder = tmp_path_factory.mktemp("themes")
    built = {}
    for theme in THEMES:
        for source in (SEED, DECKS / "code.md", DECKS / "tables.md"):
            result = build(source, folder / f"{source.stem}-{theme}.pptx", theme=theme)
            assert result.warnings == []
            built[theme, source.stem] = (source, result)
    return built


def test_there_are_three_themes_and_each_looks_as_it_says(themed):
    assert list(THEMES) == ["light", "dark", "band"]
    looks = {}
    for theme in THEMES:
        prs = Presentation(str(themed[theme, "cloud"][1].output))
        assert title_of(prs.slides[0]) == "Le Cloud Computing" and len(prs.slides) == 7
        mapping = prs.slide_master._element.find(qn("p:clrMap"))
        bands = [shape.name for shape in prs.slides[1].slide_layout.shapes if shape.name == "Title band"]
        looks[theme] = (title_colour(prs), mapping.get("bg1"), bands)
    assert looks == {"light": ("1F3864", "lt1", []), "dark": ("9CC3FF", "dk2", []),
                     "band": ("1F3864", "lt1", ["Title band"])}


def test_the_builders_own_colours_read_on_the_dark_theme():
    dark = THEMES["dark"].background
    for light, counterpart in ON_DARK.items():
        assert contrast(light, "FFFFFF") >= 4.5 and contrast(counterpart, dark) >= 4.5, (light, counterpart)
    assert contrast(THEMES["dark"].text, dark) >= 7 and contrast(THEMES["dark"].title, dark) >= 4.5


def test_code_on_the_dark_theme_takes_the_dark_palette_and_tables_keep_theirs(themed):
    prs = Presentation(str(themed["dark", "code"][1].output))
    colours = {rpr.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val")
               for slide in prs.slides for rpr in slide.shapes._spTree.iter(qn("a:rPr"))
               if rpr.find(qn("a:solidFill")) is not None}
    assert colours and colours <= set(ON_DARK.values())
    tables = Presentation(str(themed["dark", "tables"][1].output))
    cell_colours = {rpr.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val")
                    for slide in tables.slides for frame in slide.shapes if frame.has_table
                    for rpr in frame._element.iter(qn("a:rPr")) if rpr.find(qn("a:solidFill")) is not None}
    assert cell_colours and not cell_colours & set(ON_DARK.values())  # cells are light on every theme


@needs_audit
def test_every_theme_audits_clean(themed):
    problems = {key: audit_problems(result.output, source) for key, (source, result) in themed.items()
                if key[1] == "cloud" or key[0] == "dark"}
    assert {key: found for key, found in problems.items() if found} == {}


def test_template_list_and_export(tmp_path, capsys):
    assert main(["template", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == list(THEMES)
    assert main(["template", "export", "band", "-o", str(tmp_path / "mine.potx")]) == 0
    assert b"template.main+xml" in __import__("zipfile").ZipFile(tmp_path / "mine.potx").read("[Content_Types].xml")
    assert main(["template", "export", "nope", "-o", str(tmp_path / "x.pptx")]) == 2
    assert "light, dark, band" in capsys.readouterr().err


@pytest.mark.slow
def test_an_exported_theme_edited_with_python_pptx_changes_the_deck_built_on_it(tmp_path):
    exported = tmp_path / "dark.pptx"
    assert main(["template", "export", "dark", "-o", str(exported)]) == 0
    prs = Presentation(str(exported))
    fill = prs.slide_master._element.find(
        f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:solidFill')}")
    fill[0].set("val", "FFC000")  # amber titles
    prs.save(exported)
    edited = build(SEED, tmp_path / "edited.pptx", template=exported)
    plain = build(SEED, tmp_path / "plain.pptx", theme="dark")
    assert title_colour(Presentation(str(edited.output))) == "FFC000"
    assert title_colour(Presentation(str(plain.output))) == "9CC3FF"
    assert edited.warnings == []


def test_front_matter_names_a_theme_and_an_unknown_one_is_a_warning(tmp_path):
    source = tmp_path / "talk.md"
    source.write_text("---\ntheme: dark\n---\n## S\n\ntext\n", encoding="utf-8")
    result = build(source, tmp_path / "dark.pptx")
    assert result.warnings == [] and title_colour(Presentation(str(result.output))) == "9CC3FF"
    source.write_text("---\ntheme: gaia\n---\n## S\n\ntext\n", encoding="utf-8")
    result = build(source, tmp_path / "gaia.pptx")
    assert [(w.line, w.code) for w in result.warnings] == [(1, "theme")] and "gaia" in result.warnings[0].message
    source.write_text("---\ntheme: default\n---\n## S\n\ntext\n", encoding="utf-8")
    assert build(source, tmp_path / "default.pptx").warnings == []


@pytest.mark.parametrize("theme", ["light", "dark", "band"])
def test_the_title_slides_subtitle_reads_at_more_than_4_5_to_1(theme):
    """Office's layout tints the subtitle 75% (#898989 on white, 3.5:1); ours is the text colour
    lightened 35% (#595959, 7:1), on every built-in theme."""
    from pptx.oxml.ns import qn

    from builder.template import open_presentation

    prs = open_presentation(theme=theme)
    layout = next(layout for layout in prs.slide_layouts if layout.name == "Title Slide")
    subtitle = next(s for s in layout.placeholders if s.placeholder_format.type == 4)
    colours = list(subtitle._element.iter(qn("a:schemeClr")))
    assert colours and all(c.find(qn("a:tint")) is None for c in colours)
    assert all(c.find(qn("a:lumMod")).get("val") == "65000" and c.find(qn("a:lumOff")).get("val") == "35000"
               for c in colours)


def test_content_starts_clear_of_the_band():
    """A table's header is the band's colour: content a hair under the band merged with it."""
    from builder.template import open_presentation, read_theme
    from builder.template.themes import BAND_GAP

    info = read_theme("band").info
    prs = open_presentation(theme="band")
    for role in ("content", "two"):
        layout = prs.slide_layouts[info.layouts[role].index]
        [band] = [s for s in layout.shapes if s.name == "Title band"]
        assert info.layouts[role].body.y >= band.height + BAND_GAP * 0.99, role
