"""Inline content of an element → runs, plus the pictures and comments found among them."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostics
from ..media import media_extension
from ..model import LINE_BREAK, Image, Math, Run
from .footnotes import is_reference, reference_id
from .hints import image_from_element, image_from_html
from .maths import read_mathml

STYLE_TAGS = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code",
              "del": "strike", "s": "strike", "strike": "strike", "u": "underline", "ins": "underline",
              "sup": "super", "sub": "sub"}
SCRIPTS = {"super", "sub"}
SPAN_CLASSES = {"underline": "underline", "smallcaps": "small_caps", "mark": "bold"}
LINK_SCHEMES = ("http://", "https://", "mailto:")
RAW_TAG = re.compile(r"^<\s*(/?)\s*([A-Za-z][\w-]*)[^>]*?(/?)\s*>$", re.S)
SPACES = re.compile(r"[ \t\n\r\f\v]+")
MEDIA_OPTIONS = {"autoplay", "loop", "mute", "hide"}  # Deckset's words for how a video plays
RAW_IMG = re.compile(r"^<\s*(?:img|video|audio|source)\b", re.I)  # a picture, or media by its src
OOXML_TEXT = re.compile(r"<a:t(?:\s[^>]*)?>([^<]*)</a:t>")
OOXML_PARAGRAPH = re.compile(r"<a:p[\s>].*?</a:p>", re.S)


def ooxml_paragraphs(raw: str) -> list[str]:
    """The text of each DrawingML paragraph in a piece of raw OpenXML (the whole, if none)."""
    chunks = OOXML_PARAGRAPH.findall(raw) or [raw]
    texts = [" ".join(html.unescape("".join(OOXML_TEXT.findall(chunk))).split()) for chunk in chunks]
    return [text for text in texts if text]


@dataclass
class Inline:
    """What one element holds inline: its runs, then pictures and HTML comments met on the way."""

    runs: list[Run] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # ids of the footnotes cited


def line_of(element, default: int) -> int:
    value = element.get("data-line")
    return int(value) if value and value.isdigit() else default


class InlineReader:
    """Reads inline elements; reports what it cannot show, once per kind of thing and line."""

    def __init__(self, report: Diagnostics):
        self.report = report
        self._reported: set[tuple[int, str]] = set()

    def read(self, element, line: int, children=None, with_text: bool = True) -> Inline:
        """The inline content of `element`: its text and the children given (all by default)."""
        found = Inline()
        html_styles: list[str] = []
        self._walk(element, {}, line, found, html_styles, children, with_text)
        found.runs = tidy(found.runs)
        return found

    def _walk(self, element, style, line, found, html_styles, children=None, with_text=True):
        if with_text:
            self._text(element.text, style, found, html_styles)
        for child in (element if children is None else children):
            self._child(child, style, line_of(child, line), found, html_styles)
            self._text(child.tail, style, found, html_styles)

    def _text(self, text, style, found, html_styles):
        if not text:
            return
        if not html_styles:  # the common case, made quick
            found.runs.append(Run(text=text, **style))
            return
        extra = {name: True for name in html_styles if name not in SCRIPTS}
        extra.update({"script": name for name in html_styles if name in SCRIPTS})
        found.runs.append(Run(text=text, **{**style, **extra}))

    def _child(self, child, style, line, found, html_styles):
        tag = child.tag
        if is_reference(child):
            found.footnotes.append(reference_id(child))
            found.runs.append(Run(text="".join(child.itertext()), script="super"))
        elif tag in STYLE_TAGS:
            name = STYLE_TAGS[tag]
            change = {"script": name} if name in SCRIPTS else {name: True}
            self._walk(child, {**style, **change}, line, found, html_styles)
        elif tag == "span":
            change = {SPAN_CLASSES[name]: True for name in (child.get("class") or "").split() if name in SPAN_CLASSES}
            self._walk(child, {**style, **change}, line, found, html_styles)
        elif tag == "a":
            self._walk(child, {**style, "link": self._link(child.get("href", ""), line)}, line, found, html_styles)
        elif tag == "br":
            found.runs.append(Run(text=LINE_BREAK))
        elif tag == "img":
            self._image(*image_from_element(child, line), found)
        elif tag == "comment":
            found.comments.append((line, child.text or ""))
        elif tag == "raw-inline" and RAW_IMG.match(child.text or ""):
            image = image_from_html(child.text, line)
            if image is not None:
                self._image(*image, found)
        elif tag == "raw-inline":
            self._raw_tag(child.text or "", line, html_styles)
        elif tag == "tex-math":
            found.runs.append(self._math(child, style, line))
        elif tag == "raw-inline-format":
            self._raw_format(child.get("format", ""), child.text or "", line, style, found)
        else:  # any other inline element (sup, span, abbr…): its text is kept
            self._walk(child, style, line, found, html_styles)

    def _math(self, element, style: dict, line: int) -> Run:
        """An equation's run; TeX that cannot be read is shown as written, with a warning."""
        tex, display = element.text or "", element.get("display") == "1"
        mathml, problem = element.get("mathml"), element.get("problem")
        read = read_mathml(mathml) if mathml and not problem else None
        if read is None:
            shown = tex if len(tex) <= 60 else tex[:57] + "…"
            self.report.warn(line, "math", f"equation `{shown}` {problem or 'cannot be read'}; shown as TeX")
            return Run(text=f"$${tex}$$" if display else f"${tex}$", **{**style, "code": True})
        text, lines = read
        return Run(text=text, **{key: value for key, value in style.items() if key != "code"},
                   math=Math(tex=tex, mathml=mathml, display=display, lines=lines))

    def image(self, image: Image, ignored: list[str]) -> Image:
        """`image`, once its missing alt text and unused Marp keywords are reported."""
        if ignored:
            self._once(image.line, f"marp:{image.src}", "image-hint", f"picture {image.src}: Marp's "
                       f"{' '.join(ignored)} has no PowerPoint equivalent here; ignored")
        if media_extension(image.src):
            words = image.alt.replace(",", " ").split()
            playing = [word for word in words if word.lower() in MEDIA_OPTIONS]
            if playing:  # Deckset's ![autoplay, loop](clip.mp4): options, not a caption
                image = replace(image, alt=" ".join(word for word in words if word.lower() not in MEDIA_OPTIONS))
                self._once(image.line, f"media:{image.src}", "media", f"{image.src}: Deckset's {', '.join(playing)} "
                           "is not written; it plays when clicked, with its own controls")
            if not image.alt:
                return image  # media are named by their file (the poster says it too)
        if not image.alt and image.background is None:
            self._once(image.line, f"alt:{image.src}", "alt-text", f"picture {image.src} has no alt text; its "
                       "file name is used as its description (write ![what it shows](path))")
        return image

    def _image(self, image: Image, ignored: list[str], found: Inline) -> None:
        found.images.append(self.image(image, ignored))

    def _link(self, href: str, line: int) -> str | None:
        href = href.strip()
        if href.lower().startswith(LINK_SCHEMES) or href.startswith("#") and len(href) > 1:
            return href  # a slide of the deck: compose.anchors checks it reaches one
        if href:
            self._once(line, f"link:{href}", "link", f"link target {href!r} is not a web or mail address; "
                       "the text is kept without a link")
        return None

    def _raw_tag(self, raw: str, line: int, html_styles: list[str]) -> None:
        match = RAW_TAG.match(raw.strip())
        if not match:
            self._once(line, "raw", "html", f"inline HTML {raw.strip()[:40]!r} is not shown")
            return
        closing, name, _ = match.groups()
        name = name.lower()
        style = STYLE_TAGS.get(name)
        if name in ("video", "audio", "source") and closing:
            return  # the end of a media element, read at its start
        if style is None:
            self._once(line, f"tag:{name}", "html", f"HTML tag <{name}> has no PowerPoint form; its text is kept")
        elif closing:
            if style in html_styles:
                html_styles.remove(style)
        else:
            html_styles.append(style)

    def _raw_format(self, fmt: str, raw: str, line: int, style: dict, found: Inline) -> None:
        """pandoc raw inlines: HTML is read as HTML tags, OpenXML shows its text."""
        if fmt == "html":
            self._raw_tag(raw, line, [])
        elif fmt in ("openxml", "ooxml", "pptx"):
            found.runs.append(Run(text=" ".join(ooxml_paragraphs(raw)), **style))
            self._once(line, "raw:openxml", "raw", "raw OpenXML inline: its text is shown, its markup is not inserted")
        else:
            self._once(line, f"raw:{fmt}", "raw", f"raw {fmt} inline is for another output format; not shown")

    def _once(self, line: int, key: str, code: str, message: str) -> None:
        if (line, key) not in self._reported:
            self._reported.add((line, key))
            self.report.warn(line, code, message)


