"""A deck laid out in several processes is the deck laid out in one, messages included."""
import pytest

from builder import forked
from builder.pipeline import prepare
from tests.conftest import ROOT, SHARED_SOURCES as SOURCES

pytestmark = pytest.mark.usefixtures("shared_work")


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_shared_layout_is_the_single_one(source):
    alone = prepare(source)
    shared = prepare(source, workers=3)
    assert len(alone.placed.slides) >= 3
    assert shared.placed == alone.placed
    assert shared.report.items == alone.report.items


def test_a_failed_process_leaves_its_slides_to_the_caller(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("cannot send")
    monkeypatch.setattr(forked.pickle, "dump", broken)  # only the forked processes send
    source = ROOT / "tests" / "decks" / "text.md"
    assert prepare(source, workers=3).placed == prepare(source).placed
