"""What `deck build` shows while it works, on a terminal only: a progress bar (rich) over several
decks, or over the slides of one long deck; message levels in colour (NO_COLOR turns it off)."""
from __future__ import annotations

import os
import sys

LONG_DECK = 100  # slides: a deck this long gets a bar of its own
COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET = "\033[0m"


def on_terminal(stream=None) -> bool:
    stream = stream or sys.stderr
    return hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")


def coloured(item) -> str:
    """A message (a Diagnostic) as printed on standard error: its level in colour on a terminal."""
    text = str(item)
    if not on_terminal():
        return text
    marker = f": {item.level}: "
    return text.replace(marker, f": {COLOURS.get(item.level, '')}{item.level}{RESET}: ", 1)


class Bar:
    """A progress bar on standard error, or nothing when it is not a terminal or `wanted` is
    False. Use as a context manager; `decks(total)` and `slides(done, total)` move it."""

    def __init__(self, wanted: bool):
        self.wanted = wanted and on_terminal()
        self._progress = None
        self._task = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.stop()
        return False

    def _start(self, label: str, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=True)
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def deck_done(self, total: int) -> None:
        """One more of `total` decks is built."""
        if not self.wanted or total < 2:
            return
        if self._progress is None:
            self._start("decks", total)
        self._progress.advance(self._task)

    def slides(self, done: int, total: int) -> None:
        """`done` of `total` slides of the one deck are rendered."""
        if not self.wanted or total <= LONG_DECK:
            return
        if self._progress is None:
            self._start("slides", total)
        self._progress.update(self._task, completed=done)
