"""The `deck` command: `deck build` turns Markdown files into PowerPoint decks."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from . import __version__
from .access import DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_TIMEOUT

DEFAULT_SOURCES = Path("slides_src")
DEFAULT_OUTPUT = Path("output")

EXAMPLES = """examples:
  deck build                          build every slides_src/*.md into output/
  deck build talk.md                  build talk.md into output/talk.pptx
  deck build talk.md -o ~/talk.pptx   build talk.md into ~/talk.pptx
  deck build notes/ -o decks/         build every notes/*.md into decks/
  deck build --template corp.potx     build on a company template
  deck build --theme dark talk.md     build on a built-in theme (deck template list)
  deck build --set footer="ACME" --set slide-numbers=true talk.md
  deck build --strict --json talk.md  in CI: warnings fail the build, printed as JSON
  deck watch talk.md                  rebuild talk.pptx whenever talk.md or its pictures change
  deck check talk.md                  what would spoil the deck, before building it
  deck new talk                       a starter deck, talk.md, showing every feature
  deck pdf talk.md --notes            a PDF handout with the notes pages (LibreOffice)
  deck preview talk.md                a PNG a slide and a contact sheet (LibreOffice)
  python -m builder build talk.md     the same, without the installed command

exit status: 0 when every deck was written, 1 when one could not be made (or, with --strict,
had warnings), 2 on a usage error.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deck", description="Markdown to PowerPoint decks that are right as PowerPoint opens them.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"deck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser(
        "build", help="build Markdown files into .pptx decks", epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Build each Markdown file into a .pptx deck. With no FILE, every "
                    f"{DEFAULT_SOURCES}/*.md is built into {DEFAULT_OUTPUT}/.")
    build.add_argument("files", nargs="*", type=Path, metavar="FILE",
                       help="a Markdown file, or a folder of them (default: slides_src/)")
    build.add_argument("-o", "--output", type=Path, metavar="OUT",
                       help="the .pptx to write (one FILE), or a folder (default: output/)")
    build.add_argument("--encoding", metavar="NAME", help="read the sources in this encoding (default: UTF-8)")
    build.add_argument("--template", type=Path, metavar="PPTX", help="build on this .pptx or .potx: its "
                       "masters, layouts, fonts and colours (default: front matter's template:, else deck's own)")
    build.add_argument("--theme", metavar="NAME", help="build on a built-in theme (`deck template list` "
                       "shows them; default: front matter's theme:, else light)")
    build.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                       help="a setting over the front matter's: heading-font, body-font, code-font, "
                       "accent-colour, text-colour, background-colour, logo, footer, footer-date, slide-numbers")
    build.add_argument("--strict", action="store_true", help="exit with status 1 when a deck has warnings")
    build.add_argument("--json", action="store_true", help="print the decks and their messages as one JSON "
                       "object on standard output")
    build.add_argument("--allow-remote", action="store_true", help="fetch pictures from http(s) addresses "
                       f"({DEFAULT_TIMEOUT:g} s and {DEFAULT_MAX_BYTES // 1_000_000} MB at most each)")
    build.add_argument("--allow-outside", action="store_true", help="read pictures outside the project folder")
    build.add_argument("--max-pixels", type=_positive, default=DEFAULT_MAX_PIXELS, metavar="N",
                       help=f"refuse pictures of more pixels than this (default: {DEFAULT_MAX_PIXELS:,})")
    build.add_argument("-j", "--jobs", type=_positive, metavar="N", help="decks built at once (default: one "
                       "per core; the decks are the same either way)")
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    build.add_argument("-v", "--verbose", action="store_true", help="also print what was done on purpose "
                       "(slides continued, …)")
    build.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    watch = commands.add_parser("watch", help="build, then rebuild whenever a source, picture or template changes",
                                description="Build the decks, then build each again when its Markdown, a "
                                            "picture it shows or its template changes. A failed build keeps "
                                            "the last good deck.")
    watch.add_argument("files", nargs="*", type=Path, metavar="FILE", help="a Markdown file or a folder "
                       "(default: slides_src/)")
    watch.add_argument("-o", "--output", type=Path, metavar="OUT", help="as for deck build")
    watch.add_argument("--theme", metavar="NAME", help="a built-in theme")
    watch.add_argument("--template", type=Path, metavar="PPTX", help="a .pptx or .potx to build on")
    check = commands.add_parser("check", help="report what would spoil a deck, without building it",
                                description="Report every problem a build would warn about, and what would "
                                            "spoil the deck in the room, as file:line: level: message. Exit "
                                            "status 1 when there are errors (or, with --strict, warnings).")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.md")
    check.add_argument("--json", action="store_true", help="the messages as a JSON list on standard output")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--theme", metavar="NAME", help="a built-in theme")
    check.add_argument("--template", type=Path, metavar="PPTX", help="a .pptx or .potx to build on")
    new = commands.add_parser("new", help="write a starter deck showing every feature",
                              description="Write NAME.md, a starter deck that shows every feature, and its "
                                          "picture NAME.png. Existing files are never replaced.")
    new.add_argument("name", metavar="NAME", help="the file to write (NAME.md)")
    pdf = commands.add_parser("pdf", help="build a deck and write it as a PDF (needs LibreOffice)",
                              description="Build FILE.md and write it as a PDF for handouts, drawn by "
                                          "LibreOffice as the deck opens.")
    pdf.add_argument("source", type=Path, metavar="FILE.md")
    pdf.add_argument("-o", "--output", type=Path, metavar="OUT.pdf", help="default: beside FILE.md")
    pdf.add_argument("--notes", action="store_true", help="the notes pages, one a slide, instead of the slides")
    pdf.add_argument("--theme", metavar="NAME", help="a built-in theme")
    pdf.add_argument("--template", type=Path, metavar="PPTX", help="a .pptx or .potx to build on")
    preview = commands.add_parser("preview", help="a PNG a slide and a contact sheet (needs LibreOffice)",
                                  description="Build FILE.md, draw it with LibreOffice as the deck opens, and "
                                              "write slide-NNN.png for each slide and contact.png of them all.")
    preview.add_argument("source", type=Path, metavar="FILE.md")
    preview.add_argument("-o", "--output", type=Path, metavar="DIR", help="default: output/NAME-preview/")
    preview.add_argument("--theme", metavar="NAME", help="a built-in theme")
    preview.add_argument("--template", type=Path, metavar="PPTX", help="a .pptx or .potx to build on")
    template = commands.add_parser(
        "template", help="list the built-in themes, or export one as a template to edit",
        epilog=TEMPLATE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="The built-in themes are templates like any other: export one, change it in "
                    "PowerPoint or LibreOffice, and build on it with --template.")
    actions = template.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the built-in themes")
    export = actions.add_parser("export", help="write a theme as a .pptx or .potx template")
    export.add_argument("name", metavar="NAME", help="a built-in theme")
    export.add_argument("-o", "--output", type=Path, metavar="OUT", help="the file to write (default: NAME.pptx)")
    return parser


TEMPLATE_EXAMPLES = """examples:
  deck template list                       the built-in themes
  deck template export band -o mine.potx   the band theme, to edit in PowerPoint or LibreOffice
  deck build talk.md --template mine.potx  then build on it
"""


def _template(args) -> int:
    from .render import THEMES

    if args.action == "list":
        for theme in THEMES.values():
            print(f"{theme.name:8} {theme.description}")
        return 0
    if args.name not in THEMES:
        print(f"deck template: no theme {args.name!r}; there are: {', '.join(THEMES)}", file=sys.stderr)
        return 2
    from .render import export_theme
    from .write import normalise, write_atomic

    output = args.output or Path(f"{args.name}.pptx")
    try:
        write_atomic(output, normalise(export_theme(args.name, as_template=output.suffix.lower() == ".potx")))
    except OSError as error:
        print(f"{output}: error: cannot write: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"{output}: the {args.name} theme; build on it with --template {output}")
    return 0


def _check(args) -> int:
    from .check import check

    found = []
    for source in args.files:
        found.extend(check(source, theme=args.theme, template=args.template))
    if args.json:
        print(json.dumps([asdict(item) for item in found], ensure_ascii=False, indent=1))
    else:
        for item in found:
            print(item)
    failing = {"error"} | ({"warning"} if args.strict else set())
    return 1 if any(item.level in failing for item in found) else 0


def _positive(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


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
    if output is not None and output.suffix.lower() == ".pptx":
        if len(sources) != 1:
            return f"-o {output} names one file but there are {len(sources)} decks to build: give a folder"
        return [(sources[0], output)]
    folder = output if output is not None else DEFAULT_OUTPUT
    return [(source, folder / (source.stem + ".pptx")) for source in sources]


def _build(args) -> int:
    from .access import Access
    from .batch import Job, run_all, workers

    pairs = _jobs(args.files, args.output)
    if isinstance(pairs, str):
        print(f"deck build: {pairs}", file=sys.stderr)
        return 2
    access = Access(allow_outside=args.allow_outside, allow_remote=args.allow_remote, max_pixels=args.max_pixels)
    jobs = [Job(source, output, args.encoding, access, args.debug, args.template, args.theme, tuple(args.set))
            for source, output in pairs]
    status, decks, messages = 0, [], []
    for outcome in run_all(jobs, 1 if args.debug else workers(args.jobs, len(jobs))):
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
            print(f"{output}: {result.slides} slides, {count} warning{'s' if count != 1 else ''}, "
                  f"{result.seconds:.2f} s", flush=True)
    if args.json:
        print(json.dumps({"decks": decks, "diagnostics": [asdict(item) for item in messages]}, ensure_ascii=False,
                         indent=1))
    return status


def _say(args, item) -> None:
    """Print one message on standard error, as -q, -v and --json ask."""
    if args.json or (args.quiet and item.level != "error") or (item.level == "info" and not args.verbose):
        return
    print(item, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args)
    if args.command == "template":
        return _template(args)
    if args.command == "check":
        return _check(args)
    if args.command == "watch":
        pairs = _jobs(args.files, args.output)
        if isinstance(pairs, str):
            print(f"deck watch: {pairs}", file=sys.stderr)
            return 2
        from .watch import Watcher
        return Watcher(pairs, {"theme": args.theme, "template": args.template}).run()
    if args.command == "new":
        from .commands import new
        return new(args.name)
    if args.command == "preview":
        from .commands import preview
        return preview(args.source, args.output, args.theme, args.template)
    if args.command == "pdf":
        from .commands import pdf
        return pdf(args.source, args.output, args.notes, args.theme, args.template)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
