"""Python-Markdown's inline pass, offering each piece of text only the patterns it could match."""
from __future__ import annotations

import re

from markdown import util
from markdown.treeprocessors import InlineProcessor

# Characters without one of which a pattern cannot match, by its registered name. Most text
# holds none of them: the stock pass tries all twenty patterns on every piece of text, and on
# every piece a match leaves. A pattern not named here is always tried.
TRIGGERS = {
    "deck_raw_inline": "`", "backtick": "`", "escape": "\\",
    "footnote": "[", "deck_span": "[", "reference": "[", "link": "[", "short_reference": "[",
    "image_link": "!", "image_reference": "!", "short_image_ref": "!",
    "autolink": "<", "automail": "<", "html": "<", "linebreak": "\n", "entity": "&",
    "deck_strike": "~", "deck_subscript": "~", "deck_superscript": "^", "em_strong": "*_",
    "deck_math_display": "$", "deck_math_brackets": "\\", "deck_math_parens": "\\", "deck_math_dollar": "$",
}


MAX_MARKS = 2000  # of one markup character in one piece of text: beyond, they are its text

TRIGGER = re.compile("[" + re.escape("".join(sorted(set("".join(TRIGGERS.values()))))) + "]")


class QuickInlineProcessor(InlineProcessor):
    """The stock inline pass, registered in its place ("inline"), with the same results."""

    _patterns: list | None = None

    def run(self, tree, ancestors=None):
        if self._patterns is None:  # the patterns are registered once, before the first document
            registry = self.inlinePatterns
            by_pattern = {id(registry[name]): chars for name, chars in TRIGGERS.items() if name in registry}
            self._patterns = [(pattern, by_pattern.get(id(pattern))) for pattern in registry]
            self._always = any(triggers is None for _, triggers in self._patterns)  # a pattern we cannot tell
        return super().run(tree, ancestors)

    @staticmethod
    def _present(data: str) -> set[str]:
        """The markup characters of `data` the patterns are offered. Past MAX_MARKS of one, it
        is left out: patterns that look ahead for a closing mark from each opening one (links,
        emphasis, code) take time growing with the square of their count (100,000 `[` would
        take minutes), and so many are not markup anyway."""
        found = TRIGGER.findall(data)
        if len(found) <= MAX_MARKS:
            return set(found)
        counts: dict[str, int] = {}
        for ch in found:
            counts[ch] = counts.get(ch, 0) + 1
        return {ch for ch, count in counts.items() if count <= MAX_MARKS}

    # Overrides the stock pass's private loop over the patterns (named as Python mangles it).
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        present = self._present(data)
        if not present and not self._always:
            return data
        start = 0
        patterns = self._patterns
        while patternIndex < len(patterns):
            pattern, triggers = patterns[patternIndex]
            if triggers is not None and present.isdisjoint(triggers):
                patternIndex, start = patternIndex + 1, 0  # as a pattern that did not match
                continue
            data, matched, start = self._InlineProcessor__applyPattern(pattern, data, patternIndex, start)
            if matched:
                present = self._present(data)
            else:
                patternIndex += 1
        return data