def tidy(runs: list[Run]) -> list[Run]:
    """Collapse white space as HTML does, trim the paragraph's ends, merge runs of one style."""
    cleaned: list[Run] = []
    for run in runs:
        text = run.text
        if text == LINE_BREAK:
            cleaned.append(run)
            continue
        if not text.isalnum():  # a single word needs no collapsing (most runs hold spaces)
            text = SPACES.sub(" ", text)
        if cleaned and text.startswith(" ") and cleaned[-1].text != LINE_BREAK and cleaned[-1].text.endswith(" "):
            text = text[1:]
        if text:
            cleaned.append(run.with_text(text))
    # No space at the start or end of the paragraph, nor around a forced line break.
    last = len(cleaned) - 1
    for index, run in enumerate(cleaned):
        text = run.text
        if text == LINE_BREAK:
            continue
        if index == 0 or cleaned[index - 1].text == LINE_BREAK:
            text = text.lstrip(" ")
        if index == last or cleaned[index + 1].text == LINE_BREAK:
            text = text.rstrip(" ")
        cleaned[index] = run.with_text(text)
    merged: list[Run] = []
    for run in cleaned:
        if not run.text:
            continue
        if merged and run.text != LINE_BREAK and merged[-1].text != LINE_BREAK \
                and merged[-1].style() == run.style() and run.math is None:
            merged[-1] = merged[-1].with_text(merged[-1].text + run.text)
        else:
            merged.append(run)
    while merged and merged[-1].text == LINE_BREAK:
        merged.pop()
    return merged
