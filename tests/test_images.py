"""Loading pictures: formats, conversion, and every failure as a warning."""
import io

from PIL import Image as PILImage

from builder.diagnostics import Diagnostics
from builder.images import MissingPicture, Picture, load_picture
from builder.model import Image


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
