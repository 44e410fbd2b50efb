"""Work done in a forked process and sent back pickled: how a long deck uses more than one core."""
from __future__ import annotations

import contextlib
import functools
import os
import pickle
import signal
import sys
import threading

SPLIT_FROM = 64  # slides: a shorter deck is done sooner than a process is forked


def can_fork() -> bool:
    """Whether work may go to forked processes: on Linux, from a process running one thread (a
    forked process has only the calling thread; a lock another one held would stay held)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux") and threading.active_count() == 1


def runs_of(items, workers: int) -> list:
    """`items` cut into at most `workers` runs, in order. The first run, done by the calling
    process, is a little longer: the others still have to send their work back."""
    workers = max(1, min(workers, len(items)))
    first = round(len(items) * FIRST_SHARE / (FIRST_SHARE + workers - 1))
    rest = items[first:]
    size = max(1, -(-len(rest) // max(1, workers - 1)))
    return [items[:first]] + [rest[start:start + size] for start in range(0, len(rest), size)]


FIRST_SHARE = 1.2  # the calling process's share of the work, where each forked one has 1


def share(items, workers: int, here, elsewhere, take) -> None:
    """`here(run)` for each run of `items`, in order. With `workers` > 1, where processes fork and
    `items` number SPLIT_FROM or more, every run but the first is done as `elsewhere(run)` in a
    process forked before the first run starts, and `take(run, result)` takes its result, in
    order; a run whose process failed is done with `here(run)` instead."""
    if workers <= 1 or len(items) < SPLIT_FROM or not can_fork():
        here(items)
        return
    runs = runs_of(items, workers)
    with reaped([Forked(functools.partial(elsewhere, run)) for run in runs[1:]]) as children:
        here(runs[0])
        for run, child in zip(runs[1:], children):
            result = child.result()
            if result is None:
                here(run)
            else:
                take(run, result)


class Forked:
    """`work()` computed in a process forked now; `result()` waits for it (None if it failed)."""

    def __init__(self, work):
        sys.stdout.flush()  # a forked process must not write again what was buffered before it
        sys.stderr.flush()
        reading, writing = os.pipe()
        self.pid = os.fork()
        if self.pid:
            os.close(writing)
            self._reading = reading
            return
        os.close(reading)
        status = 1
        try:
            result = work()
            # pickled into the pipe as it goes: the reader unpickles the frames already sent
            with os.fdopen(writing, "wb") as stream:
                pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)  # never back into the caller's code: this process only does `work`

    def result(self):
        reading, self._reading = self._reading, None
        with os.fdopen(reading, "rb") as stream:
            try:
                result = pickle.load(stream)
            except Exception:  # nothing sent, or a result cut short: the caller does the work
                result = None
        _, status = os.waitpid(self.pid, 0)
        return result if status == 0 else None

    def discard(self) -> None:
        """Stop the process if its result was never asked for (the caller gave up on it)."""
        if self._reading is None:
            return
        os.kill(self.pid, signal.SIGKILL)
        os.close(self._reading)
        self._reading = None
        os.waitpid(self.pid, 0)


@contextlib.contextmanager
def reaped(children: list):
    """`children` (Forked processes), each stopped on leaving if its result was not taken: an
    error in the caller leaves no process behind, blocked on a pipe nobody reads."""
    try:
        yield children
    finally:
        for child in children:
            child.discard()
