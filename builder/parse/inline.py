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


TRIGGER = re.compile("[" + re.escape("".join(sorted(set("".join(TRIGGERS.values()))))) + "]")


class QuickInlineProcessor(InlineProcessor):
    """The stock inline pass, registered in its place ("inline"), with the same results."""

    def run(self, tree, ancestors=None):
        registry = self.inlinePatterns
        by_pattern = {id(registry[name]): chars for name, chars in TRIGGERS.items() if name in registry}
        self._patterns = [(pattern, by_pattern.get(id(pattern))) for pattern in registry]
        self._always = any(triggers is None for _, triggers in self._patterns)  # a pattern we cannot tell
        return super().run(tree, ancestors)

    # Overrides the stock pass's private loop over the patterns (named as Python mangles it).
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        present = set(TRIGGER.findall(data))
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
                present = set(TRIGGER.findall(data))
            else:
                patternIndex += 1
        return data
