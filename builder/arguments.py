"""The deck command's arguments and help: what each command takes, with examples."""
from __future__ import annotations

import argparse
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
  deck config talk.md                 the settings in force, and where each comes from
  deck new talk                       a starter deck, talk.md, showing every feature
  deck pdf talk.md --notes            a PDF handout with the notes pages (LibreOffice)
  deck preview talk.md                a PNG a slide and a contact sheet (LibreOffice)
  python -m builder build talk.md     the same, without the installed command

exit status: 0 when every deck was written, 1 when one could not be made (or, with --strict,
had warnings), 2 on a usage error.
"""


def _look(command) -> None:
    """The options that choose what a deck is built on."""
    command.add_argument("--theme", metavar="NAME", help="a built-in theme")
    command.add_argument("--template", type=Path, metavar="PPTX", help="a .pptx or .potx to build on")
    command.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                         help="a setting, as for deck build (repeatable)")
    command.add_argument("--encoding", metavar="NAME", help="read the sources in this encoding (default: UTF-8)")


def build_parser() -> argparse.ArgumentParser:
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
    build.add_argument("--max-pixels", type=_positive, metavar="N",
                       help=f"refuse pictures of more pixels than this (default: {DEFAULT_MAX_PIXELS:,})")
    build.add_argument("-j", "--jobs", type=_positive, metavar="N", help="decks built at once "
                       "(default: one per core; the decks are the same either way)")
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
    _look(watch)
    config = commands.add_parser("config", help="the settings in force, and where each comes from",
                                 description="Print every option and setting in force: from the command line, "
                                             "FILE's front matter, the project's deck.toml or [tool.deck] in "
                                             "pyproject.toml, or deck's default.")
    config.add_argument("file", nargs="?", type=Path, metavar="FILE.md", help="also read its front matter")
    config.add_argument("--theme", metavar="NAME")
    config.add_argument("--template", metavar="PPTX")
    config.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    check = commands.add_parser("check", help="report what would spoil a deck, without building it",
                                description="Report every problem a build would warn about, and what would "
                                            "spoil the deck in the room, as file:line: level: message. Exit "
                                            "status 1 when there are errors (or, with --strict, warnings).")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.md", help="Markdown files or folders of them")
    check.add_argument("--json", action="store_true", help="the messages as a JSON list on standard output")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    _look(check)
    new = commands.add_parser("new", help="write a starter deck showing every feature",
                              description="Write NAME.md, a starter deck that shows every feature, and its "
                                          "picture NAME.png. Existing files are never replaced.")
    new.add_argument("name", metavar="NAME", help="the file to write (NAME.md)")
    pdf = commands.add_parser("pdf", help="build a deck and write it as a PDF (needs LibreOffice)",
                              description="Build FILE.md and write it as a PDF for handouts, drawn by "
                                          "LibreOffice as the deck opens.")
    pdf.add_argument("source", type=Path, metavar="FILE.md")
    pdf.add_argument("-o", "--output", type=Path, metavar="OUT.pdf",
                     help="default: output/FILE.pdf (output/FILE-notes.pdf with --notes), in the folder deck build "
                          "writes to")
    pdf.add_argument("--notes", action="store_true", help="the notes pages, one a slide, instead of the slides")
    _look(pdf)
    preview = commands.add_parser("preview", help="a PNG a slide and a contact sheet (needs LibreOffice)",
                                  description="Build FILE.md, draw it with LibreOffice as the deck opens, and "
                                              "write slide-NNN.png for each slide and contact.png of them all.")
    preview.add_argument("source", type=Path, metavar="FILE.md")
    preview.add_argument("-o", "--output", type=Path, metavar="DIR",
                         help="default: output/NAME-preview/, in the folder deck build writes to")
    _look(preview)
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


def _positive(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value
