"""The package is zipped as zipfile zips it, byte for byte, and an entry deflated once is not
deflated again."""
import io
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from builder.render import zipping
from builder.write import stamped

NAMES = st.text(alphabet="abcé/_.[]", min_size=1, max_size=12).filter(lambda n: not n.startswith("/"))
DATES = st.sampled_from([(1980, 1, 1, 0, 0, 0), (2023, 11, 14, 22, 13, 20), (2099, 12, 31, 23, 59, 58)])


def by_zipfile(entries, when) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in entries:
            archive.writestr(stamped(name, when), data)
    return out.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(NAMES, st.binary(max_size=3000)), max_size=6, unique_by=lambda e: e[0]), DATES)
def test_the_bytes_are_zipfiles(entries, when):
    assert zipping.zip_entries(entries, when) == by_zipfile(entries, when)


def test_an_entry_kept_is_not_deflated_again(monkeypatch):
    entries = [("a.xml", b"<a/>" * 100), ("b.xml", b"<b/>" * 100)]
    kept: dict = {}
    first = zipping.zip_entries(entries, (2000, 1, 1, 0, 0, 0), kept)
    deflated = []
    real = zipping.deflated
    monkeypatch.setattr(zipping, "deflated", lambda data: deflated.append(data) or real(data))
    changed = [entries[0], ("b.xml", b"<c/>" * 100)]
    again = zipping.zip_entries(changed, (2000, 1, 1, 0, 0, 0), kept)
    assert deflated == [b"<c/>" * 100] and again == by_zipfile(changed, (2000, 1, 1, 0, 0, 0)) != first
    assert set(kept) == {data for _, data in changed}  # this build's entries only


def test_a_package_too_large_for_the_plain_format_is_left_to_zipfile(monkeypatch):
    monkeypatch.setattr(zipping, "LARGEST", 10)
    assert zipping.zip_entries([("big.bin", b"x" * 11)], (2000, 1, 1, 0, 0, 0)) is None
    monkeypatch.setattr(zipping, "MOST_ENTRIES", 2)  # 60,000 slides make more than 65,535 entries
    assert zipping.zip_entries([(f"{n}.xml", b"") for n in range(3)], (2000, 1, 1, 0, 0, 0)) is None


@pytest.mark.slow
def test_more_entries_than_the_plain_format_counts_are_zipped_by_zipfile_with_zip64():
    from builder.render.package import Package, Relations

    package = Package(Relations())
    for n in range(zipping.MOST_ENTRIES + 1):
        package.package_relations.relate("http://example.org/part", f"/p{n}.xml")
        package.add(f"/p{n}.xml", "application/xml", b"")
    data = package.zipped()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len(archive.infolist()) > zipping.MOST_ENTRIES and archive.read("p0.xml") == b""
