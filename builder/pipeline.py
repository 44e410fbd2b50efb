"""One build: source → parse → compose → layout → render → write, with its diagnostics."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .access import SCHEME, Access, project_root
from .diagnostics import BuildError, Diagnostic, Diagnostics


@dataclass(frozen=True)
class BuildResult:
    """What one build made: the output path, its slide count, its messages, its wall time."""

    source: Path
    output: Path
    slides: int
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    inputs: tuple[Path, ...] = ()  # the files it read: source, pictures, template (for `deck watch`)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [item for item in self.diagnostics if item.level == "warning"]


def default_output(source: Path, out_dir: Path | None = None) -> Path:
    return (out_dir or source.parent) / (source.stem + ".pptx")


def title_from_name(path: Path) -> str:
    """A deck title made from a file name: "cloud-computing.md" → "Cloud computing"."""
    words = path.stem.replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or "Presentation"
    return text[0].upper() + text[1:]


def choose_template(path: Path | None, front: dict, source: Path, access: Access, report: Diagnostics,
                    theme: str | None = None) -> tuple[bytes | None, str | None, str]:
    """What the deck is built on: the template's bytes (None: a built-in theme), the built-in
    theme's name (None: the default one) and its name for messages. In order: `path` and `theme`
    (from the command line), front matter's `template:` (or pandoc's `reference-doc:`, relative to
    the source and read as `access` allows) and `theme:`, the default theme. A template or theme
    that cannot be had is a warning, and the default theme is used."""
    from .access import MAX_FILE_BYTES, Refused, read_local, read_regular
    from .template import THEMES

    named = front.get("template") or front.get("reference-doc")
    line = None if path is not None else 1
    try:
        if path is not None:
            return read_regular(path, MAX_FILE_BYTES, f"template {path}", "template"), None, path.name
        if theme is None and isinstance(named, str) and named.strip():
            data = read_local(named.strip(), source.parent, access, "template", "template")
            return data, None, Path(named.strip()).name
    except Refused as refused:
        report.warn(line, refused.code, f"{refused}; the default theme is used")
        return None, None, "the default theme"
    wanted = theme or front.get("theme")
    if wanted is None or str(wanted).lower() == "default":
        return None, None, "the default theme"
    if str(wanted).lower() not in THEMES:
        report.warn(None if theme else 1, "theme", f"theme {wanted!r} is not one of deck's "
                    f"({', '.join(THEMES)}); the default theme is used")
        return None, None, "the default theme"
    return None, str(wanted).lower(), f"the {str(wanted).lower()} theme"


def read_template(data: bytes | None, theme: str | None, name: str, settings, report: Diagnostics,
                  line: int | None, cache: dict | None = None):
    """The template.Template of `data` or `theme` (see choose_template) with `settings`; a
    template that cannot be read is a warning (at `line`) and the default theme is used.
    `cache` (None: none) keeps what was read before, with its messages, for the next build."""
    from . import template

    key = (hashlib.sha1(data).hexdigest() if data is not None else None, theme, name, settings, line)
    if cache is not None and key in cache:
        frozen, messages = cache[key]
        report.items.extend(messages)
        return frozen
    before = len(report.items)
    frozen = None
    if data is not None:
        try:
            removed: list[str] = []
            frozen = template.read(template.open_presentation(data, removed=removed), settings, report, name)
            if removed:
                report.warn(line, "template-unsafe", f"template {name}: removed what a deck must not carry: "
                            f"{', '.join(sorted(set(removed))[:8])}{' …' if len(set(removed)) > 8 else ''}")
        except template.TemplateError as error:
            report.warn(line, "template", f"template {name} {error}; the default theme is used")
            theme, name = None, "the default theme"
        except Exception as error:  # a broken template breaks python-pptx and our reading in many ways
            report.warn(line, "template", f"template {name} cannot be read as a PowerPoint template "
                        f"({type(error).__name__}); the default theme is used")
            theme, name = None, "the default theme"
    if frozen is None:
        frozen = template.read_theme(theme, settings, report, name)
    if cache is not None:
        cache.clear()  # one deck's template at a time: memory stays bounded
        cache[key] = (frozen, report.items[before:])
    return frozen


def given_at(key: str, overrides: tuple[str, ...], meta: dict, lines: dict) -> tuple[int | None, str]:
    """Where setting `key` was given, for a message about it: (line, name). The command line's
    --set wins and has no line; front matter's is at its key's line; else the project's deck.toml."""
    from .settings import normalise_key

    if any(normalise_key(item.partition("=")[0]) == key for item in overrides):
        return None, f"--set {key}"
    for raw in meta:
        if normalise_key(raw) == key:
            return lines.get(str(raw).lower(), 1), key
    return None, f"{key} (the project's deck.toml)"


