"""The `deck` command: `deck build` turns Markdown files into PowerPoint decks; the other
commands check, watch, preview and hand them out (arguments and help: arguments.py)."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from .access import DEFAULT_MAX_PIXELS
from .arguments import DEFAULT_OUTPUT, DEFAULT_SOURCES, build_parser
from .diagnostics import count as plural, printable
from .progress import Bar, coloured


def _template(args) -> int:
    from .template import THEMES

    if args.action == "list":
        for theme in THEMES.values():
            print(f"{theme.name:8} {theme.description}")
        return 0
    if args.name not in THEMES:
        print(printable(f"deck template: no theme {args.name!r}; there are: {', '.join(THEMES)}"), file=sys.stderr)
        return 2
    from .pipeline import export_theme
    from .write import write_atomic

    output = args.output or Path(f"{args.name}.pptx")
    if output.suffix.lower() not in (".pptx", ".potx"):
        print(printable(f"deck template export: -o {output}: a theme is exported as a .pptx or a .potx"), file=sys.stderr)
        return 2
    if output.exists():  # as `deck new`: an export never replaces a file
        print(printable(f"deck template export: {output} exists; choose another name"), file=sys.stderr)
        return 1
    try:
        write_atomic(output, export_theme(args.name, as_template=output.suffix.lower() == ".potx"))
    except OSError as error:
        print(printable(f"{output}: error: cannot write: {error.strerror or error}"), file=sys.stderr)
        return 1
    print(printable(f"{output}: the {args.name} theme; build on it with --template {output}"))
    return 0


def _config(args) -> int:
    from .config import DEFAULTS, load
    from .settings import KEYS, normalise_key

    config = load()
    for problem in config.problems:
        print(printable(problem), file=sys.stderr)
    front = {}
    if args.file is not None:
        from .diagnostics import BuildError, Diagnostics
        from .source import read_source

        try:
            front = read_source(args.file, Diagnostics(str(args.file))).meta
        except BuildError as error:
            print(printable(error), file=sys.stderr)
            return 1
        front = {normalise_key(key): value for key, value in front.items()}
    given = {"theme": args.theme, "template": args.template}
    for item in args.set:
        key, _, value = item.partition("=")
        given[normalise_key(key)] = value
    for key in [*DEFAULTS, *KEYS]:
        if given.get(key) is not None:
            value, origin = given[key], "command line"
        elif key in front and key in (*KEYS, "theme", "template"):
            value, origin = front[key], f"{args.file} front matter"
        elif config.get(key) is not None:
            value, origin = config.get(key), str(config.origin)
        else:
            value, origin = DEFAULTS.get(key), "default"
        shown = "(none)" if value is None else json.dumps(value, ensure_ascii=False) if not isinstance(value, str) \
            else value
        print(f"{key:18} {shown:32} {origin}")
    return 0


def _check(args) -> int:
    from .check import check

    found = []
    pairs = _jobs(args.files, None)  # a folder is its .md files, as for build
    if isinstance(pairs, str):
        print(printable(f"deck check: {pairs}"), file=sys.stderr)
        return 2
    for source, _ in pairs:
        found.extend(check(source, theme=args.theme, template=args.template, overrides=tuple(args.set),
                           encoding=args.encoding))
    if args.json:
        print(json.dumps([asdict(item) for item in found], ensure_ascii=False, indent=1))
    else:
        for item in found:
            print(printable(item))
    failing = {"error"} | ({"warning"} if args.strict else set())
    return 1 if any(item.level in failing for item in found) else 0


# names that look like a file of another kind: never taken for a folder to make
OTHER_FORMATS = {".ppt", ".pps", ".ppsx", ".pptm", ".potx", ".pot", ".odp", ".key", ".pdf", ".md", ".png", ".html"}


def _jobs(files: list[Path], output: Path | None) -> list[tuple[Path, Path]] | str:
    """(source, output) pairs, or a usage error message."""
    sources: list[Path] = []
    for path in files or [DEFAULT_SOURCES]:
        if path.is_dir():
            found = sorted(path.glob("*.md"))
            if not found:
                return f"no .md files in {path}/"
            sources.extend(found)
        elif not files:
            return f"no {DEFAULT_SOURCES}/ folder here: name the Markdown files to build (deck build FILE.md)"
        else:
            sources.append(path)
    if output is not None and output.suffix.lower() in OTHER_FORMATS:
        return (f"-o {output}: deck writes PowerPoint .pptx decks, not {output.suffix} files; name a .pptx, or a "
                "folder for several")
    if output is not None and output.suffix.lower() == ".pptx":
        if len(sources) != 1:
            return f"-o {output} names one file but there are {len(sources)} decks to build: give a folder"
        return [(sources[0], output)]
    folder = output if output is not None else DEFAULT_OUTPUT
    return [(source, folder / (source.stem + ".pptx")) for source in sources]


def _project_output() -> Path | None:
    """The project's `output` (deck.toml or [tool.deck]); None when it sets none."""
    from .config import load

    found = load().get("output")
    return Path(found) if found else None


def _output_folder() -> Path:
    """Where every command writes what it makes when -o does not say: the project's `output`
    folder (the folder of its `output` file), else output/ under the working folder."""
    found = _project_output()
    if found is None:
        return DEFAULT_OUTPUT
    return found.parent if found.suffix.lower() == ".pptx" else found


