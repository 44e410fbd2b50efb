"""The project's built-in themes: the default template restyled — colours, background, a band
behind titles — as a template PowerPoint and LibreOffice edit like any other (`deck template
export`), so that a theme is a starting point, not a closed box."""
from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn

from .catalogue import THEMES, Theme
from .layouts import TITLES, ph_of, placeholder_box
from .opening import default_template

DARK_CLRMAP = {"bg1": "dk2", "tx1": "lt1", "bg2": "dk1", "tx2": "lt2"}  # a dark master, as PowerPoint's own


def themed_template(name: str):
    """The Presentation of theme `name` (one of THEMES), with no slides."""
    theme = THEMES[name]
    prs = default_template(theme.title, theme.text)
    _colour_scheme(prs, theme)
    if theme.background:
        master = prs.slide_master._element
        mapping = master.find(qn("p:clrMap"))
        for key, value in DARK_CLRMAP.items():
            mapping.set(key, value)
    if theme.band:
        for layout in prs.slide_layouts:
            _band(prs, layout, theme)
    return prs


def _edit_theme(prs, edit) -> None:
    """Apply `edit` to the master's theme part (colour and font schemes), kept as bytes by python-pptx."""
    part = next((rel.target_part for rel in prs.slide_master.part.rels.values() if rel.reltype.endswith("/theme")),
                None)
    if part is None:
        return
    tree = etree.fromstring(part.blob)
    edit(tree)
    part._blob = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_colours(tree, wanted: dict[str, str]) -> None:
    scheme = tree.find(".//" + qn("a:clrScheme"))
    for slot, colour in wanted.items():
        element = scheme.find(qn(f"a:{slot}"))
        if element is None:
            continue
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, qn("a:srgbClr"), val=colour)


def _colour_scheme(prs, theme: Theme) -> None:
    """The theme part's colours: accent, hyperlink and (for a dark theme) the dark background."""
    wanted = {"accent1": theme.accent, "hlink": theme.link}
    if theme.background:
        wanted["dk2"] = theme.background

    def edit(tree):
        tree.find(".//" + qn("a:clrScheme")).set("name", f"deck {theme.name}")
        _set_colours(tree, wanted)
    _edit_theme(prs, edit)


def apply_settings(prs, settings) -> None:
    """Fonts and colours the author set (a builder.settings.Settings), written into the template
    where PowerPoint keeps them: the theme's fonts and accent, the master's text styles and
    background. The code font and the rest are the layout's and the renderer's."""
    def edit(tree):
        for slot, family in (("a:majorFont", settings.heading_font), ("a:minorFont", settings.body_font)):
            latin = tree.find(".//" + qn(slot) + "/" + qn("a:latin"))
            if family and latin is not None:
                latin.set("typeface", family)
                for attribute in ("panose", "pitchFamily", "charset"):
                    latin.attrib.pop(attribute, None)
        if settings.accent_colour:
            _set_colours(tree, {"accent1": settings.accent_colour})
    _edit_theme(prs, edit)
    styles = prs.slide_master._element.find(qn("p:txStyles"))
    recoloured = (("p:titleStyle", settings.accent_colour), ("p:bodyStyle", settings.text_colour))
    for style, colour in recoloured:
        if not colour:
            continue
        for run in styles.find(qn(style)).iter(qn("a:defRPr")):
            for old in [child for child in run if child.tag.endswith("Fill")]:
                run.remove(old)
            fill = etree.Element(qn("a:solidFill"))
            etree.SubElement(fill, qn("a:srgbClr"), val=colour)
            has_line = len(run) and run[0].tag == qn("a:ln")
            run.insert(1 if has_line else 0, fill)  # a fill comes first among a run's properties, after ln
    if settings.background_colour:
        background = prs.slide_master.background.fill
        background.solid()
        background.fore_color.rgb = RGBColor.from_string(settings.background_colour)


BAND_GAP = 228600  # EMU (0.25 in) between the band and the content: a table's header must not merge with it


def _clear_of_band(layout, band_bottom: int) -> None:
    """Each content placeholder of `layout` starting less than BAND_GAP under the band moved
    down to it (keeping its bottom), so that content never touches the band."""
    for shape in layout.placeholders:
        kind = ph_of(shape).get("type") or "body"
        if kind in ("title", "ctrTitle", "dt", "ftr", "sldNum", "subTitle"):
            continue
        top, height = shape.top, shape.height  # the master's box when the layout leaves it to it
        if top is None or height is None or top >= band_bottom + BAND_GAP or top + height <= band_bottom:
            continue
        bottom = top + height
        shape.left, shape.width = shape.left, shape.width  # an explicit box on the layout
        shape.top, shape.height = band_bottom + BAND_GAP, bottom - band_bottom - BAND_GAP


def _band(prs, layout, theme: Theme) -> None:
    """A band of the accent colour behind the title of each layout whose title is at the top,
    the title in white on it."""
    title_shape = next((shape for shape in layout.placeholders
                        if ph_of(shape).get("type") == "title"), None)
    box = placeholder_box(layout, TITLES)
    if title_shape is None or box is None or box.y > prs.slide_height // 5 or box.w < prs.slide_width // 2:
        return
    height = box.bottom + box.y // 2
    band = layout.shapes._spTree.makeelement(qn("p:sp"), {})
    band.append(etree.fromstring(
        f'<p:nvSpPr xmlns:p="{_P}" xmlns:a="{_A}"><p:cNvPr id="100" name="Title band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
        f'</p:nvSpPr>'))
    band.append(etree.fromstring(
        f'<p:spPr xmlns:p="{_P}" xmlns:a="{_A}"><a:xfrm><a:off x="0" y="0"/><a:ext cx="{prs.slide_width}" '
        f'cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr '
        f'val="{theme.accent}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>'))
    layout.shapes._spTree.insert(2, band)  # behind the placeholders
    _clear_of_band(layout, height)
    body = title_shape._element.find(qn("p:txBody"))
    if body is None:
        return
    styles = body.find(qn("a:lstStyle"))
    if styles is None:
        styles = etree.SubElement(body, qn("a:lstStyle"))
        body.remove(styles)
        body.insert(1, styles)
    level = styles.find(qn("a:lvl1pPr"))
    if level is None:
        level = etree.SubElement(styles, qn("a:lvl1pPr"))
    run = level.find(qn("a:defRPr"))
    if run is None:
        run = etree.SubElement(level, qn("a:defRPr"))
    fill = etree.SubElement(run, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val="FFFFFF")


_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