def check_fonts(settings, report: Diagnostics, where=lambda key: (1, key)) -> None:
    """A font the author named that this machine does not have is measured with stand-in metrics.
    `where(key)` says where the setting was given: (line, name)."""
    from .layout.fonts import find_font

    for key, family in (("heading-font", settings.heading_font), ("body-font", settings.body_font),
                        ("code-font", settings.code_font)):
        if family and find_font(family) is None:
            line, name = where(key)
            report.warn(line, "font", f"{name}: {family!r} is not installed here (nor a font with its metrics): "
                        "its text is measured with stand-in metrics and may fit less well where it is shown")


def load_logo(src: str | None, folder: Path, report: Diagnostics, access: Access, line: int | None = 1,
              name: str = "logo"):
    """The logo's Picture; None when there is none or it cannot be had (a warning, from images, at
    `line` of the source (None: the command line), naming the setting as `name`)."""
    if not src:
        return None
    from .images import Picture, load_picture
    from .model import Image

    said = len(report.items)
    picture = load_picture(Image(src=src, alt="Logo", line=line), folder, report, access)
    for index in range(said, len(report.items)):  # a logo that cannot be had is left out, not stood in for
        item = report.items[index]
        label = "logo " if name == "logo" else f"{name}: "
        message = item.message.replace("picture ", label, 1).replace("; a placeholder is shown", "; no logo is shown")
        report.items[index] = replace(item, message=message, line=line)
    return picture if isinstance(picture, Picture) else None


@dataclass
class BuildCache:
    """What one build keeps for the next build of the same deck (`deck watch`): the source's
    pieces as parsed (a piece unchanged since is not read again), the template as read, and the
    slides as laid out and written (a slide unchanged since is not laid out or written again)."""

    parsed: dict = field(default_factory=dict)  # parse's
    composed: dict = field(default_factory=dict)  # compose's
    templates: dict = field(default_factory=dict)
    slides: object = None  # a layout.cache.SlideCache
    written: dict = field(default_factory=dict)  # render's
    measurer: object = None  # a layout.fonts.FontMeasurer, made by the first build that needs one

    def __post_init__(self):
        if self.slides is None:
            from .layout.cache import SlideCache
            self.slides = SlideCache()


@dataclass
class Prepared:
    """A deck laid out and not yet rendered: what `deck check` reads, and `build` writes."""

    report: Diagnostics
    inputs: tuple[Path, ...]
    deck: object  # model.Deck
    placed: object  # placed.PlacedDeck
    template: object  # template.Template: what the deck is built on
    settings: object  # settings.Settings

    @property
    def info(self):
        """The template's geometry.TemplateInfo."""
        return self.template.info


def prepare(source: Path, encoding: str | None = None, measurer=None, access: Access | None = None,
            template: Path | None = None, theme: str | None = None, overrides: tuple[str, ...] = (),
            defaults: dict | None = None, cache: BuildCache | None = None) -> Prepared:
    """Read, parse, compose and lay out `source` (the arguments are build's). Raises BuildError."""
    from . import layout
    from .compose import compose
    from .images import load_pictures
    from .parse import parse
    from .settings import read_settings
    from .source import read_source

    report = Diagnostics(str(source))
    text = read_source(source, report, encoding)
    access = access or Access()
    if access.root is None:
        access = replace(access, root=project_root(source))
    front = {**(defaults or {}), **text.meta}  # the project's defaults, then the deck's own
    tree = parse(text.text, cache.parsed if cache is not None else None)
    deck = compose(tree, text.meta, report, title_from_name(source), text.meta_lines,
                   cache.composed if cache is not None else None)
    pictures = load_pictures(deck, source.parent, report, access)
    data, theme_name, template_name = choose_template(template, front, source, access, report, theme)
    settings = read_settings(front, list(overrides), report, deck.meta.date, text.meta_lines)
    frozen = read_template(data, theme_name, template_name, settings, report, None if template else 1,
                           cache.templates if cache is not None else None)
    def where(key: str) -> tuple[int | None, str]:
        return given_at(key, overrides, text.meta, text.meta_lines)

    check_fonts(settings, report, where)
    logo = load_logo(settings.logo, source.parent, report, access, *where("logo"))
    if measurer is None:
        from .layout.fonts import FontMeasurer
        if cache is not None and cache.measurer is None:
            cache.measurer = FontMeasurer()  # font metrics read once for every rebuild
        measurer = cache.measurer if cache is not None else FontMeasurer()
    placed = layout.lay_out(deck, frozen.info, pictures, measurer, report, logo,
                            cache.slides if cache is not None else None)
    return Prepared(report, inputs_of(source, [*pictures, settings.logo, template or front.get("template")
                                               or front.get("reference-doc")]), deck, placed, frozen, settings)


