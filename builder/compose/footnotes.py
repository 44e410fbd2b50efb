"""Footnotes: their definitions are read from the tree's footnotes block; each is shown on the slide (or in the
notes) where it is cited, under that slide's text."""
from __future__ import annotations

import copy

from ..model import Paragraph, Run

FOOTNOTE_REF = "footnote-ref"
BACKREF = "footnote-backref"


def is_reference(element) -> bool:
    """Python-Markdown's <sup><a class="footnote-ref" href="#fn:ID">N</a></sup>."""
    link = element.find("a") if element.tag == "sup" else None
    return link is not None and link.get("class") == FOOTNOTE_REF


def reference_id(element) -> str:
    return element.find("a").get("href", "").lstrip("#")


def footnotes_block(root):
    """Python-Markdown's block of footnote definitions among `root`'s children; None: none."""
    return next((child for child in root if child.tag == "div" and child.get("class") == "footnote"), None)


def take_definitions(block, reader) -> dict[str, tuple[Paragraph, ...]]:
    """Each definition in the footnotes `block` (None: none) as paragraphs "N. text", by id. The
    tree is left as it is: the parser may hand it out again."""
    if block is None:
        return {}
    definitions: dict[str, tuple[Paragraph, ...]] = {}
    ordered = block.find("ol")
    for number, item in enumerate(ordered if ordered is not None else [], start=1):
        item = copy.deepcopy(item)  # its back-links are taken out
        for backref in [a for a in item.iter("a") if a.get("class") == BACKREF]:
            _remove(item, backref)
        paragraphs = []
        for block_element in (item.findall("p") or [item]):
            runs = [run for run in reader.read(block_element, 1).runs]
            if runs:
                runs[-1] = Run(**{**runs[-1].__dict__, "text": runs[-1].text.rstrip("\xa0 ")})
            if not paragraphs:
                runs.insert(0, Run(f"{number}. "))
            paragraphs.append(Paragraph(runs=tuple(r for r in runs if r.text), line=1, kind="footnote"))
        definitions[item.get("id", f"fn:{number}")] = tuple(paragraphs)
    return definitions


def _remove(root, target) -> None:
    for parent in root.iter():
        children = list(parent)
        if target in children:
            index = children.index(target)
            if target.tail:
                if index:
                    children[index - 1].tail = (children[index - 1].tail or "") + target.tail
                else:
                    parent.text = (parent.text or "") + target.tail
            parent.remove(target)
            return
