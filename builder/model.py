"""The deck model: what a Markdown file says, as frozen dataclasses, before any geometry."""
from __future__ import annotations

from dataclasses import dataclass, field

LINE_BREAK = "\n"  # a Run whose text is exactly this is a forced line break inside a paragraph


@dataclass(frozen=True)
class Math:
    """An equation: its TeX as written, and its MathML (what a native equation is made from)."""

    tex: str
    mathml: str
    display: bool = False  # set apart on a line of its own ($$…$$, \[…\]), not inside the text
    lines: float = 1.0  # its height in lines of text (a fraction, a sum with limits, a matrix: more)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting. `link` is None when the run is not a hyperlink;
    `script` is None for text on the baseline. `math` is None for text; for an equation, `text`
    is its linear form (what readers without equations show, and what layout measures)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    underline: bool = False
    small_caps: bool = False
    script: str | None = None  # "super" or "sub"; None on the baseline
    colour: str | None = None  # "RRGGBB" (syntax colours); None for the text's own colour
    link: str | None = None  # a web or mail address, or "#anchor" for a slide of the deck
    math: Math | None = None

    @property
    def is_break(self) -> bool:
        return self.text == LINE_BREAK

    def style(self) -> tuple:
        """Everything but the text: runs of one style can be merged."""
        return (self.bold, self.italic, self.code, self.strike, self.underline, self.small_caps, self.script,
                self.colour, self.link, self.math)

    def with_text(self, text: str) -> "Run":
        """This run holding `text` (dataclasses.replace, without its cost on every run of a deck)."""
        return self if text == self.text else Run(text, *self.style())


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text.

    `kind` is "text", "bullet", "number", "quote", "heading" (a heading below slide level,
    shown as a bold paragraph) or "equation" (a displayed equation alone, centred). `level` is the list nesting depth, 0 at the top. `number` is the
    item's own number in an ordered list, None for everything else.
    """

    runs: tuple[Run, ...]
    line: int
    kind: str = "text"
    level: int = 0
    number: int | None = None
    checked: bool | None = None  # a task-list item, ticked or not; None for any other paragraph
    click: int = 0  # the click of its slide it appears on (a build); 0: shown from the start

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Code:
    """A code block; `language` is None when the fence names none."""

    text: str
    line: int
    language: str | None = None
    level: int = 0


@dataclass(frozen=True)
class Image:
    """A picture the source asks for; `src` is as written, resolved later against the source file.

    `title` is shown as a caption under the picture (None: no caption). `width` and `height`
    are size hints as written ("40%", "300px", "3in"); None lets the layout decide.
    `background` is "full", "left" or "right" for a slide background (Marp's `bg`), None for a
    picture in the content; `share` is the part of the slide a left or right background takes
    (None: half); `fit` is "cover" (fill, cropping) or "contain" (whole picture).
    `diagram` is the text of a diagram drawn as shapes (a mermaid block), whose `src` is then a
    name of its own ("mermaid:LINE"); None for a picture file.
    """

    src: str
    alt: str
    line: int
    title: str | None = None
    width: str | None = None
    height: str | None = None
    background: str | None = None
    share: float | None = None
    fit: str = "cover"
    diagram: str | None = None
    chart: "Chart | None" = None  # a chart drawn natively (its `src` is then "chart:LINE"); None: a picture


CHART_KINDS = ("column", "bar", "line", "pie", "scatter")


@dataclass(frozen=True)
class Chart:
    """A chart's data: `kind` is one of CHART_KINDS; `series` holds (name, values) with None where a
    value is missing; `title` is None when there is none."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    title: str | None = None
    category_name: str | None = None  # the header of the categories' column; None: it has none

    def describe(self) -> str:
        """The chart in words, for its alt text."""
        parts = [f"{name}: " + ", ".join(f"{category} {'' if value is None else f'{value:g}'}".strip()
                                         for category, value in zip(self.categories, values))
                 for name, values in self.series]
        by = f" by {self.category_name}" if self.category_name else ""
        return f"{self.kind.capitalize()} chart{': ' + self.title if self.title else ''}{by}. " + "; ".join(parts)


@dataclass(frozen=True)
class Table:
    """A table. `header` holds the header row's cells (empty when there is none), each cell a
    tuple of runs; `aligns` holds "l", "ctr", "r" or None (the default) per column."""

    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    aligns: tuple[str | None, ...]
    line: int

    @property
    def columns(self) -> int:
        return max([len(self.header)] + [len(row) for row in self.rows] or [0])


@dataclass(frozen=True)
class Column:
    """One column of a Columns block; `width` is its share of the width (0–1), None for an
    equal share of what the others leave."""

    blocks: tuple
    width: float | None = None


@dataclass(frozen=True)
class Columns:
    """Blocks side by side (pandoc's `:::: columns`, Deckset's `[.column]`, …)."""

    columns: tuple[Column, ...]
    line: int


Block = Paragraph | Code | Image | Table | Columns


def blocks_of(blocks, kind):
    """Every block of `kind` (a type, or a tuple of them) among `blocks`, those in columns
    included, in order."""
    for block in blocks:
        if isinstance(block, kind):
            yield block
        elif isinstance(block, Columns):
            for column in block.columns:
                yield from blocks_of(column.blocks, kind)


def with_blocks(blocks, change) -> tuple:
    """`blocks` with each block but a Columns replaced by `change(block)`, the blocks inside
    columns too (columns themselves rebuilt around them)."""
    from dataclasses import replace

    return tuple(replace(block, columns=tuple(replace(column, blocks=with_blocks(column.blocks, change))
                                              for column in block.columns))
                 if isinstance(block, Columns) else change(block) for block in blocks)


@dataclass(frozen=True)
class Slide:
    """One slide as the author wrote it, before it is fitted (it may become several).

    `kind` is "title", "section" or "content". `continued` is True when the slide carries on
    the previous slide's title (a horizontal rule without a heading of its own). `subtitle`
    holds the title slide's lines under the title (subtitle, author, date). `title_hidden` is
    True when the author wrote no title: one was made for screen readers and the outline, and
    it is kept off the visible slide. `background` is a picture filling the slide behind its
    content and `background_colour` a fill ("RRGGBB"); None for the template's own.
    """

    kind: str
    title: tuple[Run, ...]
    line: int
    blocks: tuple[Block, ...] = ()
    notes: tuple[Paragraph, ...] = ()
    subtitle: tuple[Paragraph, ...] = ()
    continued: bool = False
    title_hidden: bool = False
    background: Image | None = None
    background_colour: str | None = None
    layout: str | None = None  # a template layout chosen by name; None: chosen by the slide's content
    transition: str | None = None  # its transition's name (compose.transitions); None: the deck's
    anchors: tuple[str, ...] = ()  # the names `[text](#name)` reaches it by (compose.anchors)

    @property
    def title_text(self) -> str:
        return "".join(run.text for run in self.title)


@dataclass(frozen=True)
class Meta:
    """Document properties from front matter; None where the source gives none.

    `lang` is a BCP 47 tag such as "fr-FR"; None means the language is not known.
    `slide_level` is the heading level that starts a slide; None means "decide from the headings".
    `heading_divider` is Marp's headingDivider (None: not set); `marp` says the deck is Marp's.
    """

    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    date: str | None = None
    description: str | None = None
    keywords: str | None = None
    subject: str | None = None
    category: str | None = None
    notes: str | None = None
    lang: str | None = None
    slide_level: int | None = None
    heading_divider: int | None = None
    marp: bool = False
    transition: str | None = None  # every slide's transition (compose.transitions); None: none
    incremental: bool = False  # lists build one item a click (front matter's `incremental: true`)
    toc: bool = False  # a contents slide after the title slide (pandoc's `toc: true`)
    toc_title: str | None = None  # its title; None: "Contents"


@dataclass(frozen=True)
class Deck:
    """The whole presentation as composed from one source file."""

    meta: Meta
    slides: tuple[Slide, ...] = field(default_factory=tuple)
