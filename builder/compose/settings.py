"""What directives do to the slides: breaks, notes, backgrounds; the rest is reported."""
from __future__ import annotations

import re

from ..model import Image, Paragraph, Run
from .blocks import Content
from .directives import Directive, colour, css_url
from .transitions import transition_named

HEX = re.compile(r"^#?[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$")


class DirectiveActions:
    """The part of the composer that acts on directives.

    Settings (a background picture or colour) land in one of three places: `inherited` holds
    from its slide on (Marp's `key:`), `local` for the current slide only (Marp's `_key:`,
    reveal's `.slide:`), `upcoming` for the next slide when they come between two slides (right
    after a rule, as Slidev's and Marp's do)."""

    def _between_slides(self) -> bool:
        return self.current is None or self.rule_pending

    def _set(self, key: str, value, inherit: bool = False) -> None:
        if inherit:
            self.inherited[key] = value
        (self.upcoming if self._between_slides() else self.local)[key] = value
        if not self._between_slides():
            self._dress(self.current)

    def _dress(self, draft) -> None:
        settings = {**self.inherited, **self.local}
        if "background" in settings:
            draft.background = Image(src=settings["background"], alt="", line=draft.line, background="full")
        if "background_colour" in settings:
            draft.background_colour = settings["background_colour"]
        if "layout" in settings:
            draft.layout = settings["layout"]
        if "transition" in settings:
            draft.transition = settings["transition"]

    def _directive(self, directive: Directive, line: int) -> None:
        values = dict(directive.values)
        if directive.tool == "presenterm":
            (name, value), = values.items()
            if name == "end_slide":
                self.rule_pending = True
            elif name in ("column_layout", "column", "reset_layout"):
                self._presenterm_columns(name, value, line)
            elif name == "speaker_note":
                self._add(Content(notes=[Paragraph(runs=(Run(value.strip("\"'")),), line=line)]), line)
            else:
                self._unsupported(line, f"presenterm's {name}")
            return
        if directive.tool == "marp":
            prefix = "_" if directive.local else ""
            for key, value in values.items():
                if key == "backgroundcolor":
                    self._colour(line, value, inherit=not directive.local)
                elif key == "backgroundimage":
                    self._set("background", css_url(value), inherit=not directive.local)
                elif key == "transition":
                    self._transition(line, value, inherit=not directive.local)
                elif key not in ("headingdivider", "marp"):  # read before the pass (rules.py)
                    self._unsupported(line, f"Marp's {prefix}{key}: {value}")
            return
        if directive.tool == "reveal" and values.get("target") == "element" and "fragment" in values.get("class", ""):
            return  # a fragment: its paragraph or item builds (compose/builds.py)
        if directive.tool == "reveal" and values.pop("target", None) == "slide":
            image = values.pop("data-background-image", None) or values.pop("data-background", None)
            fill = values.pop("data-background-color", None)
            if image and HEX.match(image):
                image, fill = None, fill or image  # data-background also takes a colour
            if image:
                self._set("background", css_url(image))
            if fill:
                self._colour(line, fill)
            if "data-transition" in values:
                self._transition(line, values.pop("data-transition"))
            for key in values:
                self._unsupported(line, f"reveal.js slide attribute {key}")
            return
        if directive.tool == "slidev":
            if "background" in values:
                self._set("background", css_url(values.pop("background")))
            if "transition" in values:
                self._transition(line, values.pop("transition"))
            for key, value in values.items():
                self._unsupported(line, f"Slidev's {key}: {value}")
            return
        if directive.tool == "deck":  # <!-- layout: Two Content -->: this slide's template layout
            self._set("layout", values["layout"])
            return
        if directive.tool == "deckset":
            (key, value), = values.items()
            if key == "column":
                self._ensure_slide(line)
                self.current.open_column()
            elif key == "background-color":
                self._colour(line, value)
            elif key == "build-lists":  # from here on (Deckset's own: per slide, or at the top for all)
                self.reader.incremental = value.strip().lower() == "true"
            else:
                self._unsupported(line, f"Deckset's [.{key}{': ' + value if value else ''}]")
            return
        self._unsupported(line, f"{directive.tool} directive {values}")

    def _presenterm_columns(self, name: str, value: str, line: int) -> None:
        """`column_layout: [2, 1]` opens columns of those weights, `column: N` writes into one,
        `reset_layout` closes them."""
        self._ensure_slide(line)
        if name == "reset_layout":
            self.current.close_columns()
            return
        numbers = [int(n) for n in re.findall(r"\d+", value)]
        if name == "column_layout" and numbers:
            total = sum(numbers) or 1
            self.current.open_column(shares=[n / total for n in numbers])
        elif name == "column" and numbers and self.current.columns is not None:
            self.current.open_column(numbers[0])
        else:
            self.report.warn(line, "directive", f"presenterm's {name}: {value} cannot be read; ignored")

    def _colour(self, line: int, value: str, inherit: bool = False) -> None:
        found = colour(value)
        if found is None:
            self.report.warn(line, "directive", f"background colour {value!r} is not a #RRGGBB colour; ignored")
        else:
            self._set("background_colour", found, inherit)

    def _transition(self, line: int, value, inherit: bool = False) -> None:
        found = transition_named(value)
        if found is None:
            self.report.warn(line, "transition", f"transition {value!r} is not one PowerPoint has here "
                             f"(fade, push, wipe, cover, uncover, split, zoom, dissolve, cut, random, none); ignored")
        else:
            self._set("transition", found, inherit)

    def _unsupported(self, line: int, what: str) -> None:
        self.report.warn(line, "directive", f"{what} has no PowerPoint equivalent here; ignored")
