"""One laid-out slide as slide XML text and its relationships (and its notes page, when it has notes)."""
from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from ..geometry import PLACEHOLDER_ROLE
from ..placed import ChartFrame, DiagramFrame, Panel, PictureFrame, PlacedParagraph, PlacedSlide, PlaceholderFrame, TableFrame, TextFrame
from . import shapes
from ..media import MEDIA
from ..write import source_date
from .builds import timing_xml
from .charts import CHART_TYPE, WORKBOOK_TYPE, chart_xml, graphic_frame, workbook
from .diagrams import DiagramWriter
from .furniture import furniture_xml
from .package import Package, Relations
from .text import TextWriter
from .xml import attribute

NOTES_PT = 12.0
PLACEHOLDER_KINDS = {**PLACEHOLDER_ROLE, "text": ()}  # "text": a text box of our own, never a placeholder
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_LAYOUT, RT_SLIDE, RT_IMAGE, RT_LINK = _R + "slideLayout", _R + "slide", _R + "image", _R + "hyperlink"
RT_NOTES, RT_NOTES_MASTER = _R + "notesSlide", _R + "notesMaster"
_CT = "application/vnd.openxmlformats-officedocument.presentationml."
SLIDE_TYPE, NOTES_TYPE = _CT + "slide+xml", _CT + "notesSlide+xml"
IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
               "svg": "image/svg+xml", **{ext: content for ext, (_, content) in MEDIA.items()}}
SLIDE_HEAD = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
              '<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><p:cSld>')
TREE_HEAD = ('<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
             '<p:grpSpPr/>')
SLIDE_TAIL = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
SLIDE_END = "</p:sld>"


EPOCH = datetime.datetime(2000, 1, 1)  # the workbook's date without SOURCE_DATE_EPOCH, as the deck's

# stand-ins for part names a written slide's relationships point to, named when it is added
IMAGE, NOTES, SLIDE, JUMP, CHART = "\0image:", "\0notes", "\0slide", "\0jump:", "\0chart:"
RT_CHART, RT_PACKAGE = _R + "chart", _R + "package"
RT_MEDIA = "http://schemas.microsoft.com/office/2007/relationships/media"
JUMP_ACTION = "ppaction://hlinksldjump"


@dataclass(frozen=True)
class Written:
    """A slide as XML, before it is added: its relationships (targets may be stand-ins), its
    pictures (SHA-1, extension, bytes) in order, and its notes page (XML, relationships) or None."""

    xml: bytes
    relationships: tuple
    images: tuple
    notes: tuple | None
    charts: tuple = ()  # (chart XML, workbook) of each chart, in order


def transition_xml(name: str | None) -> str:
    """The slide's <p:transition> for our transition `name` (None or "none": none)."""
    from ..compose.transitions import TRANSITIONS

    found = TRANSITIONS.get(name) if name else None
    if found is None:
        return ""
    element, attributes = found
    return f'<p:transition spd="med"><p:{element}{attributes}/></p:transition>'


def highest(names, prefix: str) -> int:
    """The highest number among part names `prefix<N>.ext`, 0 when there is none."""
    numbers = [0]
    for name in names:
        if name.startswith(prefix):
            digits = name[len(prefix):].split(".", 1)[0]
            if digits.isdigit():
                numbers.append(int(digits))
    return max(numbers)


