"""Warnings and errors collected with file:line while a deck is built, never raised."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that would let a message start a line of its own or rewrite what the terminal shows:
# control characters, line and paragraph separators, and the marks that reverse text direction.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def count(number: int, noun: str) -> str:
    """`1 slide`, `2 slides`, `0 warnings`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def printable(text) -> str:
    """`text` (or what str() makes of it) with every character that could forge or hide a line escaped (\\n, \\x1b, \\u202e)."""
    text = str(text)
    if not UNPRINTABLE.search(text):
        return text
    return UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii")
                           if m.group() < "\ud800" else f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True)
class Diagnostic:
    """One message about the source. `line` is None when it concerns the file as a whole."""

    file: str
    line: int | None
    code: str
    message: str
    level: str = "warning"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return printable(f"{where}: {self.level}: {self.message} [{self.code}]")


class Diagnostics:
    """The messages of one build, in the order they were found."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Diagnostic] = []

    def warn(self, line: int | None, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.file, line, code, message))

    def info(self, line: int | None, code: str, message: str) -> None:
        """Something the builder did on purpose that the author may want to know (shown with -v)."""
        self.items.append(Diagnostic(self.file, line, code, message, level="info"))

    def error(self, line: int | None, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.file, line, code, message, level="error"))

    @property
    def warnings(self) -> list[Diagnostic]:
        return [item for item in self.items if item.level == "warning"]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


class BuildError(Exception):
    """No deck can be made from this input. `line` None: the file as a whole."""

    def __init__(self, file, code: str, message: str, line: int | None = None):
        self.diagnostic = Diagnostic(str(file), line, code, message, level="error")
        super().__init__(str(self.diagnostic))
