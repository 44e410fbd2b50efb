"""Render a long deck's slides in several processes at once: each forked process renders a run of
slides on its copy of the presentation and sends back their XML and relationships, which are
added here in order, under the same names and ids: the package is the one a single process makes."""
from __future__ import annotations

from .. import forked
from .parts import sent


def render_shared(renderer, slides, workers: int, write_slide, progress=None) -> None:
    """`write_slide(placed, number)` (which renders one slide with `renderer` and returns it) for
    every slide, in order, the slides shared among `workers` processes (see forked.share).
    `progress(done, total)`, when given, hears of each slide added."""
    numbered = list(enumerate(slides, start=1))

    def done(number: int) -> None:
        if progress is not None:
            progress(number, len(numbered))

    def write_here(run) -> None:
        for number, placed in run:
            write_slide(placed, number)
            done(number)

    def take(run, made) -> None:
        for (number, _), slide in zip(run, made):
            renderer.parts.adopt(slide)
            done(number)

    forked.share(numbered, workers, write_here,
                 lambda run: [sent(write_slide(placed, number).part) for number, placed in run], take)
