"""The package a deck is written into: the template's parts and ours, their relationships, content
types and document properties, zipped in one pass with fixed stamps."""
from __future__ import annotations

import functools
import io
import zipfile

from ..write import stamped, zip_date
from .xml import attribute, text
from .zipping import zip_entries

RELS_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
XML_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
# (extension, content type) pairs written as defaults rather than one override per part, as
# python-pptx (and so every deck built so far) writes them
DEFAULT_TYPES = {(ext, kind) for kind, exts in (
    ("application/vnd.openxmlformats-officedocument.presentationml.printerSettings", ("bin",)),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings", ("bin",)),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings", ("bin",)),
    ("image/bmp", ("bmp",)), ("image/x-emf", ("emf",)), ("application/x-fontdata", ("fntdata",)),
    ("image/gif", ("gif",)), ("image/jpeg", ("jpe", "jpeg", "jpg")), ("video/quicktime", ("mov",)),
    ("video/mp4", ("mp4",)), ("video/mpeg", ("mpg",)), ("image/png", ("png",)),
    (RELATIONSHIPS_TYPE, ("rels",)), ("image/tiff", ("tif", "tiff")), ("video/unknown", ("vid",)),
    ("image/svg+xml", ("svg",)), ("image/vnd.ms-photo", ("wdp",)), ("image/x-wmf", ("wmf",)), ("video/x-ms-wmv", ("wmv",)),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",)),
    ("application/xml", ("xml",))) for ext in exts}


class Relations:
    """One part's relationships as they are added: ids in order, a target related once."""

    def __init__(self, existing=()):
        self.items: list[tuple[str, str, str, bool]] = [(r.rid, r.reltype, r.target, r.external) for r in existing]
        self._ids = {(reltype, target, external): rid for rid, reltype, target, external in self.items}
        self._taken = {rid for rid, *_ in self.items}
        self._lowest_free = 1  # ids are never freed: the lowest free one only grows

    def relate(self, reltype: str, target: str, external: bool = False) -> str:
        """The id of the relationship of `reltype` to `target` (a part name, or an address when
        `external`), added now with the lowest free id if it is new."""
        key = (reltype, target, external)
        rid = self._ids.get(key)
        if rid is None:
            number = self._lowest_free
            while f"rId{number}" in self._taken:
                number += 1
            self._lowest_free = number + 1
            rid = f"rId{number}"
            self._taken.add(rid)
            self._ids[key] = rid
            self.items.append((rid, reltype, target, external))
        return rid

    def xml(self, base: str) -> bytes:
        """The relationships as a .rels part, in id order, targets relative to the folder `base`."""
        def number(rid: str) -> int:
            return int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0

        out = [RELS_HEAD]
        for rid, reltype, target, external in sorted(self.items, key=lambda item: (number(item[0]), item[0])):
            where = target if external else relative(target, base)
            mode = ' TargetMode="External"' if external else ""
            out.append(f'<Relationship Id="{attribute(rid)}" Type="{attribute(reltype)}" '
                       f'Target="{attribute(where)}"{mode}/>')
        out.append("</Relationships>")
        return "".join(out).encode("utf-8")


@functools.lru_cache(maxsize=4096)
def relative(partname: str, base: str) -> str:
    """`partname` relative to the folder `base` (both absolute and normal, as part names are)."""
    if base == "/":
        return partname[1:]
    parts, folders = partname.split("/")[1:], base.split("/")[1:]
    common = 0
    while common < min(len(parts) - 1, len(folders)) and parts[common] == folders[common]:
        common += 1
    return "/".join([".."] * (len(folders) - common) + parts[common:])


def folder(partname: str) -> str:
    return partname.rsplit("/", 1)[0] or "/"


