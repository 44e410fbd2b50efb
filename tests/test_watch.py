"""`deck watch` rebuilds a deck when its Markdown or a picture changes, and keeps the last good
deck when a build fails."""
import threading
import time

from PIL import Image as PILImage
from pptx import Presentation

from builder.watch import Watcher


def wait_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except Exception:  # a deck being replaced at this instant: look again
            pass
        time.sleep(0.05)
    return False


def test_watch_rebuilds_on_changes_and_keeps_the_last_good_deck(tmp_path):
    source, deck, picture = tmp_path / "talk.md", tmp_path / "out" / "talk.pptx", tmp_path / "p.png"
    PILImage.new("RGB", (400, 300), (20, 90, 160)).save(picture)
    source.write_text("## One\n\n![a picture](p.png)\n", encoding="utf-8")
    said = []
    watcher = Watcher([(source, deck)], {}, say=lambda *args, **kwargs: said.append(" ".join(map(str, args))))
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: any("watching" in line for line in said))
        assert len(Presentation(str(deck)).slides) == 1
        source.write_text("## One\n\n![a picture](p.png)\n\n## Two\n\nmore\n", encoding="utf-8")
        assert wait_for(lambda: len(Presentation(str(deck)).slides) == 2)

        def stored_width():
            prs = Presentation(str(deck))
            return next(s for s in prs.slides[0].shapes if s.shape_type == 13).image.size[0]
        PILImage.new("RGB", (200, 150), (200, 60, 40)).save(picture)
        assert wait_for(lambda: stored_width() == 200)

        good = deck.read_bytes()
        source.write_bytes("## Café\n".encode("latin-1"))  # cannot be read: no deck from it
        assert wait_for(lambda: any("the last good deck is kept" in line for line in said))
        assert deck.read_bytes() == good
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_a_rebuild_lays_out_and_writes_only_the_slides_that_changed(tmp_path, monkeypatch):
    from builder.layout import Layout
    from builder.pipeline import BuildCache, build
    from builder.render.slide import DeckWriter

    source = tmp_path / "talk.md"
    slides = [f"## Slide {n}\n\n- point one of {n}\n- point two of {n}\n" for n in range(1, 21)]
    source.write_text("\n".join(slides), encoding="utf-8")
    counts = {"laid out": 0, "written": 0}
    place, write = Layout._place, DeckWriter.write

    def counted_place(self, slide):
        counts["laid out"] += 1
        return place(self, slide)

    def counted_write(self, *args):
        counts["written"] += 1
        return write(self, *args)
    monkeypatch.setattr(Layout, "_place", counted_place)
    monkeypatch.setattr(DeckWriter, "write", counted_write)
    cache = BuildCache()
    build(source, tmp_path / "warm.pptx", cache=cache)
    assert counts == {"laid out": 20, "written": 20}
    slides[6] = slides[6].replace("point two", "point two, edited")
    source.write_text("\n".join(slides), encoding="utf-8")
    counts.update({"laid out": 0, "written": 0})
    build(source, tmp_path / "warm.pptx", cache=cache)
    assert counts == {"laid out": 1, "written": 1}
    build(source, tmp_path / "cold.pptx")  # no cache: the same deck, byte for byte
    assert (tmp_path / "warm.pptx").read_bytes() == (tmp_path / "cold.pptx").read_bytes()


def test_a_changed_theme_is_not_served_from_the_cache(tmp_path):
    from builder.pipeline import BuildCache, build

    source = tmp_path / "talk.md"
    source.write_text("## One\n\ntext\n", encoding="utf-8")
    cache = BuildCache()
    build(source, tmp_path / "a.pptx", cache=cache)
    build(source, tmp_path / "b.pptx", cache=cache, theme="dark")
    build(source, tmp_path / "c.pptx", theme="dark")
    assert (tmp_path / "b.pptx").read_bytes() == (tmp_path / "c.pptx").read_bytes()
    assert (tmp_path / "a.pptx").read_bytes() != (tmp_path / "b.pptx").read_bytes()


def test_every_kind_of_edit_rebuilds_to_the_deck_a_fresh_build_makes(tmp_path):
    from builder.pipeline import BuildCache, build

    source = tmp_path / "talk.md"
    slides = [f"## Slide {n}\n\n- point one of {n}\n- point two of {n}\n" for n in range(1, 9)]
    edits = [
        lambda s: s,
        lambda s: s.replace("point two of 3", "point two of 3, edited"),  # a line changed
        lambda s: "\n\n" + s,  # every slide two lines lower
        lambda s: s.replace("- point one of 5\n- point two of 5", "[.build-lists: true]\n"),  # a Deckset
        # command, on the lines of what it replaced: the slides after it are read alike but build
        lambda s: s.replace("- point one of 6", "Notes: said aloud\n\n- point one of 6"),  # notes on a slide
        lambda s: s.replace("## Slide 2\n", ""),  # a slide merged into the one before
        lambda s: s.replace("incremental: false", "incremental: true"),  # front matter that changes every slide
        lambda s: s + "\nA footnote[^1].\n\n[^1]: read whole from now on\n",  # a deck read whole
        lambda s: s.replace("## Slide 7", "## Slide 7 ![](missing.png)"),  # a warning on one slide
    ]
    cache = BuildCache()
    text = "---\nincremental: false\n---\n\n" + "\n".join(slides)
    for number, edit in enumerate(edits):
        text = edit(text)
        source.write_text(text, encoding="utf-8")
        warm = build(source, tmp_path / "warm.pptx", cache=cache)
        cold = build(source, tmp_path / "cold.pptx")
        assert (tmp_path / "warm.pptx").read_bytes() == (tmp_path / "cold.pptx").read_bytes(), number
        assert [str(item) for item in warm.diagnostics] == [str(item) for item in cold.diagnostics], number
