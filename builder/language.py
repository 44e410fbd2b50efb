"""The deck's language: a BCP 47 tag from front matter or a guess from the text, and the words
the builder itself writes on slides in that language."""
from __future__ import annotations

import re

# Regions PowerPoint's proofing tools expect when a bare language is given.
DEFAULT_REGION = {
    "en": "en-US", "fr": "fr-FR", "de": "de-DE", "es": "es-ES", "it": "it-IT", "pt": "pt-PT",
    "nl": "nl-NL", "sv": "sv-SE", "da": "da-DK", "nb": "nb-NO", "fi": "fi-FI", "pl": "pl-PL",
    "cs": "cs-CZ", "ru": "ru-RU", "uk": "uk-UA", "ja": "ja-JP", "zh": "zh-CN", "ko": "ko-KR",
    "ar": "ar-SA", "he": "he-IL", "tr": "tr-TR", "el": "el-GR", "hu": "hu-HU", "ro": "ro-RO",
}

CONTINUED = {
    "en": "(continued)", "fr": "(suite)", "de": "(Fortsetzung)", "es": "(continuación)",
    "it": "(continua)", "pt": "(continuação)", "nl": "(vervolg)", "sv": "(forts.)",
    "da": "(fortsat)", "nb": "(forts.)", "pl": "(cd.)", "cs": "(pokračování)",
}

# The most frequent short words of each language: enough to tell a paragraph's language apart.
STOPWORDS = {
    "en": "the and of to is in that it for with as are this on be by was have from".split(),
    "fr": "le la les des est et une un du que qui dans pour pas sur au avec ce sont plus".split(),
    "de": "der die das und ist nicht ein eine zu den mit von sich auf für dem des im".split(),
    "es": "el la los las de que y en un una es por con para del se al lo como".split(),
    "it": "il la che di e un una per non con del della sono si le gli nel".split(),
    "pt": "o a os as de que e um uma para com não do da em no na se por".split(),
    "nl": "de het een en van is dat niet op te in met voor zijn er aan ook".split(),
}
STOPWORD_SETS = {lang: frozenset(words) for lang, words in STOPWORDS.items()}
WORD = re.compile(r"[^\W\d_]+")
TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


def normalise_tag(value: str) -> str | None:
    """'fr' → 'fr-FR', 'en_gb' → 'en-GB'; None when `value` is not a language tag."""
    value = str(value).strip()
    if not TAG.match(value):
        return None
    parts = value.replace("_", "-").split("-")
    primary = parts[0].lower()
    if len(parts) == 1:
        return DEFAULT_REGION.get(primary, primary)
    rest = [part.upper() if len(part) == 2 else part for part in parts[1:]]
    return "-".join([primary, *rest])


def guess_language(text: str) -> str | None:
    """The language of `text` as a tag, or None when it is too short or too mixed to tell."""
    words = [word.lower() for word in WORD.findall(text)]
    if len(words) < 20:
        return None
    scores = {lang: sum(1 for word in words if word in common) for lang, common in STOPWORD_SETS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < max(5, len(words) // 20) or top < 1.5 * second:
        return None
    return DEFAULT_REGION[best]


def continued_marker(lang: str | None) -> str:
    """What a continuation slide's title ends with, in the deck's language (English when unknown)."""
    primary = (lang or "en").split("-")[0].lower()
    return CONTINUED.get(primary, CONTINUED["en"])


def is_right_to_left(text: str) -> bool:
    """True when the first letter with a direction is written right to left (Hebrew, Arabic…)."""
    import unicodedata

    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
