"""Laid-out deck → PowerPoint package bytes, written as XML text on a frozen template."""
from __future__ import annotations

import datetime
import re
import uuid

from ..placed import PlacedDeck, TextFrame
from ..write import source_date
from .furniture import missing
from .package import Package, Relations, app_xml, core_xml
from .slide import DeckWriter
from .xml import attribute

__all__ = ["render", "build_date"]


def build_date() -> datetime.datetime:
    """The date written into the document: fixed, so that the same input gives the same bytes
    (SOURCE_DATE_EPOCH, the reproducible-builds convention, sets another)."""
    return source_date() or datetime.datetime(2000, 1, 1)


def _package(template) -> Package:
    package = Package(Relations(template.package_relationships))
    for part in template.parts:
        package.add(part.name, part.content_type, part.blob, Relations(part.relationships))
    return package


def _properties(deck: PlacedDeck, template, package: Package) -> None:
    meta = deck.meta
    first_title = next((frame for slide in deck.slides for frame in slide.frames
                        if isinstance(frame, TextFrame) and frame.role == "title"), None)
    title = meta.title or ("".join(run.text for p in first_title.paragraphs for run in p.runs) if first_title else "")
    when = build_date().strftime("%Y-%m-%dT%H:%M:%SZ")
    blob = core_xml(title, meta.author or "", meta.subject or meta.subtitle or "", meta.keywords or "",
                    meta.description or "", meta.category or "", meta.lang or "", when)
    content_type, _, relations = package.parts[template.core]
    package.add(template.core, content_type, blob, relations)
    if template.app is not None:
        content_type, _, relations = package.parts[template.app]
        notes = sum(1 for slide in deck.slides if slide.notes) if template.notes is not None else 0
        package.add(template.app, content_type, app_xml(len(deck.slides), notes, template.info), relations)


SECTIONS_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
OLD_SECTIONS = re.compile(r'<p:ext uri="\{521415D9-36F7-43E2-AB2F-B90AF26B5E84\}">.*?</p:ext>', re.S)


def _title_of(slide) -> str:
    return "".join(run.text for frame in slide.frames if isinstance(frame, TextFrame) and frame.role == "title"
                   for paragraph in frame.paragraphs for run in paragraph.runs)


def sections(deck: PlacedDeck, slide_ids) -> str:
    """PowerPoint's section list (the slide sorter's and presenter view's groups): a section for
    each section slide, named by its title, and one named by the deck's title for the slides
    before the first; empty when the deck has no section slide."""
    if not any(slide.role == "section" for slide in deck.slides):
        return ""
    groups: list[tuple[str, list[int]]] = []
    for slide, (number, _) in zip(deck.slides, slide_ids):
        if slide.role == "section" or not groups:
            name = _title_of(slide) if slide.role == "section" else (deck.meta.title or _title_of(slide) or "Opening")
            groups.append((" ".join(name.split())[:200] or "Section", []))
        groups[-1][1].append(number)
    body = "".join(
        f'<p14:section name="{attribute(name)}" id="{{{str(uuid.uuid5(uuid.NAMESPACE_OID, f"deck-section-{index}-{name}")).upper()}}}">'
        f'<p14:sldIdLst>{"".join(f"<p14:sldId id={chr(34)}{n}{chr(34)}/>" for n in numbers)}</p14:sldIdLst>'
        f"</p14:section>" for index, (name, numbers) in enumerate(groups))
    return (f'<p:ext uri="{SECTIONS_URI}"><p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/'
            f'powerpoint/2010/main">{body}</p14:sectionLst></p:ext>')


def _with_extension(tail: str, extension: str) -> str:
    """The presentation's XML after its slide list, its own section list (of the template's
    slides, which are gone) removed and `extension` added to its extension list."""
    tail = OLD_SECTIONS.sub("", tail)
    if not extension:
        return tail.replace("<p:extLst></p:extLst>", "")
    if "<p:extLst>" in tail:
        return tail.replace("<p:extLst>", "<p:extLst>" + extension, 1)
    return tail.replace("</p:presentation>", f"<p:extLst>{extension}</p:extLst></p:presentation>", 1)


def _presentation(template, writer: DeckWriter, package: Package, deck: PlacedDeck) -> None:
    ids = "".join(f'<p:sldId id="{number}" r:id="{rid}"/>' for number, rid in writer.slide_ids)
    slide_list = f"<p:sldIdLst>{ids}</p:sldIdLst>" if ids else "<p:sldIdLst/>"
    head = template.presentation_head
    if writer.notes_master_rid is not None and template.notes_list_at is not None:
        at = template.notes_list_at
        head = (f'{head[:at]}<p:notesMasterIdLst><p:notesMasterId r:id="{writer.notes_master_rid}"/>'
                f'</p:notesMasterIdLst>{head[at:]}')
    content_type, _, relations = package.parts[template.presentation]
    tail = template.presentation_tail
    extension = sections(deck, writer.slide_ids)
    if extension or SECTIONS_URI in tail:
        tail = _with_extension(tail, extension)
    blob = (head + slide_list + tail).encode("utf-8")
    package.add(template.presentation, content_type, blob, relations)


def render(deck: PlacedDeck, template, settings=None, report=None, progress=None, cache: dict | None = None) -> bytes:
    """The .pptx package of `deck` on `template` (a builder.template.Template, which it does not
    change). `settings` (a builder.settings.Settings; None: none) may ask for a footer, the date
    and slide numbers on every slide but the title slide; `report` (None: silent) hears of those
    the template cannot hold. `progress(done, total)` (None: nothing) hears of each slide written.
    `cache` (None: none) keeps the slides written and the entries deflated, for the next build of
    the same deck (`deck watch`): a slide unchanged since, in the same place, is not written
    again, and a part unchanged since is not deflated again."""
    package = _package(template)
    writer = DeckWriter(template, package, deck.meta.lang, deck.meta.transition)
    asked = (settings.footer, settings.footer_date, settings.slide_numbers) if settings else (None, None, False)
    if report is not None:
        content = template.layouts[template.info.layouts["content"].index]
        for name in missing(content, *asked) if any(asked) else ():
            report.warn(None, "footer", f"the template has no {name} placeholder: the {name} is not shown")
        if template.notes is None and any(slide.notes for slide in deck.slides):
            report.warn(None, "notes", "the template's notes master has no notes placeholder: "
                        "the speaker notes are not written")
    writer.name_jumps(deck.slides)
    same = cache is not None and cache.get("template") is template and cache.get("lang") == deck.meta.lang
    last, now = (cache["slides"] if same else None), ({} if cache is not None else None)
    for number, placed in enumerate(deck.slides, start=1):
        writer.slide(placed, number, asked, last, now)
        if progress is not None:
            progress(number, len(deck.slides))
    if cache is not None:  # this build's slides only: memory stays bounded
        cache.update(template=template, lang=deck.meta.lang, slides=now)
    _properties(deck, template, package)
    _presentation(template, writer, package, deck)
    return package.zipped(cache.setdefault("deflated", {}) if cache is not None else None)
