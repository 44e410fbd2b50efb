"""Footer text, date and slide numbers, in the template's own footer, date and slide-number
placeholders (a new slide does not carry them), at a size the back of the room reads."""
from __future__ import annotations

from .xml import attribute, text

FURNITURE_PT = 18.0  # the builder's floor for any text on a slide
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # PowerPoint's own id for the field
NAMES = (("ftr", "footer"), ("dt", "date"), ("sldNum", "slide number"))


def missing(layout, footer: str | None, date: str | None, numbers: bool) -> list[str]:
    """What was asked for that the template's `layout` (and its master) has no placeholder for."""
    return [name for (kind, name), wanted in zip(NAMES, (footer, date, numbers))
            if wanted and layout.furniture_of(kind) is None]


def furniture_xml(layout, first_id: int, lang: str | None, number: int, footer: str | None, date: str | None,
                  numbers: bool) -> str:
    """The footer, date and slide number asked for, as shapes numbered from `first_id`."""
    out = []
    language = f' lang="{attribute(lang)}"' if lang else ""
    props = f'<a:rPr sz="{round(FURNITURE_PT * 100)}" dirty="0"{language}/>'
    for kind, content in (("ftr", footer), ("dt", date), ("sldNum", str(number) if numbers else None)):
        source = layout.furniture_of(kind) if content else None
        if source is None:
            continue
        run = (f'<a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum">{props}<a:t>{text(content)}</a:t></a:fld>'
               if kind == "sldNum" else f"<a:r>{props}<a:t>{text(content)}</a:t></a:r>")
        out.append(f"{source.head}{first_id + len(out)}{source.middle}<a:p>{run}</a:p>{source.tail}")
    return "".join(out)
