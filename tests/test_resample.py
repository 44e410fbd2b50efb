"""Pictures are stored at most twice their displayed size (1920-px-wide screen), photos as JPEG,
drawings as PNG, never enlarged, each once."""
import pytest
import io
import zipfile

from PIL import Image as PILImage

from builder.resample import MOST, SCREEN_PX

PICTURE = 13


def photo(size=(4000, 3000)) -> PILImage.Image:
    """Smooth light and fine grain, as a camera makes them."""
    base = PILImage.linear_gradient("L").resize(size)
    grain = PILImage.effect_noise(size, 30)
    return PILImage.merge("RGB", (base, PILImage.blend(base, grain, 0.4), grain))


def encoded(image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def shown(prs):
    """(stored pixel size, displayed pixel size, format) of every picture shape."""
    found = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == PICTURE:
                scale = SCREEN_PX / prs.slide_width
                found.append((shape.image.size, (shape.width * scale, shape.height * scale), shape.image.ext))
    return found


@pytest.mark.slow
def test_a_camera_photo_is_stored_at_twice_its_displayed_size_as_jpeg(build_deck):
    data = encoded(photo(), "JPEG", quality=92)
    _, prs = build_deck("## Photo\n\n![a photo](p.jpg)\n", **{"p.jpg": data})
    [(stored, displayed, ext)] = shown(prs)
    assert ext in ("jpg", "jpeg")
    assert stored[0] <= MOST * displayed[0] + 1 and stored[1] <= MOST * displayed[1] + 1
    assert stored[0] >= MOST * displayed[0] - 2 or stored[1] >= MOST * displayed[1] - 2  # sharp enough
    assert len(shape_bytes(prs)) < len(data) / 2


def shape_bytes(prs) -> bytes:
    return next(shape.image.blob for slide in prs.slides for shape in slide.shapes if shape.shape_type == PICTURE)


def test_a_small_picture_is_never_enlarged_and_keeps_its_bytes(build_deck):
    data = encoded(photo((300, 200)), "PNG")
    _, prs = build_deck("## Small\n\n![small](s.png)\n", **{"s.png": data})
    [(stored, displayed, _)] = shown(prs)
    assert stored == (300, 200) and shape_bytes(prs) == data and displayed[0] <= MOST * 300


@pytest.mark.slow
def test_large_drawings_stay_png_and_large_photos_saved_as_png_become_jpeg(build_deck):
    drawing = PILImage.new("RGBA", (5000, 2500), (0, 0, 0, 0))
    drawing.paste((30, 90, 160, 255), (500, 500, 4500, 2000))
    files = {"drawing.png": encoded(drawing, "PNG"), "photo.png": encoded(photo((3000, 2250)), "PNG")}
    _, prs = build_deck("## Drawing\n\n![d](drawing.png)\n\n## Photo\n\n![p](photo.png)\n", **files)
    (drawing_size, _, drawing_ext), (photo_size, _, photo_ext) = shown(prs)
    assert drawing_ext == "png" and drawing_size[0] < 5000
    assert photo_ext in ("jpg", "jpeg") and photo_size[0] < 3000


@pytest.mark.slow
def test_a_picture_shown_twice_is_stored_once_for_its_largest_showing(build_deck):
    data = encoded(photo(), "JPEG", quality=92)
    markdown = "## Alone\n\n![p](p.jpg)\n\n## Beside text\n\nSome words to share the slide with.\n\n![p](p.jpg)\n"
    result, prs = build_deck(markdown, **{"p.jpg": data})
    sizes = shown(prs)
    largest = max(displayed[0] for _, displayed, _ in sizes)
    assert {stored for stored, _, _ in sizes} == {sizes[0][0]} and sizes[0][0][0] <= MOST * largest + 1
    with zipfile.ZipFile(result.output) as package:
        assert len([name for name in package.namelist() if name.startswith("ppt/media/")]) == 1


@pytest.mark.slow
def test_resampled_decks_are_byte_identical(build_deck):
    data = encoded(photo((2500, 1800)), "JPEG", quality=90)
    first, _ = build_deck("## P\n\n![p](p.jpg)\n", name="one", **{"p.jpg": data})
    second, _ = build_deck("## P\n\n![p](p.jpg)\n", name="two", **{"p.jpg": data})
    assert first.output.read_bytes() == second.output.read_bytes()
