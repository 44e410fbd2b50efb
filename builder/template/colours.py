"""The colours a template's first master gives text and background, and the warning when they
are too close to read."""
from __future__ import annotations

from pptx.oxml.ns import qn


def theme_of(prs):
    """The parsed XML of the first master's theme part; None when it has none."""
    from lxml import etree

    for rel in prs.slide_master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            return etree.fromstring(rel.target_part.blob)
    return None


def _resolve(fill, prs, theme) -> str | None:
    """The "RRGGBB" of a solid fill's colour (given or through the theme); None for anything else."""
    if fill is None:
        return None
    given = fill.find(qn("a:srgbClr"))
    if given is not None:
        return given.get("val", "").upper() or None
    scheme = fill.find(qn("a:schemeClr"))
    if scheme is None or theme is None or len(scheme):  # lightened or darkened: not worked out here
        return None
    name = scheme.get("val")
    mapping = prs.slide_master._element.find(qn("p:clrMap"))
    name = mapping.get(name, name) if mapping is not None else name
    slot = theme.find(".//" + qn("a:clrScheme") + "/" + qn(f"a:{name}"))
    if slot is None:
        return None
    rgb, system = slot.find(qn("a:srgbClr")), slot.find(qn("a:sysClr"))
    return (rgb.get("val") if rgb is not None else system.get("lastClr") if system is not None else None)


def text_and_background(prs, theme=None) -> tuple[str | None, str | None]:
    """The master's body text colour and solid background colour ("RRGGBB"); None where the
    template does not say or the background is a picture or a gradient. `theme`: the theme's
    parsed XML when the caller has it (None: read here)."""
    theme = theme if theme is not None else theme_of(prs)
    master = prs.slide_master._element
    body = master.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    text = _resolve(body.find(qn("a:solidFill")) if body is not None else None, prs, theme)
    background = master.find(f"{qn('p:cSld')}/{qn('p:bg')}")
    fill = None
    if background is not None:
        props, ref = background.find(qn("p:bgPr")), background.find(qn("p:bgRef"))
        if props is not None:
            fill = props.find(qn("a:solidFill"))
        elif ref is not None and ref.get("idx") == "1001":  # the theme's first background: a plain fill
            fill = ref
    return text, _resolve(fill, prs, theme)


def check_contrast(text: str | None, background: str | None, report, template_name: str) -> None:
    from ..colour import MIN_TEXT_CONTRAST, contrast

    if text and background and contrast(text, background) < MIN_TEXT_CONTRAST:
        report.warn(None, "contrast", f"{template_name}: body text #{text} on its background #{background} has a "
                    f"contrast of {contrast(text, background):.1f}:1, below the {MIN_TEXT_CONTRAST}:1 that WCAG "
                    "asks for text")