def _usage(args, command: str) -> bool:
    """Whether the command line's --theme, --template and --set hold a mistake (each said)."""
    from .usage import usage_problems

    errors, notes = usage_problems(getattr(args, "theme", None), getattr(args, "template", None),
                                   list(getattr(args, "set", None) or []))
    for line in notes + errors:
        print(printable(f"deck {command}: {line}"), file=sys.stderr)
    return bool(errors)


def _build(args) -> int:
    from .access import Access
    from .batch import Job, run_all, workers
    from .config import load

    config = load()
    for problem in config.problems:
        print(printable(problem), file=sys.stderr)
    if _usage(args, "build"):
        return 2
    output = args.output or (Path(config.get("output")) if config.get("output") else None)
    pairs = _jobs(args.files, output)
    if isinstance(pairs, str):
        print(printable(f"deck build: {pairs}"), file=sys.stderr)
        return 2
    args.strict = args.strict or bool(config.get("strict"))
    args.quiet = args.quiet or bool(config.get("quiet"))
    args.verbose = args.verbose or bool(config.get("verbose"))
    access = Access(allow_outside=args.allow_outside, allow_remote=args.allow_remote,  # never from a file
                    max_pixels=args.max_pixels or config.get("max-pixels") or DEFAULT_MAX_PIXELS)
    defaults = tuple(sorted(config.deck_defaults().items()))
    requested = args.jobs or config.get("jobs")
    jobs = [Job(source, output, args.encoding or config.get("encoding"), access, args.debug, args.template,
                args.theme, tuple(args.set), defaults) for source, output in pairs]
    processes = 1 if args.debug else workers(requested, len(jobs))
    with Bar(not args.quiet and not args.json) as bar:
        return _report(args, run_all(jobs, processes, bar.slides if len(jobs) == 1 else None), len(jobs), bar)


def _report(args, outcomes, total: int, bar) -> int:
    """Print each deck's line and messages as its build ends; the exit status."""
    status, decks, messages = 0, [], []
    for outcome in outcomes:
        bar.deck_done(total)
        if outcome.error is not None:
            messages.append(outcome.error)
            _say(args, outcome.error)
            status = 1
            continue
        result, output = outcome.result, outcome.job.output
        messages.extend(result.diagnostics)
        for item in result.diagnostics:
            _say(args, item)
        count = len(result.warnings)
        if count and args.strict:
            status = 1
        decks.append({"source": str(outcome.job.source), "output": str(output), "slides": result.slides,
                      "warnings": count})
        if not args.quiet and not args.json:
            print(printable(f"{output}: {plural(result.slides, 'slide')}, {plural(count, 'warning')}, "
                            f"{result.seconds:.2f} s"), flush=True)
    if args.json:
        print(json.dumps({"decks": decks, "diagnostics": [asdict(item) for item in messages]}, ensure_ascii=False,
                         indent=1))
    return status


def _say(args, item) -> None:
    """Print one message on standard error, as -q, -v and --json ask."""
    if args.json or (args.quiet and item.level != "error") or (item.level == "info" and not args.verbose):
        return
    print(coloured(item), file=sys.stderr)  # a Diagnostic escapes its own text


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # said with the usage of the command it was given to, not deck's own
        command = next((action.choices.get(args.command) for action in parser._actions
                        if isinstance(action, argparse._SubParsersAction)), None)
        (command or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "build":
        return _build(args)
    if args.command == "template":
        return _template(args)
    if args.command in ("watch", "preview", "pdf", "check") and _usage(args, args.command):
        return 2
    if args.command == "check":
        return _check(args)
    if args.command == "config":
        return _config(args)
    if args.command == "watch":
        pairs = _jobs(args.files, args.output or _project_output())
        if isinstance(pairs, str):
            print(printable(f"deck watch: {pairs}"), file=sys.stderr)
            return 2
        from .watch import Watcher
        return Watcher(pairs, {"theme": args.theme, "template": args.template, "overrides": tuple(args.set),
                               "encoding": args.encoding}).run()
    if args.command == "new":
        from .starter import new
        return new(args.name)
    if args.command == "preview":
        from .commands import preview
        return preview(args.source, args.output or _output_folder() / f"{args.source.stem}-preview", args.theme,
                       args.template, tuple(args.set), args.encoding)
    if args.command == "pdf":
        from .commands import pdf
        named = f"{args.source.stem}-notes.pdf" if args.notes else f"{args.source.stem}.pdf"
        return pdf(args.source, args.output or _output_folder() / named, args.notes, args.theme, args.template,
                   tuple(args.set), args.encoding)
    parser.print_help()
    return 2


def run() -> None:
    """The `deck` command: `main` in a process of its own, which ends when the command does."""
    import gc

    # A build makes millions of small objects and frees few until it ends: collecting cycles
    # every 700 allocations walks them again and again, and the collection at exit walks them all
    # once more, to free memory the process is about to give back anyway (together: 0.1 s of the
    # 1 s a 500-slide deck takes).
    gc.set_threshold(GC_THRESHOLD, 20, 20)
    code = main()
    gc.freeze()
    sys.exit(code)


GC_THRESHOLD = 50_000  # allocations between collections of the youngest generation (Python's: 700)


if __name__ == "__main__":
    run()
