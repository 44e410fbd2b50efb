"""Slidev's per-slide settings: a `---` rule, `key: value` lines, `---`. Markdown would read a
rule and a setext heading; they become a rule and a `<!-- slide-settings … -->` comment."""
from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

RULE = re.compile(r"^---\s*$")
SETTING = re.compile(r"^[A-Za-z_][\w-]*:(\s.*)?$")


class SlideSettingsPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            if RULE.match(line) and (not out or not out[-1].strip()):
                end = index + 1
                while end < len(lines) and SETTING.match(lines[end]):
                    end += 1
                if end > index + 1 and end < len(lines) and RULE.match(lines[end]):
                    settings = "\n".join(lines[index + 1:end]).replace("--", "- -")
                    out.extend([line, "", f"<!-- slide-settings\n{settings}\n-->", ""])
                    index = end + 1
                    continue
            out.append(line)
            index += 1
        return out
