"""Build several decks: one at a time, or on every core at once with the same bytes as one at a
time (each build depends on its own source only)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .access import Access
from .diagnostics import BuildError, Diagnostic


@dataclass(frozen=True)
class Job:
    source: Path
    output: Path
    encoding: str | None
    access: Access
    debug: bool = False
    template: Path | None = None
    theme: str | None = None
    overrides: tuple[str, ...] = ()
    defaults: tuple[tuple[str, object], ...] = ()  # the project configuration's, as pairs (hashable)


@dataclass(frozen=True)
class Outcome:
    """What one job made: `result` is None when no deck could be made; `error` then says why."""

    job: Job
    result: object | None = None  # a pipeline.BuildResult
    error: Diagnostic | None = None


def run_job(job: Job, progress=None) -> Outcome:
    from .pipeline import build

    try:
        return Outcome(job, result=build(job.source, job.output, encoding=job.encoding, access=job.access,
                                          progress=progress,
                                          template=job.template, theme=job.theme,
                                          overrides=job.overrides, defaults=dict(job.defaults)))
    except BuildError as error:
        return Outcome(job, error=error.diagnostic)
    except Exception as error:  # a bug of ours: one line, the other decks still build
        if job.debug:
            raise
        message = (f"internal error ({type(error).__name__}: {error}); please report it with the file "
                   "(--debug shows where)")
        return Outcome(job, error=Diagnostic(str(job.source), None, "internal", message, level="error"))


def workers(requested: int | None, jobs: int) -> int:
    """How many processes build `jobs` decks: `requested`, else one per core, never more than jobs."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or cores, jobs))


def run_all(jobs: list[Job], processes: int, progress=None):
    """Each job's Outcome, in the order of `jobs`, as they become known. `progress(done, total)`
    hears of each slide written when the jobs run here, one at a time."""
    if processes <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job, progress)
        return
    from concurrent.futures import ProcessPoolExecutor  # only here: a single deck never needs it

    # The platform's own way of starting processes (spawn on macOS and Windows, and on Linux from
    # Python 3.14): each worker imports what it needs, so the decks build alike everywhere.
    with ProcessPoolExecutor(max_workers=processes) as pool:
        yield from pool.map(run_job, jobs)
