"""Templates: layouts found by role (by name, else by their placeholders, else the nearest with a
warning), the template's own slides dropped, .potx read, and the seed deck right on each."""
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from builder.diagnostics import Diagnostics
from builder.pipeline import build
from builder.template.layouts import choose_layouts
from builder.template.opening import user_template
from tests.conftest import ROOT, SHARED, assert_valid, audit_problems, needs_audit, needs_libreoffice, title_of

TEMPLATES = SHARED / "corpus" / "pandoc-pptx-tests" / "templates"
RENAMED = {"Title Slide": "Diapositive de titre", "Title and Content": "Titre et contenu",
           "Section Header": "En-tête de section", "Two Content": "Deux contenus", "Title Only": "Titre seul",
           "Blank": "Vide"}


def saved(prs) -> bytes:
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def names(prs, chosen) -> dict[str, str]:
    layouts = list(prs.slide_layouts)
    return {role: layouts[index].name for role, (index, _) in chosen.items()}


def test_layouts_are_found_by_their_usual_names_wherever_they_are():
    prs = Presentation()
    order = list(prs.slide_layouts)
    # move "Title and Content" to the end: found by name, not by position
    layouts_list = prs.slide_master._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}sldLayoutIdLst")
    layouts_list.append(layouts_list[1])
    prs = Presentation(io.BytesIO(saved(prs)))
    assert [layout.name for layout in prs.slide_layouts][-1] == order[1].name
    chosen = choose_layouts(prs)
    assert names(prs, chosen) == {"title": "Title Slide", "content": "Title and Content", "section": "Section Header",
                                  "two": "Two Content", "title_only": "Title Only", "blank": "Blank"}
    assert all(fits for _, fits in chosen.values())


def test_layouts_named_otherwise_are_found_by_their_placeholders():
    prs = Presentation()
    for layout in prs.slide_layouts:
        layout.name = RENAMED.get(layout.name, f"Autre {layout.name}")
    report = Diagnostics("deck.md")
    chosen = choose_layouts(prs, report)
    assert names(prs, chosen) == {"title": "Diapositive de titre", "content": "Titre et contenu",
                                  "section": "En-tête de section", "two": "Deux contenus",
                                  "title_only": "Titre seul", "blank": "Vide"}
    assert report.items == []


def test_a_missing_role_falls_back_to_the_nearest_with_a_warning():
    prs = Presentation()
    layouts_list = prs.slide_master._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}sldLayoutIdLst")
    for entry in list(layouts_list)[2:]:  # keep Title Slide and Title and Content only
        layouts_list.remove(entry)
    prs = Presentation(io.BytesIO(saved(prs)))
    report = Diagnostics("deck.md")
    chosen = choose_layouts(prs, report, "mine.pptx")
    assert names(prs, chosen)["section"] == "Title Slide" and names(prs, chosen)["two"] == "Title and Content"
    assert not chosen["section"][1] and chosen["content"][1]
    messages = [item.message for item in report.items]
    assert 'mine.pptx has no layout for section slides (Section Header); they use "Title Slide"' in messages
    assert {item.code for item in report.items} == {"template-layout"} and len(messages) == 4


def test_the_templates_own_slides_are_dropped_and_a_potx_is_read(tmp_path):
    prs = Presentation()
    example = prs.slides.add_slide(prs.slide_layouts[0])
    example.shapes.title.text = "An example slide of the template"
    data = saved(prs)
    potx = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(potx, "w") as target:
        for entry in source.infolist():
            body = source.read(entry.filename)
            if entry.filename == "[Content_Types].xml":
                body = body.replace(b"presentation.main+xml", b"template.main+xml")
            target.writestr(entry, body)
    for name, template in (("mine.pptx", data), ("mine.potx", potx.getvalue())):
        (tmp_path / name).write_bytes(template)
        source = tmp_path / f"{name}.md"
        source.write_text(f"---\ntemplate: {name}\n---\n## Ours\n\ntext\n", encoding="utf-8")
        result = build(source, tmp_path / f"{name}.out.pptx")
        assert_valid(result.output)
        built = Presentation(str(result.output))
        assert [title_of(s) for s in built.slides] == ["Ours"] and result.warnings == []
        assert (built.slide_width, built.slide_height) == (9144000, 6858000)  # the template's 4:3


def test_a_template_that_cannot_be_used_is_a_warning_and_the_default_is_used(tmp_path):
    (tmp_path / "broken.pptx").write_bytes(b"not a zip")
    source = tmp_path / "talk.md"
    source.write_text("---\ntemplate: broken.pptx\n---\n## S\n\ntext\n", encoding="utf-8")
    result = build(source, tmp_path / "talk.pptx")
    assert [(w.line, w.code) for w in result.warnings] == [(1, "template")]
    assert "default theme is used" in result.warnings[0].message
    assert Presentation(str(result.output)).slide_width == 12192000
    source.write_text("---\ntemplate: ../../elsewhere.pptx\n---\n## S\n\ntext\n", encoding="utf-8")
    assert [w.code for w in build(source, tmp_path / "talk.pptx").warnings] == ["template-outside"]