class DeckWriter:
    """Adds slides, notes pages and pictures to `package`, numbered from the template's parts."""

    def __init__(self, template, package: Package, lang: str | None, transition: str | None = None):
        self.template = template
        self.info = template.info
        self.package = package
        self.lang = lang
        self.presentation = package.parts[template.presentation][2]
        names = list(package.parts)
        self.numbers = {prefix: highest(names, prefix) for prefix in
                        ("/ppt/slides/slide", "/ppt/notesSlides/notesSlide", "/ppt/media/image", "/ppt/charts/chart",
                         "/ppt/embeddings/Microsoft_Excel_Worksheet")}
        self.images = dict(template.images)
        self.slide_ids: list[tuple[int, str]] = []
        self.notes_master_added = False
        self.notes_master_rid: str | None = None  # the presentation's relationship to the notes master
        self.run_properties: dict = {}  # shared by the deck's TextWriters
        self.transition = transition  # every slide's, unless it has its own; None: none
        self.jumps: dict[str, str] = {}  # a slide's part name by its first anchor (set by name_jumps)
        self.canonical: dict[str, str] = {}
        self.jump_key: tuple = ()

    def name_jumps(self, slides) -> None:
        """Each anchor of `slides` (all of the deck's, in order) with the part name its slide will get."""
        first = self.numbers["/ppt/slides/slide"]
        self.jumps = {placed.anchors[0]: f"/ppt/slides/slide{first + number}.xml"
                      for number, placed in enumerate(slides, start=1) if placed.anchors}
        # a slide reached by two names is one relationship: each name stands for its slide's first
        self.canonical = {anchor: placed.anchors[0] for placed in slides for anchor in placed.anchors}
        self.jump_key = tuple(sorted(self.canonical.items()))

    def _next_name(self, prefix: str, suffix: str) -> str:
        self.numbers[prefix] += 1
        return f"{prefix}{self.numbers[prefix]}{suffix}"

    def layout_of(self, placed: PlacedSlide):
        """The template layout `placed` is built on: the one its author named, else its role's."""
        if placed.layout_index is not None:
            return self.template.layouts[placed.layout_index]
        info = self.info.layouts.get(placed.role) or self.info.layouts["content"]
        return self.template.layouts[info.index]

    def image(self, data: bytes, ext: str, digest: str | None = None) -> str:
        """The part name of the image `data`, stored once however many slides show it."""
        digest = digest or hashlib.sha1(data).hexdigest()
        name = self.images.get(digest)
        if name is None:
            name = self.images[digest] = self._next_name("/ppt/media/image", f".{ext}")
            self.package.add(name, IMAGE_TYPES[ext], data)
        return name

    def slide(self, placed: PlacedSlide, number: int, furniture: tuple = (None, None, False),
              last: dict | None = None, now: dict | None = None) -> None:
        """`placed` added as the next slide, with the `furniture` (footer, date, slide numbers)
        asked for: as the last build of the deck wrote it when `last` has it, and kept in `now`
        (None: neither) for the next."""
        key = (placed, number, furniture, self.transition, self.jump_key)
        written = last.get(key) if last is not None else None
        if written is None:
            written = self.write(placed, number, furniture)
        if now is not None:
            now[key] = written
        self.add(written)

    def add(self, written: Written) -> None:
        """A written slide added as the next one: its pictures, notes page and relationships named."""
        name = self._next_name("/ppt/slides/slide", ".xml")
        self.slide_ids.append((256 + len(self.slide_ids), self.presentation.relate(RT_SLIDE, name)))
        targets = {f"{IMAGE}{digest}": self.image(data, ext, digest) for digest, ext, data in written.images}
        if written.notes is not None:
            targets[NOTES] = self._notes_page(written.notes, name)
        for index, (chart, book) in enumerate(written.charts):
            embedding = self._next_name("/ppt/embeddings/Microsoft_Excel_Worksheet", ".xlsx")
            self.package.add(embedding, WORKBOOK_TYPE, book)
            part = targets[f"{CHART}{index}"] = self._next_name("/ppt/charts/chart", ".xml")
            chart_rels = Relations()
            chart_rels.relate(RT_PACKAGE, embedding)
            self.package.add(part, CHART_TYPE, chart, chart_rels)
        rels = Relations()
        for _, reltype, target, external in written.relationships:
            if target.startswith(JUMP):
                target = self.jumps.get(target[len(JUMP):], name)  # checked by compose: never missing
            rels.relate(reltype, targets.get(target, target), external)
        self.package.add(name, SLIDE_TYPE, written.xml, rels)

    def write(self, placed: PlacedSlide, number: int, furniture: tuple) -> Written:
        """`placed` as slide XML text whose pictures and notes page are not named yet."""
        layout = self.layout_of(placed)
        rels = Relations()
        rels.relate(RT_LAYOUT, layout.name)
        images: dict[str, tuple] = {}
        writer = TextWriter(lambda url: rels.relate(RT_SLIDE, JUMP + self.canonical.get(url[1:], url[1:]))
                            if url.startswith("#")
                            else rels.relate(RT_LINK, url, True), self.lang, self.info.fonts,
                            placed.text_colour, self.info.background, self.run_properties)
        free = list(layout.placeholders)
        filled: dict[int, str] = {}
        next_id = max([1] + [ph.shape_id for ph in free]) + 1
        used_ids = [1]
        behind, front = [], []
        charts: list[tuple[bytes, bytes]] = []
        played: list[tuple[int, str]] = []  # (shape id, "video" or "audio") of the media shown
        builds: list[tuple[int, tuple[int, ...]]] = []  # (shape id, each paragraph's click)
        for frame in placed.frames:
            if isinstance(frame, TextFrame):
                placeholder = next((ph for ph in free if ph.kind in PLACEHOLDER_KINDS[frame.role]), None)
                if placeholder is not None:
                    free.remove(placeholder)
                    filled[placeholder.shape_id] = shapes.filled_placeholder(placeholder.properties, frame, writer)
                    used_ids.append(placeholder.shape_id)
                    if any(p.click for p in frame.paragraphs):
                        builds.append((placeholder.shape_id, tuple(p.click for p in frame.paragraphs)))
                    continue
            shape_id, next_id = next_id, next_id + 1
            used_ids.append(shape_id)
            if isinstance(frame, ChartFrame):
                rid = rels.relate(RT_CHART, f"{CHART}{len(charts)}")
                charts.append((chart_xml(frame.chart, self.lang), workbook(frame.chart, source_date() or EPOCH)))
                front.append(graphic_frame(shape_id, frame.box, frame.alt, rid))
            elif isinstance(frame, DiagramFrame):
                diagrams = DiagramWriter(placed.background_colour or self.info.background, self.info.fonts.body,
                                         self.lang)
                front.append(diagrams.group(shape_id, frame))
                next_id += len(frame.drawing.items)
                used_ids.append(next_id - 1)
            elif isinstance(frame, Panel):
                behind.append(shapes.panel(shape_id, frame))
            elif isinstance(frame, PictureFrame):
                digest = hashlib.sha1(frame.picture.data).hexdigest()
                images.setdefault(digest, (digest, frame.picture.ext, frame.picture.data))
                vector = None
                if frame.picture.svg is not None:
                    svg_digest = hashlib.sha1(frame.picture.svg).hexdigest()
                    images.setdefault(svg_digest, (svg_digest, "svg", frame.picture.svg))
                    vector = rels.relate(RT_IMAGE, f"{IMAGE}{svg_digest}")
                media = None
                if frame.picture.media is not None:
                    media_digest = hashlib.sha1(frame.picture.media).hexdigest()
                    images.setdefault(media_digest, (media_digest, frame.picture.media_ext, frame.picture.media))
                    kind = MEDIA[frame.picture.media_ext][0]
                    media = (kind, rels.relate(_R + kind, f"{IMAGE}{media_digest}"),
                             rels.relate(RT_MEDIA, f"{IMAGE}{media_digest}"))
                    played.append((shape_id, kind))
                xml = shapes.picture(shape_id, frame, rels.relate(RT_IMAGE, f"{IMAGE}{digest}"), vector, media)
                (behind if frame.background else front).append(xml)
            elif isinstance(frame, TextFrame):
                front.append(shapes.text_box(shape_id, frame, writer))
                if any(p.click for p in frame.paragraphs):
                    builds.append((shape_id, tuple(p.click for p in frame.paragraphs)))
            elif isinstance(frame, PlaceholderFrame):
                front.append(shapes.missing_picture(shape_id, frame, writer))
            elif isinstance(frame, TableFrame):
                front.append(shapes.table(shape_id, frame, writer))
        # an empty placeholder would show "Click to add text" while editing: only filled ones are kept
        kept = [filled[ph.shape_id] for ph in layout.placeholders if ph.shape_id in filled]
        if any(furniture) and placed.role != "title":
            front.append(furniture_xml(layout, max(used_ids) + 1, self.lang, number, *furniture))
        notes = None
        if placed.notes and self.template.notes is not None:
            notes = self._write_notes(placed)
            rels.relate(RT_NOTES, NOTES)
        background = ""
        if placed.background_colour:
            background = (f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{attribute(placed.background_colour)}"/>'
                          '</a:solidFill><a:effectLst/></p:bgPr></p:bg>')
        xml = "".join([SLIDE_HEAD, background, TREE_HEAD, *behind, *kept, *front, SLIDE_TAIL,
                       transition_xml(placed.transition or self.transition), timing_xml(builds, played), SLIDE_END])
        return Written(xml.encode("utf-8"), tuple(rels.items), tuple(images.values()), notes, tuple(charts))

    def _write_notes(self, placed: PlacedSlide) -> tuple[bytes, tuple]:
        notes = self.template.notes
        rels = Relations()
        rels.relate(RT_NOTES_MASTER, notes.master)
        rels.relate(RT_SLIDE, SLIDE)
        paragraphs = tuple(PlacedParagraph(runs=p.runs, size=NOTES_PT) for p in placed.notes)
        writer = TextWriter(lambda url: rels.relate(RT_LINK, url, True), self.lang, self.info.fonts,
                            properties=self.run_properties, native_equations=False)  # white pages; TeX
        return (notes.head + writer.fill(paragraphs) + notes.tail).encode("utf-8"), tuple(rels.items)

    def _notes_page(self, written: tuple[bytes, tuple], slide_name: str) -> str:
        """The name of the notes page `written` (XML, relationships) of slide `slide_name`, added now."""
        notes = self.template.notes
        name = self._next_name("/ppt/notesSlides/notesSlide", ".xml")
        if not self.notes_master_added:
            for part in notes.new_parts:  # the template had none: the notes master comes with the first page
                self.package.add(part.name, part.content_type, part.blob, Relations(part.relationships))
            self.notes_master_rid = self.presentation.relate(RT_NOTES_MASTER, notes.master)
            self.notes_master_added = True
        xml, items = written
        rels = Relations()
        for _, reltype, target, external in items:
            rels.relate(reltype, slide_name if target == SLIDE else target, external)
        self.package.add(name, NOTES_TYPE, xml, rels)
        return name
