"""A deck laid out in several processes is the deck laid out in one, messages included."""
from pathlib import Path

import pytest

from builder import forked
from builder.pipeline import prepare

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "tests" / "decks").glob("*.md")) + [ROOT / "slides_src" / "cloud.md"]


@pytest.fixture(autouse=True)
def split_every_deck(monkeypatch):
    monkeypatch.setattr(forked, "SPLIT_FROM", 2)
    forks = []
    start = forked.Forked.__init__

    def counted(self, work):
        forks.append(1)
        start(self, work)
    monkeypatch.setattr(forked.Forked, "__init__", counted)
    yield
    assert forks, "the work was meant to be shared among processes"


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