def test_user_template_refuses_a_file_without_layouts():
    with pytest.raises(Exception) as refused:
        user_template(b"PK\x05\x06" + b"\0" * 18)
    assert "not a PowerPoint file" in str(refused.value)


def libreoffice_template(folder: Path) -> Path | None:
    """A template saved by LibreOffice Impress, from one it ships; None without LibreOffice."""
    shipped = sorted(Path("/usr/lib/libreoffice/share/template/common/presnt").glob("*.otp"))
    if shutil.which("soffice") is None or not shipped:
        return None
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pptx", "--outdir", str(folder), str(shipped[0])],
                   capture_output=True, timeout=180)
    converted = folder / f"{shipped[0].stem}.pptx"
    return converted.rename(folder / "libreoffice.pptx") if converted.exists() else None


@pytest.fixture(scope="module")
def seed_on_templates(tmp_path_factory, request):
    """The seed deck built on every template there is here: name → (template, BuildResult). A
    template saved by LibreOffice is among them only in a slow run (it takes LibreOffice to make)."""
    folder = tmp_path_factory.mktemp("templates")
    templates = sorted(TEMPLATES.glob("*.pptx")) if TEMPLATES.exists() else []
    default = folder / "python-pptx-default.pptx"
    Presentation().save(default)  # python-pptx's own 4:3 template
    templates.append(default)
    lo = libreoffice_template(folder) if request.config.getoption("--slow") else None
    if lo is not None:
        templates.append(lo)
    built = {}
    for template in templates:
        result = build(ROOT / "slides_src" / "cloud.md", folder / f"cloud-{template.stem}.pptx", template=template)
        assert_valid(result.output)
        built[template.stem] = (template, result)
    return built


@pytest.mark.slow
def test_the_seed_builds_on_every_template(seed_on_templates):
    for template, result in seed_on_templates.values():
        prs = Presentation(str(result.output))
        assert title_of(prs.slides[0]) == "Le Cloud Computing"
        assert (prs.slide_width, prs.slide_height) == (Presentation(str(template)).slide_width,
                                                       Presentation(str(template)).slide_height)


@needs_libreoffice
def test_a_libreoffice_template_is_read_by_its_layout_names(seed_on_templates):
    if "libreoffice" not in seed_on_templates:
        pytest.skip("LibreOffice ships no template here")
    _, result = seed_on_templates["libreoffice"]
    prs = Presentation(str(result.output))
    assert {slide.slide_layout.name for slide in prs.slides} >= {"Title Slide", "Title, Content"}


@needs_audit
def test_the_seed_on_every_template_audits_clean(seed_on_templates):
    problems = {name: audit_problems(result.output, ROOT / "slides_src" / "cloud.md")
                for name, (_, result) in seed_on_templates.items()}
    assert {name: found for name, found in problems.items() if found} == {}


def test_a_template_whose_text_is_too_pale_for_its_background_is_a_warning(tmp_path):
    from pptx.oxml.ns import qn

    prs = Presentation()
    body = prs.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    fill = body.find(qn("a:solidFill"))
    fill.remove(fill[0])
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": "C8C8C8"}))
    prs.save(tmp_path / "pale.pptx")
    Presentation().save(tmp_path / "plain.pptx")
    source = tmp_path / "talk.md"
    source.write_text("## S\n\ntext\n", encoding="utf-8")
    pale = build(source, tmp_path / "pale-out.pptx", template=tmp_path / "pale.pptx")
    assert [(w.code, w.line) for w in pale.warnings] == [("contrast", None)]
    assert "#C8C8C8 on its background #FFFFFF has a contrast of 1.7:1" in pale.warnings[0].message
    assert build(source, tmp_path / "plain-out.pptx", template=tmp_path / "plain.pptx").warnings == []


def test_a_slide_may_name_its_layout_in_a_comment_or_on_its_heading(build_deck):
    markdown = ("## Agenda\n\n<!-- layout: Title Only -->\n\n- one\n- two\n\n"
                "## Compare {layout=\"comparison\"}\n\n- left\n\n## Plain\n\ntext\n\n"
                "## Unknown\n\n<!-- layout: Nonexistent -->\n\nmore\n")
    result, prs = build_deck(markdown)
    assert [slide.slide_layout.name for slide in prs.slides] == \
        ["Title Only", "Comparison", "Title and Content", "Title and Content"]
    assert [title_of(slide) for slide in prs.slides] == ["Agenda", "Compare", "Plain", "Unknown"]
    texts = [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame] for slide in prs.slides]
    assert texts[0] == ["Agenda", "one\ntwo"]  # a text box where the layout has no body
    [warning] = result.warnings
    assert warning.code == "layout" and warning.line >= 14 and "'Nonexistent'" in warning.message
    assert "Title Only" in warning.message  # the names there are
