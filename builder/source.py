"""Read a Markdown file: decode it, normalise line ends, split off its YAML front matter."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import BuildError, Diagnostics

# XML 1.0 forbids these; python-pptx would refuse the whole deck for one of them.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
FENCE_OPEN = "---"
FENCE_CLOSE = ("---", "...")


@dataclass(frozen=True)
class Source:
    """A decoded source file. `text` keeps the file's line numbers: front matter lines are blank."""

    path: Path
    text: str
    meta: dict = field(default_factory=dict)
    meta_lines: dict = field(default_factory=dict)  # each front-matter key (lower case) → its line


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """The file's text. Without `encoding` it must be UTF-8 (a BOM is allowed and dropped), or
    UTF-16 with its byte-order mark (Windows' "Unicode"), which says so beyond doubt."""
    if encoding is None:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        if encoding is None:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError as error:
                line = data.count(b"\n", 0, error.start) + 1
                raise BuildError(path, "encoding", f"not UTF-8: byte 0x{data[error.start]:02X} at offset "
                                 f"{error.start}; save the file as UTF-8, or {_likely(data)}", line) from None
    try:
        return data.decode(encoding)
    except LookupError:
        raise BuildError(path, "encoding", f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise BuildError(path, "encoding", f"not {encoding}: byte 0x{data[error.start]:02X} at offset "
                         f"{error.start}", line) from None


def _likely(data: bytes) -> str:
    """The --encoding to try for bytes that are not UTF-8: Windows' cp1252 when they hold its
    typographic characters (– — “ ” ‘ ’ … € at 0x80–0x9F, which latin-1 reads as control
    characters), else latin-1."""
    if any(0x80 <= byte <= 0x9F for byte in data):
        return "pass --encoding cp1252 (Windows' own: its bytes 0x80-0x9F are – “ ” € and the like)"
    return "pass --encoding latin-1 (or the encoding it was saved in)"


MAX_YAML_NODES = 20_000  # values in the front matter once its aliases are expanded
MAX_YAML_CHARACTERS = 1_000_000


class TooMuchYaml(ValueError):
    """Front matter that would take unbounded time or memory to read; the message says why."""


def load_yaml(block: str, key_lines: dict | None = None, first_line: int = 1):
    """`block` read as YAML (safe types only), its aliases counted before anything is built:
    nine nested lists of nine aliases are a billion values (the "billion laughs"), an alias
    inside itself never ends. `key_lines` (None: not wanted) is given the line of each top-level key
    (lower case), the block's first line being `first_line`. Raises yaml.YAMLError or TooMuchYaml."""
    if len(block) > MAX_YAML_CHARACTERS:
        raise TooMuchYaml(f"is {len(block):,} characters long, more than {MAX_YAML_CHARACTERS:,}")
    try:
        root = yaml.compose(block, Loader=yaml.SafeLoader)
    except RecursionError:
        raise TooMuchYaml("is nested too deeply") from None
    sizes: dict[int, int] = {}
    stack: list = [(root, False)] if root is not None else []
    inside: set[int] = set()
    while stack:  # the expanded size of every node, children first, each node once
        node, done = stack.pop()
        key = id(node)
        if done:
            inside.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > MAX_YAML_NODES:
                raise TooMuchYaml(f"expands to more than {MAX_YAML_NODES:,} values (aliases of aliases)")
            continue
        if key in sizes:
            continue
        if key in inside:
            raise TooMuchYaml("holds an alias inside itself")
        inside.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    if root is None:
        return None
    if key_lines is not None and isinstance(root, yaml.MappingNode):
        for key, _ in root.value:
            if isinstance(key, yaml.ScalarNode):
                key_lines.setdefault(str(key.value).lower(), key.start_mark.line + first_line)
    loader = yaml.SafeLoader("")  # built from the nodes already composed: the text is not read twice
    try:
        return loader.construct_document(root)
    except RecursionError:
        raise TooMuchYaml("is nested too deeply") from None
    finally:
        loader.dispose()


SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value, depth: int = 0):
    """`value` (read from YAML) with lone surrogates in its texts replaced by U+FFFD, and whether
    there were any: a YAML escape can make one, and no file name or XML part can hold it."""
    if isinstance(value, str):
        return (SURROGATE.sub("\ufffd", value), True) if SURROGATE.search(value) else (value, False)
    if depth > 50:
        return value, False
    if isinstance(value, dict):
        pairs = [(_without_surrogates(k, depth + 1), _without_surrogates(v, depth + 1)) for k, v in value.items()]
        return {k: v for (k, _), (v, _) in pairs}, any(a or b for (_, a), (_, b) in pairs)
    if isinstance(value, list):
        items = [_without_surrogates(item, depth + 1) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    return value, False


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def split_front_matter(text: str, report: Diagnostics, key_lines: dict | None = None) -> tuple[dict, str]:
    """The YAML block at the top (empty when there is none or it is broken) and the text with
    that block blanked out line for line, so that later line numbers stay those of the file.
    `key_lines` (None: not wanted) is given the line of each of its keys."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE_OPEN:
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].rstrip() in FENCE_CLOSE:
            break
    else:
        return {}, text  # no closing fence: a leading rule, not front matter
    block = "\n".join(lines[1:end])
    blanked = "\n" * end + "\n" + "\n".join(lines[end + 1:])
    if not block.strip():
        return {}, blanked
    try:
        meta = load_yaml(block, key_lines, first_line=2)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        report.warn(line, "front-matter", f"front matter is not valid YAML ({problem}); it is ignored")
        return {}, blanked
    except TooMuchYaml as error:
        report.warn(1, "front-matter", f"front matter {error}; it is ignored")
        return {}, blanked
    if not isinstance(meta, dict):
        # A block of plain text between two rules reads as a YAML scalar: it was never metadata.
        return {}, text
    meta, replaced = _without_surrogates(meta)
    if replaced:
        report.warn(1, "front-matter", "front matter holds escaped lone surrogates (\\ud800…), which no text can "
                    "hold; each is shown as \ufffd")
    return {str(key).lower(): value for key, value in meta.items()}, blanked


def remove_forbidden_characters(text: str, report: Diagnostics) -> str:
    """Drop characters that XML cannot hold, saying on which lines they were."""
    if not XML_FORBIDDEN.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = XML_FORBIDDEN.findall(line)
        if found:
            codes = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in found}))
            report.warn(number, "control-character", f"removed {len(found)} character(s) XML cannot hold ({codes})")
            lines[number - 1] = XML_FORBIDDEN.sub("", line)
    return "\n".join(lines)


MAX_SOURCE_BYTES = 20_000_000  # a talk is kilobytes; 20 MB is a book, still built in well under a minute


def read_source(path: Path, report: Diagnostics, encoding: str | None = None) -> Source:
    """Read and decode `path`; raise BuildError when no text can be had from it."""
    from .access import Refused, read_regular

    try:
        data = read_regular(path, MAX_SOURCE_BYTES, "the source")
    except Refused as refused:
        code = {"not found": "no-file", "a folder": "no-file", "too large": "too-large"}.get(refused.reason, "read")
        message = {"not found": "no such file", "a folder": "is a folder, not a Markdown file"}.get(refused.reason)
        raise BuildError(path, code, message or str(refused).removeprefix("the source ")) from None
    text = decode(data, path, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = remove_forbidden_characters(text, report)
    lines: dict[str, int] = {}  # each key's line, from the YAML read
    meta, text = split_front_matter(text, report, lines)
    if not text.strip() and not meta:
        report.warn(None, "empty-source", "the file is empty: the deck has only a title slide, named after the file")
    return Source(path=path, text=text, meta=meta, meta_lines={key: line for key, line in lines.items() if key in meta})

