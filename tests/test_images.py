"""Loading pictures: formats, conversion, what may be read, and every failure as a warning."""
import http.server
import io
import os
import struct
import threading
import time
import zlib

import pytest
from PIL import Image as PILImage

from builder.access import Access
from builder.diagnostics import Diagnostics
from builder.images import MissingPicture, Picture, load_picture
from builder.model import Image
from tests.conftest import audit_problems, needs_audit


def encoded(fmt: str, size=(64, 48), mode="RGB") -> bytes:
    out = io.BytesIO()
    PILImage.new(mode, size, (10, 120, 200) if mode == "RGB" else 128).save(out, format=fmt)
    return out.getvalue()


def load(tmp_path, name: str, data: bytes | None):
    if data is not None:
        (tmp_path / name).write_bytes(data)
    report = Diagnostics("deck.md")
    return load_picture(Image(name, "alt", 7), tmp_path, report), report


def test_png_is_kept_byte_for_byte(tmp_path):
    data = encoded("PNG")
    picture, report = load(tmp_path, "a.png", data)
    assert isinstance(picture, Picture) and picture.data == data and (picture.width, picture.height) == (64, 48)
    assert not report.items


def test_webp_is_converted_to_png(tmp_path):
    picture, _ = load(tmp_path, "a.webp", encoded("WEBP"))
    assert picture.ext == "png" and picture.data.startswith(b"\x89PNG")


def test_jpeg_rotated_by_exif_is_made_upright(tmp_path):
    image = PILImage.new("RGB", (80, 40), (200, 30, 30))
    exif = image.getexif()
    exif[0x0112] = 6  # rotated 90° clockwise
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    picture, _ = load(tmp_path, "a.jpg", out.getvalue())
    assert (picture.width, picture.height) == (40, 80)


def test_missing_picture_is_a_warning_with_its_line(tmp_path):
    picture, report = load(tmp_path, "gone.png", None)
    assert isinstance(picture, MissingPicture)
    [warning] = report.warnings
    assert warning.line == 7 and "gone.png" in warning.message and str(warning).startswith("deck.md:7:")


def test_text_file_named_png_is_a_warning(tmp_path):
    picture, report = load(tmp_path, "fake.png", b"not an image at all")
    assert isinstance(picture, MissingPicture) and report.warnings[0].code == "image-unreadable"


def test_truncated_png_is_a_warning(tmp_path):
    picture, report = load(tmp_path, "cut.png", encoded("PNG", (300, 300))[:120])
    assert isinstance(picture, MissingPicture) and report.warnings


def test_remote_picture_is_not_fetched(tmp_path):
    report = Diagnostics("deck.md")
    picture = load_picture(Image("https://example.com/a.png", "", 2), tmp_path, report)
    assert isinstance(picture, MissingPicture) and report.warnings[0].code == "image-remote"


# -- hostile and unusual pictures ----------------------------------------------------------

def declared_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares `width`×`height` pixels (a decompression bomb's shape)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + \
        chunk(b"IEND", b"")


def load_with(tmp_path, src: str, access: Access):
    report = Diagnostics("deck.md")
    return load_picture(Image(src, "alt", 3), tmp_path, report, access), report


def test_zero_byte_file_is_a_warning(tmp_path):
    picture, report = load(tmp_path, "empty.png", b"")
    assert isinstance(picture, MissingPicture) and "empty file" in report.warnings[0].message


def test_a_png_declaring_30000_by_30000_pixels_is_refused_before_decoding(tmp_path):
    picture, report = load(tmp_path, "bomb.png", declared_png(30000, 30000))
    assert isinstance(picture, MissingPicture) and report.warnings[0].code == "image-too-large"
    assert "30000×30000" in report.warnings[0].message


def test_the_pixel_limit_is_configurable(tmp_path):
    (tmp_path / "a.png").write_bytes(encoded("PNG"))
    refused, report = load_with(tmp_path, "a.png", Access(max_pixels=1000))
    allowed, _ = load_with(tmp_path, "a.png", Access(max_pixels=64 * 48))
    assert isinstance(refused, MissingPicture) and report.warnings[0].code == "image-too-large"
    assert isinstance(allowed, Picture)


def test_an_animated_gif_shows_its_first_frame(tmp_path):
    frames = [PILImage.new("RGB", (40, 30), colour) for colour in ((200, 0, 0), (0, 200, 0), (0, 0, 200))]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    picture, report = load(tmp_path, "anim.gif", out.getvalue())
    assert picture.ext == "png" and [item.code for item in report.items] == ["image-animated"]
    with PILImage.open(io.BytesIO(picture.data)) as shown:
        assert getattr(shown, "n_frames", 1) == 1 and shown.convert("RGB").getpixel((5, 5))[0] > 150


def test_a_cmyk_jpeg_becomes_rgb_with_its_colours(tmp_path):
    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), (220, 40, 40)).convert("CMYK").save(out, format="JPEG", quality=95)
    picture, _ = load(tmp_path, "cmyk.jpg", out.getvalue())
    with PILImage.open(io.BytesIO(picture.data)) as shown:
        red, green, blue = shown.getpixel((20, 15))
        assert shown.mode == "RGB" and red > 180 and green < 90 and blue < 90


