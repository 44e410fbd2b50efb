"""A long source is read in another process while the template opens: the same deck and the same
messages, in the same order, as reading it here."""
import pytest

from builder import forked
from builder.pipeline import prepare
from tests.conftest import ROOT, SHARED_SOURCES as SOURCES

pytestmark = pytest.mark.usefixtures("shared_work")


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_reading_elsewhere_gives_the_same_deck_and_messages(source):
    here, elsewhere = prepare(source), prepare(source, workers=2)
    assert elsewhere.deck == here.deck
    assert elsewhere.placed == here.placed
    assert elsewhere.report.items == here.report.items


def test_messages_of_reading_and_of_the_template_keep_their_order(tmp_path):
    source = tmp_path / "deck.md"
    source.write_text("---\ntemplate: missing.pptx\n---\n\n# Title\n\n<!-- paginate: true -->\n\n"
                      "<!-- layout: Nowhere -->\n\n## A slide\n\n![gone](gone.png)\n\n- a point\n", encoding="utf-8")
    here, elsewhere = prepare(source), prepare(source, workers=2)
    # reading, then pictures, then the template (opened first, elsewhere), then the layout
    assert [item.code for item in here.report.items] == ["directive", "image-missing", "template-missing", "layout"]
    assert elsewhere.report.items == here.report.items


def test_a_failed_reader_leaves_the_reading_to_the_caller(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("cannot send")
    source = ROOT / "tests" / "decks" / "text.md"
    here = prepare(source)
    monkeypatch.setattr(forked.pickle, "dump", broken)
    assert prepare(source, workers=2).deck == here.deck
