"""Text nobody meant to be a deck still builds: empty files, broken front matter, odd encodings
and line ends, characters XML forbids, a 1 MB line, a list 100 levels deep, headings of symbols or
of nothing, 60,000 slides. Each builds a valid deck (audited where the tools are at hand) or stops
with one message that says where and why."""
import resource
import subprocess
import sys
import zipfile

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from builder.diagnostics import BuildError
from builder.pipeline import build
from tests.conftest import assert_valid, audit_problems, needs_audit, title_of

CASES = {
    "empty": b"",
    "front_matter_only": b"---\ntitle: Only a title\nauthor: Ann Author\n---\n",
    "broken_yaml": b"---\ntitle: [unclosed\nauthor: x\n---\n## Slide\n\nThe rest builds.\n",
    "bom": "\ufeff## Slide\n\ntext after a byte-order mark\n".encode("utf-8"),
    "crlf": b"## Slide\r\n\r\n- first\r\n- second\r\n",
    "tabs": b"## Slide\n\n- top\n\t- under\n\t\t- deeper\n",
    "forbidden": b"## Slide\n\nbad \x01 char \x0b here\n",
    "deep_list": ("## Slide\n\n" + "".join("  " * i + f"- level{i}\n" for i in range(100))).encode(),
    "symbol_headings": b"## ***\n\ntext\n\n## $$$ !!! ???\n\nmore\n\n## ---\n\nx\n",
    "empty_headings": b"##\n\nfirst words\n\n#\n\n## \n\nmore words\n",
}


def lines_of(prs) -> list[str]:
    return [paragraph.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every case built once: name → (source, BuildResult, Presentation)."""
    folder = tmp_path_factory.mktemp("cases")
    decks = {}
    for name, data in CASES.items():
        source = folder / f"{name}.md"
        source.write_bytes(data)
        result = build(source, folder / "out" / f"{name}.pptx")
        assert_valid(result.output)
        decks[name] = (source, result, Presentation(str(result.output)))
    return decks


def codes(result) -> list[tuple[int | None, str]]:
    return [(item.line, item.code) for item in result.diagnostics if item.level == "warning"]


def test_an_empty_file_makes_a_title_slide_named_after_the_file_and_says_so(built):
    _, result, prs = built["empty"]
    assert [title_of(s) for s in prs.slides] == ["Empty"] and codes(result) == [(None, "empty-source")]


def test_front_matter_alone_makes_the_title_slide(built):
    _, result, prs = built["front_matter_only"]
    assert [title_of(s) for s in prs.slides] == ["Only a title"] and "Ann Author" in lines_of(prs)
    assert codes(result) == []


def test_broken_front_matter_is_reported_at_its_line_and_the_rest_builds(built):
    _, result, prs = built["broken_yaml"]
    assert codes(result) == [(3, "front-matter")]
    assert "not valid YAML" in str(result.diagnostics[0])
    assert [title_of(s) for s in prs.slides] == ["Slide"] and "The rest builds." in lines_of(prs)


def test_byte_order_mark_crlf_and_tabs_read_as_plain_text(built):
    assert title_of(built["bom"][2].slides[0]) == "Slide"
    assert lines_of(built["crlf"][2])[1:] == ["first", "second"]
    body = built["tabs"][2].slides[0].placeholders[1].text_frame.paragraphs
    assert [(p.text, p.level) for p in body] == [("top", 0), ("under", 1), ("deeper", 2)]


def test_characters_xml_forbids_are_removed_with_a_warning_naming_the_line(built):
    _, result, prs = built["forbidden"]
    assert codes(result) == [(3, "control-character")]
    assert "bad char here" in lines_of(prs)  # spaces collapse as in any paragraph


def test_a_list_100_levels_deep_is_clamped_to_nine_with_one_warning(built):
    _, result, prs = built["deep_list"]
    assert codes(result) == [(11, "list-depth")]
    levels = {p._p.find(qn("a:pPr")).get("lvl", "0") for s in prs.slides for p in s.placeholders[1].text_frame.paragraphs}
    assert max(int(level) for level in levels) == 8
    assert [line for line in lines_of(prs) if line.startswith("level")] == [f"level{i}" for i in range(100)]


def test_headings_of_symbols_are_titles(built):
    assert [title_of(s) for s in built["symbol_headings"][2].slides] == ["***", "$$$ !!! ???", "---"]


def test_empty_headings_are_reported_at_their_lines_and_every_slide_has_a_title(built):
    _, result, prs = built["empty_headings"]
    assert codes(result) == [(1, "empty-heading"), (5, "empty-heading"), (7, "empty-heading")]
    assert all(title_of(s).strip() for s in prs.slides)
    assert "first words" in lines_of(prs) and "more words" in lines_of(prs)


def test_a_latin_1_file_is_refused_naming_the_byte_and_builds_with_its_encoding(tmp_path):
    source = tmp_path / "latin.md"
    source.write_bytes("## Café\n\ntexte\n".encode("latin-1"))
    with pytest.raises(BuildError) as refused:
        build(source, tmp_path / "latin.pptx")
    assert "offset 6" in str(refused.value) and "--encoding" in str(refused.value)
    assert not (tmp_path / "latin.pptx").exists()
    build(source, tmp_path / "latin.pptx", encoding="latin-1")
    assert title_of(Presentation(str(tmp_path / "latin.pptx")).slides[0]) == "Café"


@pytest.mark.slow
def test_a_1_mb_line_continues_over_slides_and_keeps_every_word(tmp_path):
    source = tmp_path / "long.md"
    words = [f"w{i % 1000}" for i in range(210_000)]
    source.write_text("## Long\n\n" + " ".join(words) + "\n", encoding="utf-8")
    assert source.stat().st_size > 1_000_000
    result = build(source, tmp_path / "long.pptx")
    prs = Presentation(str(result.output))
    bodies = [s.placeholders[1].text_frame.text for s in prs.slides]
    assert " ".join(bodies).split() == words
    assert len(prs.slides) > 100 and all(title_of(s).startswith("Long") for s in prs.slides)


@pytest.mark.slow
def test_sixty_thousand_slides_build_within_a_laptops_memory(tmp_path):
    source = tmp_path / "many.md"
    source.write_text("".join(f"## S{i}\n\nline {i}\n\n" for i in range(60_000)), encoding="utf-8")
    output = tmp_path / "many.pptx"
    run = subprocess.run([sys.executable, "-m", "builder", "build", str(source), "-o", str(output)],
                         capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stderr
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kb < 4 * 1024 * 1024, f"peak memory {peak_kb // 1024} MB"
    with zipfile.ZipFile(output) as package:
        listed = package.read("ppt/presentation.xml").count(b"<p:sldId ")
        assert listed == 60_000 and b"S59999" in package.read("ppt/slides/slide60000.xml")


@needs_audit
@pytest.mark.parametrize("name", list(CASES))
def test_audit_finds_nothing(name, built):
    source, result, _ = built[name]
    assert audit_problems(result.output, source) == {}
