"""Serialise a Presentation into package bytes that depend on its content only."""
from __future__ import annotations

import functools
import io
import zipfile

from pptx.opc.serialized import PackageWriter, _ZipPkgWriter
from pptx.util import lazyproperty

from ..write import stamped


class _StampedZip(_ZipPkgWriter):
    """python-pptx's zip writer, with every entry dated and marked alike: its own stamps each
    entry with the time of the build."""

    def write(self, pack_uri, blob: bytes) -> None:
        self._zipf.writestr(stamped(pack_uri.membername), blob)

    @lazyproperty
    def _zipf(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(self._pkg_file, "w", zipfile.ZIP_DEFLATED, compresslevel=6)


class _Writer(PackageWriter):
    def _write(self) -> None:
        with _StampedZip(self._pkg_file) as archive:
            self._write_content_types_stream(archive)
            self._write_pkg_rels(archive)
            self._write_parts(archive)

    def _write_parts(self, archive) -> None:
        for part in self._parts:
            archive.write(part.partname, part.blob)
            if part._rels:
                archive.write(part.partname.rels_uri, rels_xml(part._rels, part.partname.baseURI))


RELS_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')


def rels_xml(rels, base: str) -> bytes:
    """A part's relationships as python-pptx writes them (in rId order, targets relative to the
    part's folder `base`), written as text: its element-by-element way costs more than the slides."""
    def number(rel_id: str) -> int:
        return int(rel_id[3:]) if rel_id.startswith("rId") and rel_id[3:].isdigit() else 0

    out = [RELS_HEAD]
    for rel_id in sorted(rels.keys(), key=lambda key: (number(key), key)):
        rel = rels[rel_id]
        target = rel.target_ref if rel.is_external else relative(str(rel.target_partname), base)
        mode = ' TargetMode="External"' if rel.is_external else ""
        out.append(f'<Relationship Id="{_attribute(rel_id)}" Type="{_attribute(rel.reltype)}" '
                   f'Target="{_attribute(target)}"{mode}/>')
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


def _attribute(text: str) -> str:
    """`text` in a double-quoted attribute, escaped as lxml escapes it."""
    if any(ch in text for ch in '&<>"\n\r\t'):
        text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
                .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
    return text


def package_bytes(prs) -> bytes:
    """The .pptx bytes of `prs`, written once (no re-zipping) and the same for the same content."""
    out = io.BytesIO()
    package = prs.part.package
    _Writer.write(out, package._rels, tuple(package.iter_parts()))
    return out.getvalue()