def inputs_of(source: Path, named: list) -> tuple[Path, ...]:
    """The files a build of `source` reads: itself, and each of `named` that is a path rather
    than an address or nothing (a Path, from the command line, as it is; a text, from the
    source, relative to it)."""
    files = [source] + [item if isinstance(item, Path) else source.parent / item for item in named
                        if item and (isinstance(item, Path) or isinstance(item, str) and not SCHEME.match(item))]
    return tuple(dict.fromkeys(path.resolve() for path in files))


def build(source: Path, output: Path, encoding: str | None = None, measurer=None,
          access: Access | None = None, template: Path | None = None, theme: str | None = None,
          overrides: tuple[str, ...] = (), defaults: dict | None = None, progress=None,
          cache: BuildCache | None = None) -> BuildResult:
    """Build `source` into `output`. Raises BuildError when no deck can be made at all.

    `encoding` None: UTF-8 (a byte-order mark is honoured). `measurer` None: real font metrics.
    `access` None: pictures are read from the source's project only, never from the web.
    `template`, `theme` None: front matter's, else the default theme. `overrides`: "key=value"
    settings (the command line's --set) over front matter's (see builder.settings); `defaults`:
    settings, theme and template under front matter's (a project's deck.toml, builder.config).
    `progress(done, total)` (None: nothing) hears of each slide as it is written. `cache` (None:
    none) is what the last build of the same deck kept, for a quicker rebuild: the deck is the same."""
    started = time.perf_counter()
    if output.resolve() == source.resolve():
        raise BuildError(source, "overwrite-source", f"the output {output} would overwrite the source")
    ready = prepare(source, encoding, measurer, access, template, theme, overrides, defaults, cache)
    if output.resolve() in ready.inputs:
        raise BuildError(source, "overwrite-input", f"the output {output} is an input of the deck (its template or a "
                         "picture); it is never written over")
    from . import render
    from .resample import resample
    from .write import write_atomic

    report = ready.report
    placed = resample(ready.placed, ready.info.slide_w)
    package = render.render(placed, ready.template, ready.settings, report, progress,
                            cache.written if cache is not None else None)
    try:
        write_atomic(output, package)
    except OSError as error:
        raise BuildError(output, "write", f"cannot write: {error.strerror or error}") from None
    return BuildResult(source=source, output=output, slides=len(placed.slides), diagnostics=tuple(report.items),
                       seconds=time.perf_counter() - started, inputs=ready.inputs)


EXAMPLE_FRONT = {"title": "A title slide", "subtitle": "Every deck opens on this layout"}
EXAMPLE_BODY = """## A content slide

- Slides with a title and text use this layout
- Edit the masters and layouts: these example slides are left out when the template is used
"""


def export_theme(name: str, as_template: bool = False) -> bytes:
    """The built-in theme `name` as a .pptx package with an example title slide and content slide,
    or a .potx one when `as_template`. The examples are there for LibreOffice, which keeps only
    the designs its slides use (a template with no slides comes back from it with none), and
    they tell a template's reader which master is meant for which slide."""
    from . import layout, render, template
    from .compose import compose
    from .layout.fonts import FontMeasurer
    from .parse import parse

    report = Diagnostics("the example slides")
    frozen = template.read_theme(name)
    deck = compose(parse(EXAMPLE_BODY), EXAMPLE_FRONT, report, "Example")
    placed = layout.lay_out(deck, frozen.info, {}, FontMeasurer(), report)
    data = render.render(placed, frozen)
    return template.as_potx(data) if as_template else data
