"""What a build may read: files inside the Markdown file's project, the web only when allowed."""
from __future__ import annotations

import base64
import binascii
import os
import re
import stat
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

PROJECT_MARKERS = ("pyproject.toml", "deck.toml", ".git")
DEFAULT_MAX_PIXELS = 64_000_000  # a 64-megapixel picture decodes to 256 MB: beyond it, refuse
DEFAULT_TIMEOUT = 10.0  # seconds for one picture from the web
DEFAULT_MAX_BYTES = 20_000_000  # bytes of one picture, from the web or a data: URI
MAX_FILE_BYTES = 200_000_000  # bytes of one picture or template file on disk: read in full, so bounded
WEB = ("http://", "https://")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+):")  # two letters at least: C:\ is a path


def project_root(source: Path) -> Path:
    """The folder a deck's files may come from: the nearest folder above `source` holding a
    pyproject.toml, deck.toml or .git; else the current folder when `source` is inside it
    (`deck build` run in the project); else the folder of `source` itself."""
    folder = source.resolve().parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
            return candidate
    here = Path.cwd().resolve()
    return here if folder.is_relative_to(here) else folder


@dataclass(frozen=True)
class Access:
    """What one build may read. `root` None: the folder of each source decides (project_root)."""

    root: Path | None = None
    allow_outside: bool = False
    allow_remote: bool = False
    max_pixels: int = DEFAULT_MAX_PIXELS
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


class Refused(Exception):
    """A picture this build may not or cannot have; the message says why, for a warning."""

    def __init__(self, code: str, message: str, reason: str):
        super().__init__(message)
        self.code, self.reason = code, reason


def read_picture(src: str, folder: Path, access: Access) -> bytes:
    """The bytes `src` names: a path relative to `folder`, a data: URI, or (when allowed) an
    http(s) address. Raises Refused."""
    if src.startswith("//"):
        src = "https:" + src
    scheme = SCHEME.match(src)
    if scheme is None:
        return _read_file(src, folder, access)
    name = scheme.group(1).lower()
    if name == "data":
        return _read_data(src, access)
    if name in ("http", "https"):
        if not access.allow_remote:
            raise Refused("image-remote", f"picture {src} is on the web and is not fetched (--allow-remote "
                          "fetches it); a placeholder is shown", "not fetched from the web")
        return _fetch(src, access)
    raise Refused("image-scheme", f"picture {src}: {name}: addresses are not read; a placeholder is shown",
                  f"{name}: is not read")


def _read_file(src: str, folder: Path, access: Access) -> bytes:
    return read_local(src, folder, access, "picture", "image", "; a placeholder is shown")


def read_local(src: str, folder: Path, access: Access, what: str = "file", code: str = "file",
               outcome: str = "") -> bytes:
    """The bytes of the file `src` names, relative to `folder`, if `access` allows it. Raises
    Refused, whose message names `what` is read and ends with `outcome`."""
    src = urllib.parse.unquote(src) if "%" in src and not (folder / src).exists() else src
    path = (folder / src).resolve()  # symlinks followed: where the file really is decides
    root = (access.root or folder).resolve()
    if not access.allow_outside and not path.is_relative_to(root):
        raise Refused(f"{code}-outside", f"{what} {src} is outside the project ({root}); it is not read "
                      f"(--allow-outside reads it){outcome}", "outside the project")
    return read_regular(path, MAX_FILE_BYTES, f"{what} {src}", code, outcome)


