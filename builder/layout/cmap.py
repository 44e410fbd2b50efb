"""The set of characters a TrueType/OpenType font has glyphs for, read from its `cmap` table."""
from __future__ import annotations

import struct


def _table(data: bytes, tag: bytes, base: int = 0) -> tuple[int, int] | None:
    count = struct.unpack_from(">H", data, base + 4)[0]
    for index in range(count):
        entry = base + 12 + 16 * index
        if data[entry:entry + 4] == tag:
            offset, length = struct.unpack_from(">II", data, entry + 8)
            return offset, length
    return None


def _format4(data: bytes, at: int) -> set[int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    found: set[int] = set()
    for i in range(segments):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = range_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                found.add(code)
    return found


def _format12(data: bytes, at: int) -> set[int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    found: set[int] = set()
    for index in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * index)
        found.update(range(start, end + 1) if glyph else range(start + 1, end + 1))
    return found


def covered_characters(path: str) -> set[int] | None:
    """Code points the font maps to a glyph; None when the file cannot be read as a font."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        base = 0
        if data[:4] == b"ttcf":  # a collection: the first font speaks for the file
            base = struct.unpack_from(">I", data, 12)[0]
        located = _table(data, b"cmap", base)
        if located is None:
            return None
        offset, _ = located
        count = struct.unpack_from(">H", data, offset + 2)[0]
        best = None
        for index in range(count):
            platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * index)
            fmt = struct.unpack_from(">H", data, offset + sub)[0]
            if platform in (0, 3) and fmt == 12:
                return _format12(data, offset + sub)
            if platform in (0, 3) and fmt == 4 and best is None:
                best = offset + sub
        return _format4(data, best) if best is not None else None
    except (OSError, struct.error, IndexError):
        return None
