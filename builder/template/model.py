"""A template as the build keeps it: frozen, its parts as bytes, its placeholders as XML text."""
from __future__ import annotations

from dataclasses import dataclass

from ..geometry import TemplateInfo


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: `target` is a part name, or an address when `external`."""

    rid: str
    reltype: str
    target: str
    external: bool = False


@dataclass(frozen=True)
class Part:
    """One part of the package, as bytes, with its relationships in the package's order."""

    name: str
    content_type: str
    blob: bytes
    relationships: tuple[Relationship, ...] = ()


@dataclass(frozen=True)
class Placeholder:
    """A layout placeholder as a new slide holds it: its shape id, its `type` (None: a body) and
    its non-visual properties as XML text (the rest is written when it is filled)."""

    shape_id: int
    kind: str | None
    properties: str


@dataclass(frozen=True)
class Furniture:
    """A footer, date or slide-number placeholder as copied onto a slide: XML text around its
    shape id (`head` + id + `middle`) and its paragraph (+ paragraph + `tail`)."""

    head: str
    middle: str
    tail: str


@dataclass(frozen=True)
class Layout:
    name: str  # its part name
    placeholders: tuple[Placeholder, ...]
    furniture: tuple[tuple[str, Furniture], ...]  # by kind: "ftr", "dt", "sldNum"

    def furniture_of(self, kind: str) -> Furniture | None:
        return dict(self.furniture).get(kind)


@dataclass(frozen=True)
class NotesPage:
    """A notes page's XML text around its paragraphs, and the notes master it is built on: the
    template's, or (`new_parts` not empty) one to add to the package with the first notes page."""

    head: str
    tail: str
    master: str
    new_parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Template:
    """Everything a deck is built on, read from one template and never changed after."""

    info: TemplateInfo
    parts: tuple[Part, ...]  # the template's, the presentation part's blob left empty
    package_relationships: tuple[Relationship, ...]
    presentation: str  # the presentation part's name
    presentation_head: str  # its XML text before the slide list, and after it
    presentation_tail: str
    core: str  # the core-properties part's name (written afresh for each deck)
    app: str | None  # the extended-properties part's name, None when there is none (also written afresh)
    notes_list_at: int | None  # where in presentation_head a notes-master list goes; None: it has one
    layouts: tuple[Layout, ...]  # in the order of the template's layouts (LayoutInfo.index)
    notes: NotesPage | None  # None: the template's notes master cannot hold notes
    images: tuple[tuple[str, str], ...]  # (SHA-1, part name) of the template's own pictures
