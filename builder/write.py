"""Write a package atomically and reproducibly: same input, same bytes; never a partial file."""
from __future__ import annotations

import datetime
import glob
import io
import os
import tempfile
import zipfile
from pathlib import Path

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold


def source_date() -> datetime.datetime | None:
    """SOURCE_DATE_EPOCH (the reproducible-builds convention) as a UTC date; None when unset."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        return None
    return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).replace(tzinfo=None)


def zip_date() -> tuple[int, int, int, int, int, int]:
    """The date of every zip entry: SOURCE_DATE_EPOCH's when set, never before 1980, which a zip
    cannot hold; else the earliest there is."""
    moment = source_date()
    if moment is None:
        return ZIP_DATE
    moment = min(moment, datetime.datetime(2099, 12, 31, 23, 59, 58))  # the zip format ends in 2107
    return max(ZIP_DATE, (moment.year, moment.month, moment.day, moment.hour, moment.minute,
                          moment.second - moment.second % 2))


def stamped(name: str, date_time: tuple | None = None) -> zipfile.ZipInfo:
    """A zip entry for `name` whose date and attributes are the same on every build; `date_time`
    None: zip_date()'s."""
    info = zipfile.ZipInfo(name, date_time=date_time or zip_date())
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    info.create_system = 0
    return info


def normalise(package: bytes) -> bytes:
    """The package re-zipped with fixed entry dates and attributes, in its own entry order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for entry in source.infolist():
            target.writestr(stamped(entry.filename), source.read(entry.filename))
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it into
    place: a reader sees the old file or the new one, and a failure leaves the old one. The
    temporary files of builds that were killed before they could clean up are removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files left beside `path` by builds whose process is gone (a build
    still running keeps its own); the removed files."""
    removed = []
    for candidate in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = candidate.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            try:
                candidate.unlink()
                removed.append(candidate)
            except OSError:
                pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
