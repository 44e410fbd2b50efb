"""Serialise a Presentation into package bytes that depend on its content only."""
from __future__ import annotations

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


def package_bytes(prs) -> bytes:
    """The .pptx bytes of `prs`, written once (no re-zipping) and the same for the same content."""
    out = io.BytesIO()
    package = prs.part.package
    _Writer.write(out, package._rels, tuple(package.iter_parts()))
    return out.getvalue()
