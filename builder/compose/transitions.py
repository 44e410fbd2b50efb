"""Slide transitions by name: pandoc's, Marp's, reveal.js's and Slidev's names → PowerPoint's."""
from __future__ import annotations

# our name → (PowerPoint's element, its attributes); "none" is no transition at all
TRANSITIONS = {
    "none": None, "cut": ("cut", ""), "fade": ("fade", ""), "dissolve": ("dissolve", ""), "zoom": ("zoom", ""),
    "random": ("random", ""), "push": ("push", ' dir="l"'), "push-left": ("push", ' dir="l"'),
    "push-right": ("push", ' dir="r"'), "push-up": ("push", ' dir="u"'), "push-down": ("push", ' dir="d"'),
    "wipe": ("wipe", ' dir="r"'), "wipe-left": ("wipe", ' dir="l"'), "wipe-right": ("wipe", ' dir="r"'),
    "wipe-up": ("wipe", ' dir="u"'), "wipe-down": ("wipe", ' dir="d"'), "cover": ("cover", ' dir="l"'),
    "cover-left": ("cover", ' dir="l"'), "cover-right": ("cover", ' dir="r"'), "cover-up": ("cover", ' dir="u"'),
    "cover-down": ("cover", ' dir="d"'), "uncover": ("pull", ' dir="l"'), "split": ("split", ' orient="vert" dir="out"'),
}
ALIASES = {"slide": "push", "slide-left": "push-left", "slide-right": "push-right", "slide-up": "push-up",
           "slide-down": "push-down", "convex": "push", "concave": "push", "crossfade": "fade", "fade-out": "fade",
           "fade-in": "fade", "reveal": "uncover", "pull": "uncover", "iris": "zoom", "in-out": "zoom",
           "clockwise": "wipe", "counterclockwise": "wipe", "off": "none", "false": "none", "no": "none"}


def transition_named(value) -> str | None:
    """Our name for the transition `value` asks for (reveal's `fade-in` and `slide` too; a
    speed such as `fade 0.5s` or `zoom-fast` is dropped); None when it names none we know."""
    if value is False:
        return "none"
    words = str(value).strip().lower().replace("_", "-").split()
    if not words:
        return None
    name = words[0]
    for speed in ("-fast", "-slow", "-default"):
        name = name.removesuffix(speed)
    name = ALIASES.get(name, name)
    return name if name in TRANSITIONS else None
