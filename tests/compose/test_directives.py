"""Directives are read, never shown; what has no PowerPoint form is reported with its line."""
from builder.compose import compose
from builder.compose.directives import colour, read_comment, read_deckset
from builder.parse import parse


def build(markdown, report):
    return compose(parse(markdown), {}, report, "F")


def test_comment_kinds():
    assert read_comment("just a note") is None
    assert read_comment("end_slide")[0].tool == "presenterm"
    [marp] = read_comment("_class: lead")
    assert marp.tool == "marp" and marp.local and marp.values == {"class": "lead"}
    assert read_comment(".slide: data-background-color=\"#000\"")[0].values["data-background-color"] == "#000"
    assert read_comment("note: this is a sentence, not a directive") is None


def test_deckset_commands_and_colours():
    assert read_deckset("[.column]").values == {"column": ""}
    assert read_deckset("[.background-color: #fff]").values == {"background-color": "#fff"}
    assert read_deckset("[not a command]") is None
    assert colour("#abc") == "AABBCC" and colour("red") is None


def test_unsupported_directives_are_warnings_with_their_line(report):
    deck = build("## A\n\n<!-- paginate: true -->\n\n<!-- pause -->\n\ntext\n", report)
    assert [(w.line, w.code) for w in report.warnings] == [(3, "directive"), (5, "directive")]
    assert deck.slides[0].notes == ()  # directives are not notes
    assert "paginate" not in " ".join(p.text for s in deck.slides for p in s.blocks)
