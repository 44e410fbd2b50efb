"""Markdown text → an element tree; the only part of the builder that imports `markdown`.

The tree is Python-Markdown's XHTML tree with a few additions (see `stash.stash_element`):
<comment>, <raw-html>, <raw-inline>, <stray-fence>, <div> for pandoc fenced divs and HTML
containers (html_blocks.py), <tex-math> for equations (math.py), and
<raw-format format=…> / <raw-inline-format format=…> for pandoc raw blocks and inlines. Every
block element carries `data-line`, its 1-based line in the source; a `#` heading written on
the line right after other text carries `data-joined="1"`.
"""
from __future__ import annotations

import copy
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from .captions import register as register_captions
from .chunks import pieces
from .divs import DivFencePreprocessor, FencedDivProcessor, StrayCloseProcessor
from .headings import JoinedHeadingProcessor
from .html_blocks import register as register_html_containers
from .inline import QuickInlineProcessor
from .lines import LINE, annotate_lines
from .lists import ListIndentPreprocessor
from .math import register as register_math
from .nested_fences import FenceAttributesPreprocessor, IndentedFencePreprocessor
from .pandoc_tables import PandocTablePreprocessor
from .raw import register as register_raw
from .scripts import register as register_scripts
from .slidev import SlideSettingsPreprocessor
from .stash import StashTreeprocessor
from .strike import strikethrough_processor


class DeckExtension(Extension):
    """What the deck reader adds to Python-Markdown, each piece registered with its priority."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Preprocessors run after fenced code (25) and raw HTML (20) are stashed, so a fence or
        # list marker inside code or HTML is never touched.
        # Between fenced code (25) and raw HTML (20): settings inside code stay code, and the
        # comment they become is then read as HTML.
        md.preprocessors.register(SlideSettingsPreprocessor(md), "deck_slide_settings", 22)
        md.preprocessors.register(IndentedFencePreprocessor(md), "deck_indented_fences", 26)
        md.preprocessors.register(FenceAttributesPreprocessor(md), "deck_fence_attributes", 26.5)
        md.preprocessors.register(PandocTablePreprocessor(md), "deck_pandoc_tables", 23)
        md.preprocessors.register(DivFencePreprocessor(md), "deck_div_fences", 16)
        md.preprocessors.register(ListIndentPreprocessor(md), "deck_list_indent", 15)
        md.parser.blockprocessors.register(FencedDivProcessor(md.parser), "deck_fenced_div", 95)
        md.parser.blockprocessors.register(StrayCloseProcessor(md.parser), "deck_stray_fence", 94)
        md.parser.blockprocessors.register(JoinedHeadingProcessor(md.parser), "hashheader", 70)
        md.inlinePatterns.register(strikethrough_processor(md), "deck_strike", 65)
        register_scripts(md)
        register_raw(md)
        register_html_containers(md)
        register_captions(md)
        register_math(md)
        md.treeprocessors.register(StashTreeprocessor(md), "deck_stash", -100)
        md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)  # in the stock one's place


_markdown: markdown.Markdown | None = None


def _reader() -> markdown.Markdown:
    global _markdown
    if _markdown is None:
        # Instances, not names: a name is looked up among every installed package's entry points,
        # which costs more than the rest of Python-Markdown's import.
        _markdown = markdown.Markdown(
            extensions=[FencedCodeExtension(), TableExtension(), SaneListExtension(), AttrListExtension(),
                        FootnoteExtension(), DeckExtension()],
            output_format="xhtml",
        )
    return _markdown


def parse(text: str, kept: dict | None = None) -> etree.Element:
    """The element tree of `text` (a <div> root), with source lines on its elements. The text is
    read piece by piece where that makes the same tree (chunks.py); `kept` (None: nothing kept)
    holds the trees of the pieces read before, by their first line and text, and is left holding
    this text's, so that reading an edited text again reads only the pieces that changed; a tree
    kept is handed out again as it is (compose never changes the tree it reads)."""
    found = pieces(text)
    if found is None or len(found) == 1:
        if kept is not None:
            kept.clear()
        return _parse_whole(text)
    root = etree.Element("div")
    now = {}
    moved = {piece: (at, tree) for (at, piece), tree in kept.items()} if kept is not None else {}
    for start, piece in found:
        tree = kept.get((start, piece)) if kept is not None else None
        if tree is None:
            if piece in moved:  # read before, at another line: the same tree, its lines moved
                at, tree = moved[piece]
                tree, shift = copy.deepcopy(tree), start - at
            else:
                tree, shift = _parse_whole(piece), start  # its lines counted from the piece's first
            if shift:
                for element in tree.iter():
                    line = element.get(LINE)
                    if line is not None:
                        element.set(LINE, str(int(line) + shift))
        now[(start, piece)] = tree
        if not len(root):
            root.text = tree.text  # the whole's text before its first element, as Python-Markdown leaves it
        root.extend(list(tree))  # shared with the next build: nothing after the parser changes a tree
        root.tail = tree.tail
    if kept is not None:
        kept.clear()
        kept.update(now)  # this text's pieces only: memory stays bounded
    return root


def _parse_whole(text: str) -> etree.Element:
    if not text.strip():  # Python-Markdown returns early on blank text, before any tree exists
        return etree.Element("div")
    md = _reader()
    md.reset()
    md.deck_tree = None  # the reader is shared: never hand back the previous document's tree
    # Markdown.convert's first three steps; its last two (serialising to HTML, then fixing up that
    # text) would make a string nobody reads.
    md.lines = text.split("\n")
    for preprocessor in md.preprocessors:
        md.lines = preprocessor.run(md.lines)
    tree = md.parser.parseDocument(md.lines).getroot()
    for treeprocessor in md.treeprocessors:
        tree = treeprocessor.run(tree) or tree
    root = md.deck_tree
    annotate_lines(root, text)
    return root