class Package:
    """Parts by name: content type, bytes and Relations."""

    def __init__(self, package_relations: Relations):
        self.package_relations = package_relations
        self.parts: dict[str, tuple[str, bytes, Relations]] = {}

    def add(self, name: str, content_type: str, blob: bytes, relations: Relations | None = None) -> None:
        self.parts[name] = (content_type, blob, relations or Relations())

    def order(self) -> list[str]:
        """Part names in the order of a depth-first walk of the relationships from the package's
        own, each part where it is first reached (python-pptx's order, so the bytes stay the same)."""
        seen: set[str] = set()
        found: list[str] = []
        stack = [iter(self.package_relations.items)]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                continue
            _, _, target, external = step
            if external or target in seen or target not in self.parts:
                continue
            seen.add(target)
            found.append(target)
            stack.append(iter(self.parts[target][2].items))
        return found

    def content_types(self, names: list[str]) -> bytes:
        defaults = {"rels": RELATIONSHIPS_TYPE, "xml": "application/xml"}
        overrides = {}
        for name in names:
            kind = self.parts[name][0]
            ext = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
            if (ext, kind) in DEFAULT_TYPES:
                defaults[ext] = kind
            else:
                overrides[name] = kind
        out = [XML_HEAD, '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
        out += [f'<Default Extension="{attribute(ext)}" ContentType="{attribute(kind)}"/>'
                for ext, kind in sorted(defaults.items())]
        out += [f'<Override PartName="{attribute(name)}" ContentType="{attribute(kind)}"/>'
                for name, kind in sorted(overrides.items())]
        out.append("</Types>")
        return "".join(out).encode("utf-8")

    def entries(self) -> list[tuple[str, bytes]]:
        """(name in the zip, bytes) of every part and relationships part, in the package's order."""
        names = self.order()
        found = [("[Content_Types].xml", self.content_types(names)), ("_rels/.rels", self.package_relations.xml("/"))]
        for name in names:
            _, blob, relations = self.parts[name]
            found.append((name[1:], blob))
            if relations.items:
                base = folder(name)
                found.append((f"{base[1:]}/_rels/{name.rsplit('/', 1)[1]}.rels".lstrip("/"), relations.xml(base)))
        return found

    def zipped(self, kept: dict | None = None) -> bytes:
        """The package as .pptx bytes: the same for the same parts. `kept` (None: nothing kept)
        holds the entries deflated by the last build (zipping.zip_entries)."""
        entries = self.entries()
        when = zip_date()  # one date for every entry
        made = zip_entries(entries, when, kept)
        if made is not None:
            return made
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name, blob in entries:
                archive.writestr(stamped(name, when), blob)
        return out.getvalue()


CORE_HEAD = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
             'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
             'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">')
CORE_LIMIT = 255  # characters: the longest value PowerPoint keeps in a document property


def core_xml(title: str, author: str, subject: str, keywords: str, description: str, category: str,
             language: str, when: str) -> bytes:
    """docProps/core.xml: the deck's own properties, and `when` (W3CDTF) as every date."""
    def value(tag: str, content: str) -> str:
        return f"<{tag}>{text(content[:CORE_LIMIT])}</{tag}>" if content else f"<{tag}></{tag}>"

    stamp = f'xsi:type="dcterms:W3CDTF">{when}'
    parts = [XML_HEAD, CORE_HEAD, value("dc:title", title), value("dc:subject", subject),
             value("dc:creator", author), value("cp:keywords", keywords), value("dc:description", description),
             "<cp:lastModifiedBy>deck</cp:lastModifiedBy><cp:revision>1</cp:revision>",
             f"<dcterms:created {stamp}</dcterms:created><dcterms:modified {stamp}</dcterms:modified>",
             value("cp:category", category), value("dc:language", language),
             f"<cp:lastPrinted>{when}</cp:lastPrinted>", "</cp:coreProperties>"]
    return "".join(parts).encode("utf-8")


APP_HEAD = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">')


def presentation_format(width: int, height: int) -> str:
    """PowerPoint's name for a slide size."""
    if width * 9 == height * 16:
        return "Widescreen"
    if width * 3 == height * 4:
        return "On-screen Show (4:3)"
    if width * 10 == height * 16:
        return "On-screen Show (16:10)"
    return "Custom"


def app_xml(slides: int, notes: int, info) -> bytes:
    """docProps/app.xml: what this deck holds, in place of the template's (which names its own
    author's company and slide count)."""
    return "".join([XML_HEAD, APP_HEAD, "<TotalTime>0</TotalTime><Words>0</Words><Application>deck</Application>",
                    f"<PresentationFormat>{presentation_format(info.slide_w, info.slide_h)}</PresentationFormat>",
                    f"<Paragraphs>0</Paragraphs><Slides>{slides}</Slides><Notes>{notes}</Notes>",
                    "<HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>",
                    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>",
                    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>"]
                   ).encode("utf-8")
