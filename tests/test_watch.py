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