def read_regular(path: Path, limit: int, named: str, code: str = "file", outcome: str = "") -> bytes:
    """The bytes of `path` when it is a regular file of at most `limit` bytes: a FIFO, a device
    or a folder is refused before anything is read from it (a FIFO would block forever), a file
    too large before it is read (it would be read whole). Raises Refused, whose message begins
    with `named` and ends with `outcome`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise Refused(f"{code}-missing", f"{named} not found{outcome}", "not found") from None
    except IsADirectoryError:
        raise Refused(f"{code}-unreadable", f"{named} is a folder{outcome}", "a folder") from None
    except OSError as error:
        raise Refused(f"{code}-unreadable", f"{named} cannot be read ({error.strerror}){outcome}",
                      "cannot be read") from None
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if stat.S_ISDIR(status.st_mode):
            raise Refused(f"{code}-unreadable", f"{named} is a folder{outcome}", "a folder")
        if not stat.S_ISREG(status.st_mode):
            raise Refused(f"{code}-unreadable", f"{named} is not a regular file (a pipe or a device); it is not "
                          f"read{outcome}", "not a regular file")
        if status.st_size > limit:
            raise Refused(f"{code}-too-large", f"{named} is {status.st_size:,} bytes, more than {limit:,}; it is "
                          f"not read{outcome}", "too large")
        data = stream.read(limit + 1)
    if len(data) > limit:  # it grew while it was read
        raise Refused(f"{code}-too-large", f"{named} is more than {limit:,} bytes; it is not read{outcome}",
                      "too large")
    return data


def _read_data(src: str, access: Access) -> bytes:
    header, _, payload = src.partition(",")
    try:
        data = base64.b64decode(payload, validate=False) if header.endswith(";base64") \
            else urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        raise Refused("image-unreadable", "picture in a data: URI that is not valid base64; a placeholder is "
                      "shown", "invalid data: URI") from None
    if len(data) > access.max_bytes:
        raise Refused("image-too-large", f"picture in a data: URI of {len(data)} bytes, more than "
                      f"{access.max_bytes}; a placeholder is shown", "too large")
    return data


def _fetch(url: str, access: Access) -> bytes:
    """The picture at `url`: every redirect checked before it is followed (it may not leave
    http(s)), the whole download within one deadline of `access.timeout` seconds however the
    server trickles, at most `access.max_bytes`. Raises Refused."""
    import time
    import urllib.error
    import urllib.request  # only when the web is allowed: it costs a tenth of a second to import

    class CheckedRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not str(newurl).lower().startswith(WEB):  # checked before anything connects there
                raise Refused("image-remote", f"picture {url} redirects to {newurl}, outside the web; a placeholder "
                              "is shown", "redirected")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.OpenerDirector()  # http(s) only: no file:, ftp: or data: handlers to redirect to
    for handler in (urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(), CheckedRedirects(),
                    urllib.request.HTTPErrorProcessor(), urllib.request.HTTPDefaultErrorHandler()):
        opener.add_handler(handler)
    deadline = time.monotonic() + access.timeout
    request = urllib.request.Request(url, headers={"User-Agent": "deck"})
    chunks, size = [], 0
    try:
        with opener.open(request, timeout=access.timeout) as response:
            if not response.geturl().lower().startswith(WEB):
                raise Refused("image-remote", f"picture {url} redirects outside the web; a placeholder is "
                              "shown", "redirected")
            while size <= access.max_bytes:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise Refused("image-remote", f"picture {url} took more than {access.timeout:g} s to fetch; a "
                                  "placeholder is shown", "too slow")
                sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
                if sock is not None:
                    sock.settimeout(remaining)  # no single read may outlast the deadline either
                chunk = response.read1(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except Refused:
        raise
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        if isinstance(reason, TimeoutError) or time.monotonic() >= deadline:
            raise Refused("image-remote", f"picture {url} took more than {access.timeout:g} s to fetch; a "
                          "placeholder is shown", "too slow") from None
        raise Refused("image-remote", f"picture {url} could not be fetched ({reason}); a placeholder is shown",
                      "could not be fetched") from None
    if size > access.max_bytes:
        raise Refused("image-too-large", f"picture {url} is larger than {access.max_bytes} bytes; it is not "
                      "read; a placeholder is shown", "too large")
    return b"".join(chunks)
