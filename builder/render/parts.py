"""New slides, notes pages and pictures at a constant cost each, from our own indexes of part names
and ids (python-pptx looks these up by scanning every part or relationship, which makes a deck of
N slides cost N²)."""
from __future__ import annotations

import copy
import hashlib

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.image import ImagePart
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.oxml.slide import CT_NotesSlide
from pptx.opc.constants import CONTENT_TYPE as CT

CONTENT_TYPES = {"png": CT.PNG, "jpeg": CT.JPEG, "jpg": CT.JPEG, "gif": CT.GIF}
FIRST_SLIDE_ID = 256  # the smallest slide id PresentationML allows


class Parts:
    """The package's parts as this build adds them: slide, notes and image numbers, slide ids, and
    images by their SHA-1 (each distinct picture is stored once). Read from the package once."""

    def __init__(self, prs):
        self.prs = prs
        self.package = prs.part.package
        names = [str(part.partname) for part in self.package.iter_parts()]
        self._numbers = {prefix: _highest(names, prefix) for prefix in
                         ("/ppt/slides/slide", "/ppt/notesSlides/notesSlide", "/ppt/media/image")}
        id_list = prs.part._element.get_or_add_sldIdLst()
        self._slide_ids = id_list
        self._next_slide_id = max([FIRST_SLIDE_ID - 1] + [int(item.get("id")) for item in id_list]) + 1
        self._images = {part.sha1: part for part in self.package.iter_parts() if isinstance(part, ImagePart)}
        self._layout_shapes: dict[int, list] = {}
        self._notes_master = None
        self._notes_shapes: list | None = None

    def _next_name(self, prefix: str, suffix: str) -> PackURI:
        self._numbers[prefix] += 1
        return PackURI(f"{prefix}{self._numbers[prefix]}{suffix}")

    def add_slide(self, layout):
        """A new slide on `layout`, last in the deck, with the layout's placeholders."""
        part = SlidePart.new(self._next_name("/ppt/slides/slide", ".xml"), self.package, layout.part)
        self._append(part)
        slide = part.slide
        self._clone_placeholders(slide, layout)
        return slide

    def _append(self, part) -> None:
        """`part` made the last slide of the deck."""
        # a new part cannot be related yet: add the relationship without looking for an old one
        rel_id = self.prs.part.rels._add_relationship(RT.SLIDE, part)
        self._slide_ids._add_sldId(id=self._next_slide_id, rId=rel_id)
        self._next_slide_id += 1

    def _clone_placeholders(self, slide, layout) -> None:
        """The layout's placeholders, cloned once per layout and copied onto each later slide."""
        key = id(layout)
        if key not in self._layout_shapes:
            slide.shapes.clone_layout_placeholders(layout)
            self._layout_shapes[key] = [copy.deepcopy(shape._element) for shape in slide.shapes]
            return
        tree = slide.shapes._spTree
        for element in self._layout_shapes[key]:
            tree.append(copy.deepcopy(element))

    def notes_master(self):
        """The notes master, made now when the template has none."""
        if self._notes_master is None:
            self._notes_master = self.prs.part.notes_master_part
        return self._notes_master

    def notes_slide(self, slide):
        """The notes page of `slide`, made now: call it only for slides that have notes."""
        part = NotesSlidePart(self._next_name("/ppt/notesSlides/notesSlide", ".xml"), CT.PML_NOTES_SLIDE,
                              self.package, CT_NotesSlide.new())
        part.relate_to(self.notes_master(), RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        notes = part.notes_slide
        tree = notes.shapes._spTree
        if self._notes_shapes is None:  # cloned from the master once, copied onto later pages
            notes.clone_master_placeholders(self._notes_master.notes_master)
            self._notes_shapes = [copy.deepcopy(shape) for shape in tree.iter_shape_elms()]
        else:
            for element in self._notes_shapes:
                tree.append(copy.deepcopy(element))
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        return notes

    def add_picture(self, slide, data: bytes, ext: str, x: int, y: int, w: int, h: int):
        """A picture shape showing `data` (stored once however many slides show it)."""
        part = self.image(hashlib.sha1(data).hexdigest(), ext, data)
        rel_id = slide.part.relate_to(part, RT.IMAGE)
        shapes = slide.shapes
        element = shapes._add_pic_from_image_part(part, rel_id, x, y, w, h)
        return shapes._shape_factory(element)

    def image(self, digest: str, ext: str, data: bytes):
        """The image part holding `data` (its SHA-1 `digest`), added now if it is new."""
        part = self._images.get(digest)
        if part is None:
            part = ImagePart(self._next_name("/ppt/media/image", f".{ext}"), CONTENT_TYPES[ext], self.package, data)
            self._images[digest] = part
        return part


def _highest(names: list[str], prefix: str) -> int:
    """The highest number among part names `prefix<N>.ext`, 0 when there is none."""
    numbers = [0]
    for name in names:
        if name.startswith(prefix):
            digits = name[len(prefix):].split(".", 1)[0]
            if digits.isdigit():
                numbers.append(int(digits))
    return max(numbers)
