"""pandoc's fenced divs (`::: notes` … `:::`, `:::: columns`) as <div> elements with their attributes."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

OPEN = re.compile(r"^ {0,3}:{3,}[ \t]*(?P<attrs>[^:\s].*?)[ \t]*:*[ \t]*$")
CLOSE = re.compile(r"^ {0,3}:{3,}[ \t]*$")
ATTR = re.compile(r"""([.#]?)([\w-]+)(?:=("[^"]*"|'[^']*'|\S+))?""")


def parse_attributes(text: str) -> dict[str, str]:
    """`{.column width="40%"}` → {"class": "column", "width": "40%"}; a bare word is a class."""
    text = text.strip()
    if not text.startswith("{"):
        return {"class": text.split()[0]}
    attrs: dict[str, str] = {}
    classes = []
    for prefix, name, value in ATTR.findall(text.strip("{}")):
        if prefix == ".":
            classes.append(name)
        elif prefix == "#":
            attrs["id"] = name
        else:
            attrs[name] = value.strip("\"'") if value else ""
    if classes:
        attrs["class"] = " ".join(classes)
    return attrs


class DivFencePreprocessor(Preprocessor):
    """Give every fence line a block of its own, so that the block parser can see it."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            if OPEN.match(line) or CLOSE.match(line):
                if out and out[-1].strip():
                    out.append("")
                out.extend([line.strip(), ""])
            else:
                out.append(line)
        return out


MAX_NESTING = 64  # fenced divs inside one another; deeper ones are read as their content


class FencedDivProcessor(BlockProcessor):
    """Turn the blocks between an opening fence and its matching closing fence into a <div>."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(OPEN.match(block.strip("\n")))

    nesting = 0  # divs open around the one being read

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        opening = OPEN.match(blocks[0].strip("\n"))
        depth, end = 1, len(blocks)
        for index in range(1, len(blocks)):
            block = blocks[index].strip("\n")
            if CLOSE.match(block):
                depth -= 1
                if depth == 0:
                    end = index
                    break
            elif OPEN.match(block):
                depth += 1
        inner = blocks[1:end]
        del blocks[:end + 1]
        div = etree.SubElement(parent, "div")
        for key, value in parse_attributes(opening.group("attrs")).items():
            div.set(key, value)
        if depth:
            div.set("data-unclosed", "1")
        if self.nesting >= MAX_NESTING:  # deeper fences are dropped, their content kept: no unbounded recursion
            kept = [block for block in inner if not (OPEN.match(block.strip("\n")) or CLOSE.match(block.strip("\n")))]
            div.set("data-too-deep", str(len(inner) - len(kept)))
            self.parser.parseBlocks(div, kept)
            return
        self.nesting += 1
        try:
            self.parser.parseBlocks(div, inner)
        finally:
            self.nesting -= 1


class StrayCloseProcessor(BlockProcessor):
    """A closing fence with no opening one: kept as a marker so that it is reported, not shown."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(CLOSE.match(block.strip("\n")))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        blocks.pop(0)
        etree.SubElement(parent, "stray-fence")
