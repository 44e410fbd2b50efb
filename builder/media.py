"""Video and audio: the file embedded as it is, and a poster frame to show until it plays."""
from __future__ import annotations

import io
from pathlib import PurePosixPath

# extension → (kind, content type) of the media PowerPoint plays
MEDIA = {"mp4": ("video", "video/mp4"), "m4v": ("video", "video/x-m4v"), "mov": ("video", "video/quicktime"),
         "webm": ("video", "video/webm"), "avi": ("video", "video/x-msvideo"), "wmv": ("video", "video/x-ms-wmv"),
         "mp3": ("audio", "audio/mpeg"), "m4a": ("audio", "audio/mp4"), "wav": ("audio", "audio/wav"),
         "ogg": ("audio", "audio/ogg"), "aac": ("audio", "audio/aac"), "flac": ("audio", "audio/flac")}
POSTER = (1280, 720)
AUDIO_POSTER = (480, 480)


def media_extension(src: str) -> str | None:
    """The media extension of `src` (a path or address; None: it names no video or audio)."""
    suffix = PurePosixPath(src.split("?")[0].split("#")[0]).suffix.lower().lstrip(".")
    return suffix if suffix in MEDIA else None


def poster(name: str, kind: str) -> tuple[bytes, int, int]:
    """A neutral poster (PNG, width, height): the file's name under a play or speaker mark. The
    first frame of a video would need a decoder of video, which nothing installed here has."""
    from PIL import Image, ImageDraw

    width, height = POSTER if kind == "video" else AUDIO_POSTER
    image = Image.new("RGB", (width, height), (38, 50, 66))
    draw = ImageDraw.Draw(image)
    middle_x, middle_y, size = width // 2, height // 2 - height // 12, height // 6
    if kind == "video":
        draw.polygon([(middle_x - size // 2, middle_y - size), (middle_x - size // 2, middle_y + size),
                      (middle_x + size, middle_y)], fill=(235, 240, 245))
    else:
        draw.rectangle((middle_x - size, middle_y - size // 2, middle_x - size // 3, middle_y + size // 2),
                       fill=(235, 240, 245))
        draw.polygon([(middle_x - size // 3, middle_y - size // 2), (middle_x + size // 2, middle_y - size),
                      (middle_x + size // 2, middle_y + size), (middle_x - size // 3, middle_y + size // 2)],
                     fill=(235, 240, 245))
    label = name if len(name) <= 60 else name[:57] + "…"
    try:
        from PIL import ImageFont
        font = ImageFont.load_default(size=max(16, height // 18))
    except (TypeError, OSError):  # Pillow before 10.1 has one size only
        from PIL import ImageFont
        font = ImageFont.load_default()
    box = draw.textbbox((0, 0), label, font=font)
    draw.text(((width - (box[2] - box[0])) // 2, middle_y + size + height // 12), label, fill=(235, 240, 245), font=font)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue(), width, height
