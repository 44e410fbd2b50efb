"""Reading sources: decoding, line ends, front matter, characters XML forbids."""
import pytest

from builder.diagnostics import BuildError, Diagnostics
from builder.source import read_source, split_front_matter


def read(tmp_path, data: bytes, encoding=None):
    path = tmp_path / "s.md"
    path.write_bytes(data)
    report = Diagnostics(str(path))
    return read_source(path, report, encoding), report


def test_bom_and_crlf_are_normalised(tmp_path):
    source, _ = read(tmp_path, b"\xef\xbb\xbf# T\r\n\r\nx\ry\n")
    assert source.text == "# T\n\nx\ny\n"


def test_latin1_is_refused_with_line_and_byte_offset(tmp_path):
    with pytest.raises(BuildError) as error:
        read(tmp_path, "# Titre\n\ncaf\u00e9\n".encode("latin-1"))
    message = str(error.value)
    assert "s.md:3:" in message and "offset 12" in message and "0xE9" in message and "--encoding" in message


def test_encoding_option_reads_latin1(tmp_path):
    source, _ = read(tmp_path, "caf\u00e9".encode("latin-1"), encoding="latin-1")
    assert source.text == "café"


def test_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(BuildError, match="no such file"):
        read_source(tmp_path / "nope.md", Diagnostics("nope.md"))


def test_front_matter_is_read_and_its_lines_kept_blank(report):
    meta, text = split_front_matter("---\ntitle: T\nlang: fr\n---\n# H\n", report)
    assert meta == {"title": "T", "lang": "fr"}
    assert text.split("\n")[4] == "# H"  # line 5 stays line 5


def test_broken_front_matter_warns_with_its_line_and_is_ignored(report):
    meta, text = split_front_matter("---\ntitle: T\nbad: [unclosed\n---\n# H\n", report)
    assert meta == {}
    assert "# H" in text
    [warning] = report.warnings
    assert warning.code == "front-matter" and warning.line in (3, 4, 5)


def test_a_leading_rule_without_closing_fence_is_not_front_matter(report):
    meta, text = split_front_matter("---\n# Just a rule then a heading\n", report)
    assert meta == {} and text.startswith("---")


def test_characters_xml_forbids_are_removed_with_a_warning(tmp_path):
    source, report = read(tmp_path, b"ok\nbad\x01char\x0b\n")
    assert source.text == "ok\nbadchar\n"
    [warning] = report.warnings
    assert warning.line == 2 and "U+0001" in warning.message


def test_windows_text_gets_the_advice_of_cp1252_and_utf16_is_read_by_its_mark(tmp_path):
    import pytest

    from builder.diagnostics import BuildError, Diagnostics
    from builder.source import read_source

    windows = tmp_path / "win.md"
    windows.write_bytes("# Prix – 5 €\n\n“Bonjour”\n".encode("cp1252"))
    with pytest.raises(BuildError) as raised:
        read_source(windows, Diagnostics(str(windows)))
    assert "--encoding cp1252" in str(raised.value) and raised.value.diagnostic.line == 1
    assert read_source(windows, Diagnostics(str(windows)), "cp1252").text.startswith("# Prix – 5 €")
    unicode = tmp_path / "unicode.md"
    unicode.write_bytes("# Été 🎉\n".encode("utf-16"))  # with its byte-order mark
    assert read_source(unicode, Diagnostics(str(unicode))).text.startswith("# Été 🎉")


def test_each_front_matter_key_has_its_line_and_problems_are_said_there(tmp_path):
    from builder.compose import compose
    from builder.parse import parse
    from builder.settings import read_settings

    path = tmp_path / "t.md"
    path.write_text("---\ntitle: T\n# a comment\nSlide-Number: true\naccent-colour: blue\nflavour: |\n  a: b\n---\n\n"
                    "## A\n", encoding="utf-8")
    report = Diagnostics(str(path))
    source = read_source(path, report)
    assert source.meta_lines == {"title": 2, "slide-number": 4, "accent-colour": 5, "flavour": 6}  # not "a", inside
    compose(parse(source.text), source.meta, report, "T", source.meta_lines)
    read_settings(source.meta, [], report, None, source.meta_lines)
    assert sorted((item.line, item.code) for item in report.items) == [(4, "front-matter"), (5, "setting"),
                                                                       (6, "front-matter")]