def test_a_16_bit_png_is_embedded(tmp_path):
    out = io.BytesIO()
    PILImage.new("I;16", (40, 30), 40000).save(out, format="PNG")
    picture, report = load(tmp_path, "deep.png", out.getvalue())
    assert isinstance(picture, Picture) and (picture.width, picture.height) == (40, 30) and not report.items


def test_svg_is_embedded_with_a_png_of_it(tmp_path):
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    for name in ("drawing.svg", "drawing.png"):  # found by its content too
        picture, report = load(tmp_path, name, svg)
        assert isinstance(picture, Picture) and picture.svg is not None and not report.items
        assert picture.data.startswith(b"\x89PNG") and (picture.width, picture.height) == (10, 10)


def test_a_hostile_svg_is_a_clear_warning_with_a_placeholder(tmp_path):
    svg = b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    picture, report = load(tmp_path, "drawing.svg", svg)
    assert isinstance(picture, MissingPicture) and report.warnings[0].code == "image-svg"
    assert "declares a DTD or entities" in report.warnings[0].message


def test_a_data_uri_picture_is_read(tmp_path):
    import base64

    uri = "data:image/png;base64," + base64.b64encode(encoded("PNG")).decode()
    picture, report = load_with(tmp_path, uri, Access())
    assert isinstance(picture, Picture) and (picture.width, picture.height) == (64, 48) and not report.items


@pytest.mark.parametrize("src", ["../../../outside.png", "ABSOLUTE", "link.png"])
def test_paths_leaving_the_project_are_refused_unless_allowed(tmp_path, src):
    project, outside = tmp_path / "project", tmp_path / "outside.png"
    (project / "a" / "b").mkdir(parents=True)
    outside.write_bytes(encoded("PNG"))
    os.symlink(outside, project / "a" / "b" / "link.png")
    src = str(outside) if src == "ABSOLUTE" else src
    folder = project / "a" / "b"
    refused, report = load_with(folder, src, Access(root=project))
    assert isinstance(refused, MissingPicture) and report.warnings[0].code == "image-outside"
    allowed, _ = load_with(folder, src, Access(root=project, allow_outside=True))
    assert isinstance(allowed, Picture)


def test_a_path_inside_the_project_but_above_the_markdown_folder_is_read(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "slides").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(encoded("PNG"))
    picture, report = load_with(tmp_path / "slides", "../img/a.png", Access(root=tmp_path))
    assert isinstance(picture, Picture) and not report.items


@pytest.mark.parametrize("src", ["file:///etc/hostname", "ftp://example.com/a.png", "javascript:alert(1)"])
def test_other_schemes_are_never_read(tmp_path, src):
    picture, report = load_with(tmp_path, src, Access(allow_outside=True, allow_remote=True))
    assert isinstance(picture, MissingPicture) and report.warnings[0].code == "image-scheme"


@pytest.fixture
def web(tmp_path):
    """A web server on localhost serving tmp_path/www; /slow answers after two seconds."""
    root = tmp_path / "www"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def do_GET(self):
            if self.path == "/slow.png":
                time.sleep(2)
            return super().do_GET()

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = False  # request threads are joined on close: none outlives the test

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.slow
def test_remote_pictures_are_fetched_only_when_allowed(tmp_path, web):
    root, base = web
    (root / "a.png").write_bytes(encoded("PNG"))
    refused, report = load_with(tmp_path, f"{base}/a.png", Access())
    assert isinstance(refused, MissingPicture) and "--allow-remote" in report.warnings[0].message
    fetched, report = load_with(tmp_path, f"{base}/a.png", Access(allow_remote=True))
    assert isinstance(fetched, Picture) and not report.items


