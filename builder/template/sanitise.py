"""A template's package made safe before anything reads it: sizes checked before a byte is
inflated, XML with a DTD refused, macros and ActiveX removed, links to outside the file cut."""
from __future__ import annotations

import io
import re
import zipfile

from . import TemplateError

MAX_ENTRIES = 5_000
MAX_ENTRY_BYTES = 100_000_000  # inflated, one part
MAX_TOTAL_BYTES = 300_000_000  # inflated, the whole package
MAX_RATIO = 200  # inflated ÷ stored, for a part over a megabyte: text compresses 10:1, a bomb 1000:1
DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
DROPPED_PARTS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml)$|^ppt/activeX/|^ppt/embeddings/.*\.(bin|exe)$", re.I)
DROPPED_TYPES = ("/vbaProject", "/activeXControl", "/control", "/vbaProjectSignature", "/wordVbaData")
MACRO_TYPES = {b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml":
               b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
               b"application/vnd.ms-powerpoint.template.macroEnabled.main+xml":
               b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
               b"application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml":
               b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"}
RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?/>|<Relationship\b[^>]*?>.*?</Relationship>", re.S)
ATTRIBUTE = re.compile(rb'\b(Type|Target|TargetMode)\s*=\s*"([^"]*)"')
SAFE_LINK = re.compile(rb"^(https?://|mailto:)", re.I)
NOWHERE = b"about:blank"  # an external target that reads nothing


def check_sizes(package: zipfile.ZipFile) -> None:
    """Raises TemplateError when the package would inflate beyond the limits (as declared by
    its directory, which also bounds what zipfile inflates)."""
    entries = package.infolist()
    if len(entries) > MAX_ENTRIES:
        raise TemplateError(f"has {len(entries):,} parts, more than {MAX_ENTRIES:,}")
    total = 0
    for entry in entries:
        if entry.file_size > MAX_ENTRY_BYTES:
            raise TemplateError(f"has a part ({entry.filename}) of {entry.file_size:,} bytes inflated, more than "
                                f"{MAX_ENTRY_BYTES:,}")
        if entry.file_size > 1_000_000 and entry.file_size > MAX_RATIO * max(1, entry.compress_size):
            raise TemplateError(f"has a part ({entry.filename}) that inflates {entry.file_size // max(1, entry.compress_size):,}"
                                " times: a zip bomb, not a template")
        total += entry.file_size
    if total > MAX_TOTAL_BYTES:
        raise TemplateError(f"inflates to {total:,} bytes, more than {MAX_TOTAL_BYTES:,}")


def _relationships(xml: bytes, removed: list[str]) -> bytes:
    def one(match):
        attributes = dict(ATTRIBUTE.findall(match.group()))
        kind = attributes.get(b"Type", b"").decode("ascii", "replace")
        if kind.endswith(DROPPED_TYPES):
            removed.append(kind.rsplit("/", 1)[-1])
            return b""
        target = attributes.get(b"Target", b"")
        if attributes.get(b"TargetMode") == b"External" and target != NOWHERE:
            if not (kind.endswith("/hyperlink") and SAFE_LINK.match(target.strip())):
                removed.append(f"link to {target.decode('utf-8', 'replace')[:80]}")
                return match.group().replace(b'Target="' + target + b'"', b'Target="' + NOWHERE + b'"', 1)
        return match.group()

    return RELATIONSHIP.sub(one, xml)


def _well_formed(name: str, body: bytes) -> None:
    """Raises TemplateError unless `body` is well-formed XML: parts python-pptx never parses are
    copied as they are, and one broken part makes a deck PowerPoint offers to repair."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise TemplateError(f"has a part ({name}) that is not well-formed XML ({error.msg})") from None


def sanitised(data: bytes) -> tuple[bytes, list[str]]:
    """The package `data` made safe, and what was taken out of it (for a message). Raises
    TemplateError when it is not a zip, too large inflated, or holds XML with a DTD."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise TemplateError(f"is not a PowerPoint file ({error})") from None
    removed: list[str] = []
    out = io.BytesIO()
    with package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        check_sizes(package)
        for entry in package.infolist():
            name = entry.filename
            if DROPPED_PARTS.search(name):
                removed.append(name)
                continue
            try:
                body = package.read(entry)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
                raise TemplateError(f"has a part ({name}) that cannot be read ({error})") from None
            if name.endswith((".xml", ".rels")):
                if DTD.search(body):
                    raise TemplateError(f"has a part ({name}) with a DTD or entity declarations, which no Office "
                                        "file needs and which can make a reader read files or run out of memory")
                _well_formed(name, body)
            if name.endswith(".rels"):
                body = _relationships(body, removed)
            elif name == "[Content_Types].xml":
                for macro, plain in MACRO_TYPES.items():
                    body = body.replace(macro, plain)
                body = re.sub(rb'<(Override|Default)\b[^>]*(vbaProject|activeX|ms-office\.vbaProject)[^>]*/>', b"", body)
            copy.writestr(entry, body)
    return out.getvalue(), removed
