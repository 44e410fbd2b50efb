"""A package's entries zipped as `zipfile` zips them (the same bytes), each entry's compressed
data kept for the next build, so that `deck watch` deflates only the parts that changed."""
from __future__ import annotations

import struct
import zlib

LOCAL = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader
CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # structCentralDir
END = struct.Struct("<4s4H2LH")  # structEndArchive
VERSION = 20  # zipfile's DEFAULT_VERSION: deflate, no zip64
DEFLATED = 8
ATTRIBUTES = 0o600 << 16  # write.stamped's: the same on every build
LARGEST = 1 << 30  # past this an entry might need zip64; such a package is left to zipfile
MOST_ENTRIES = 0xFFFF  # the plain format's count of entries (60,000 slides are more: zipfile, zip64)


def deflated(data: bytes) -> bytes:
    """`data` deflated as zipfile deflates an entry written at once."""
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def zip_entries(entries: list[tuple[str, bytes]], date_time: tuple, kept: dict | None = None) -> bytes | None:
    """The zip of `entries` (name, data), in order, all dated `date_time`; None when they are too
    many or one is too large for the plain format (zipfile then writes them, with zip64). `kept`
    (None: nothing kept) maps the data deflated before to its CRC and compressed bytes, and is
    left holding these entries' only."""
    if len(entries) > MOST_ENTRIES or any(len(data) > LARGEST for _, data in entries):
        return None
    dosdate = (date_time[0] - 1980) << 9 | date_time[1] << 5 | date_time[2]
    dostime = date_time[3] << 11 | date_time[4] << 5 | (date_time[5] // 2)
    now: dict = {}
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, data in entries:
        done = kept.get(data) if kept is not None else None
        if done is None:
            done = (zlib.crc32(data), deflated(data))
        now[data] = done
        crc, packed = done
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800  # zipfile's flag for a UTF-8 name
        out.append(LOCAL.pack(b"PK\003\004", VERSION, 0, flags, DEFLATED, dostime, dosdate, crc, len(packed), len(data),
                              len(encoded), 0))
        out.append(encoded)
        out.append(packed)
        directory.append(CENTRAL.pack(b"PK\001\002", VERSION, 0, VERSION, 0, flags, DEFLATED, dostime, dosdate, crc,
                                      len(packed), len(data), len(encoded), 0, 0, 0, 0, ATTRIBUTES, offset))
        directory.append(encoded)
        offset += LOCAL.size + len(encoded) + len(packed)
    if offset > LARGEST:
        return None
    size = sum(len(part) for part in directory)
    out.extend(directory)
    out.append(END.pack(b"PK\005\006", 0, 0, len(entries), len(entries), size, offset, 0))
    if kept is not None:
        kept.clear()
        kept.update(now)
    return b"".join(out)