@pytest.mark.slow
def test_remote_pictures_have_a_size_cap_and_a_timeout(tmp_path, web):
    root, base = web
    (root / "big.png").write_bytes(encoded("PNG", (600, 600)))
    (root / "slow.png").write_bytes(encoded("PNG"))
    big, report = load_with(tmp_path, f"{base}/big.png", Access(allow_remote=True, max_bytes=500))
    assert isinstance(big, MissingPicture) and report.warnings[0].code == "image-too-large"
    started = time.monotonic()
    slow, report = load_with(tmp_path, f"{base}/slow.png", Access(allow_remote=True, timeout=0.5))
    assert isinstance(slow, MissingPicture) and report.warnings[0].code == "image-remote"
    assert time.monotonic() - started < 1.9


def picture_cases(tmp_path) -> dict[str, bytes]:
    frames = [PILImage.new("RGB", (40, 30), colour) for colour in ((200, 0, 0), (0, 0, 200))]
    gif = io.BytesIO()
    frames[0].save(gif, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    cmyk = io.BytesIO()
    PILImage.new("RGB", (400, 300), (220, 40, 40)).convert("CMYK").save(cmyk, format="JPEG")
    deep = io.BytesIO()
    PILImage.new("I;16", (400, 300), 40000).save(deep, format="PNG")
    turned = PILImage.new("RGB", (400, 200), (30, 30, 200))
    exif = turned.getexif()
    exif[0x0112] = 6
    rotated = io.BytesIO()
    turned.save(rotated, format="JPEG", exif=exif)
    return {"zero.png": b"", "cut.png": encoded("PNG", (300, 300))[:120], "text.png": b"just words",
            "bomb.png": declared_png(30000, 30000), "anim.gif": gif.getvalue(), "cmyk.jpg": cmyk.getvalue(),
            "deep.png": deep.getvalue(), "rotated.jpg": rotated.getvalue(),
            "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>',
            "linked.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hosts"/></svg>'}


@pytest.fixture
def picture_deck(tmp_path_factory, build_deck):
    files = picture_cases(None)
    outside = tmp_path_factory.mktemp("elsewhere") / "outside.png"
    outside.write_bytes(encoded("PNG"))
    sources = list(files) + ["missing.png", "https://example.com/remote.png", str(outside)]
    markdown = "".join(f"## Case {n}\n\n![case {n}]({src})\n\n" for n, src in enumerate(sources))
    return build_deck(markdown, name="pictures", **files), sources


def test_every_picture_case_builds_a_valid_deck_with_a_placeholder_or_the_picture(picture_deck):
    (result, prs), sources = picture_deck
    shown = {n: [shape.shape_type for shape in slide.shapes][1:] for n, slide in enumerate(prs.slides)}
    pictures = [n for n, kinds in shown.items() if kinds == [13]]
    assert [sources[n] for n in pictures] == ["anim.gif", "cmyk.jpg", "deep.png", "rotated.jpg", "drawing.svg"]
    assert all(kinds == [1] for n, kinds in shown.items() if n not in pictures)  # placeholder frames
    assert {item.code for item in result.warnings} == {"image-unreadable", "image-too-large", "image-svg",
                                                        "image-missing", "image-remote", "image-outside"}
    assert len(result.warnings) == len(sources) - len(pictures)


@needs_audit
def test_the_picture_cases_deck_audits_clean(picture_deck):
    (result, _), _ = picture_deck
    assert audit_problems(result.output, result.source) == {}


def test_a_video_is_read_as_it_is_with_a_neutral_poster(tmp_path):
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(200))
    picture, report = load_with(tmp_path, "clip.mp4", Access())
    assert isinstance(picture, Picture) and not report.items
    assert picture.media == (tmp_path / "clip.mp4").read_bytes() and picture.media_ext == "mp4"
    assert picture.ext == "png" and (picture.width, picture.height) == (1280, 720)
