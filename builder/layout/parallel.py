"""Lay out a long deck's slides in several processes at once, with the same slides and messages
as one process makes: each forked process lays out a run of slides and sends them back."""
from __future__ import annotations

import os
import pickle
import sys

SPLIT_FROM = 64  # slides: a shorter deck is laid out sooner than a process is forked


def place_shared(layout, slides, workers: int, report) -> list:
    """What `layout.place(slides)` returns, the slides shared among `workers` processes (on
    systems that fork; elsewhere, or for a short deck, one). `report` is the layout's: each
    process's messages join it in slide order."""
    if workers <= 1 or len(slides) < SPLIT_FROM or not hasattr(os, "fork"):
        return layout.place(slides)
    size = -(-len(slides) // workers)
    runs = [slides[start:start + size] for start in range(0, len(slides), size)]
    sys.stdout.flush()  # a forked process must not write what was buffered before it again
    sys.stderr.flush()
    children = [_fork(layout, run, report) for run in runs[1:]]
    placed = layout.place(runs[0])
    for run, child in zip(runs[1:], children):
        result = _collect(child)
        if result is None:  # the process failed: its slides are laid out here instead
            placed.extend(layout.place(run))
            continue
        slides_made, messages = result
        placed.extend(slides_made)
        report.items.extend(messages)
    return placed


def _fork(layout, run, report):
    """A process laying out `run`, and the end of the pipe its result comes through."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writing)
        return pid, reading
    os.close(reading)
    status = 1
    try:
        before = len(report.items)
        made = layout.place(run)
        data = pickle.dumps((made, report.items[before:]), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writing, "wb") as stream:
            stream.write(data)
        status = 0
    finally:
        os._exit(status)  # never back into the caller's code: this process only lays out


def _collect(child):
    """(slides, messages) from a laying-out process; None if it failed."""
    pid, reading = child
    with os.fdopen(reading, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # a result cut short: the slides are laid out again instead
        return None
