"""`deck watch`: build, then build again whenever a Markdown file, a picture it shows or its
template changes. The process stays warm (imports, font metrics), so a rebuild takes a fraction
of a first build; a failed build keeps the last good deck."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from .diagnostics import count as plural, printable


class Watcher:
    """The decks to keep built, and the files each one read at its last build."""

    def __init__(self, jobs: list[tuple[Path, Path]], options: dict, say=print):
        from .layout.fonts import FontMeasurer

        self.jobs = jobs
        self.options = options  # pipeline.build's keyword arguments
        self.say = say
        self.measurer = FontMeasurer()  # font metrics are read once, for every rebuild
        self.inputs: dict[Path, set[Path]] = {source: {source.resolve()} for source, _ in jobs}
        self.caches: dict[Path, object] = {}  # each deck's pipeline.BuildCache: its template and slides

    def build(self, source: Path, output: Path) -> bool:
        from .diagnostics import BuildError
        from .pipeline import BuildCache, build

        cache = self.caches.setdefault(source, BuildCache())
        try:
            result = build(source, output, measurer=self.measurer, cache=cache, **self.options)
        except BuildError as error:
            self.say(f"{error} (the last good deck is kept)", file=sys.stderr)
            return False
        except Exception as error:  # a bug of ours must not end the session
            self.say(f"{source}: error: internal error ({type(error).__name__}: {error})", file=sys.stderr)
            return False
        self.inputs[source] = set(result.inputs)
        for item in result.warnings:
            self.say(str(item), file=sys.stderr)
        self.say(printable(f"{output}: {plural(result.slides, 'slide')}, {plural(len(result.warnings), 'warning')}, "
                           f"{result.seconds:.2f} s"))
        return True

    def affected(self, changed: set[Path]) -> list[tuple[Path, Path]]:
        """The jobs that read one of the `changed` files."""
        return [(source, output) for source, output in self.jobs if self.inputs[source] & changed]

    def folders(self) -> set[Path]:
        return {path.parent for paths in self.inputs.values() for path in paths if path.parent.exists()}

    def run(self, stop: threading.Event | None = None) -> int:
        """Build everything, then rebuild on changes until `stop` is set (or Ctrl-C)."""
        import watchfiles

        for source, output in self.jobs:
            self.build(source, output)
        self.say("watching for changes (Ctrl-C stops)")
        try:
            while stop is None or not stop.is_set():
                folders = self.folders()
                for changes in watchfiles.watch(*folders, recursive=False, debounce=100, step=20,
                                                stop_event=stop, yield_on_timeout=True, rust_timeout=500):
                    changed = {Path(path).resolve() for _, path in changes}
                    for source, output in self.affected(changed):
                        self.build(source, output)
                    if self.folders() != folders:
                        break  # a deck now reads from another folder: watch that one too
        except KeyboardInterrupt:
            pass
        return 0
