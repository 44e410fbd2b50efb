"""`~~text~~` as <del>, as GitHub and pandoc read it."""
from __future__ import annotations

from markdown.inlinepatterns import SimpleTagInlineProcessor

STRIKE = r"(~~)(?=\S)(.+?)(?<=\S)~~"


def strikethrough_processor(md) -> SimpleTagInlineProcessor:
    return SimpleTagInlineProcessor(STRIKE, "del")
