"""The `deck` command: `deck build` turns Markdown files into PowerPoint decks."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

DEFAULT_SOURCES = Path("slides_src")
DEFAULT_OUTPUT = Path("output")

EXAMPLES = """examples:
  deck build                          build every slides_src/*.md into output/
  deck build talk.md                  build talk.md into output/talk.pptx
  deck build talk.md -o ~/talk.pptx   build talk.md into ~/talk.pptx
  deck build notes/ -o decks/         build every notes/*.md into decks/
  python -m builder build talk.md     the same, without the installed command

exit status: 0 when every deck was written, 1 when one could not be made, 2 on a usage error.
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
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    build.add_argument("-v", "--verbose", action="store_true", help="also print what was done on purpose "
                       "(slides continued, …)")
    build.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return parser


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
    from .diagnostics import BuildError
    from .pipeline import build

    jobs = _jobs(args.files, args.output)
    if isinstance(jobs, str):
        print(f"deck build: {jobs}", file=sys.stderr)
        return 2
    status = 0
    for source, output in jobs:
        try:
            result = build(source, output, encoding=args.encoding)
        except BuildError as error:
            print(error, file=sys.stderr)
            status = 1
            continue
        except Exception as error:  # a bug of ours: one line, the other decks still build
            if args.debug:
                raise
            print(f"{source}: error: internal error ({type(error).__name__}: {error}); "
                  "please report it with the file (--debug shows where)", file=sys.stderr)
            status = 1
            continue
        for item in result.diagnostics:
            if item.level != "info" or args.verbose:
                if not args.quiet:
                    print(item, file=sys.stderr)
        if not args.quiet:
            count = len(result.warnings)
            print(f"{output}: {result.slides} slides, {count} warning{'s' if count != 1 else ''}, "
                  f"{result.seconds:.2f} s")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
