"""Break a paragraph's runs into lines the way PowerPoint does: greedily, at spaces and between
East Asian wide characters, inside a word only when the word alone is wider than the line."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from ..model import Run
from .fonts import Face

# Spaces, or text between them. Inside a word with East Asian text, Unicode's line breaking
# rules (UAX #14, by uniseg) say where a line may break: between ideographs and kana, but never
# before 。、」 nor after 「, as PowerPoint sets them. Words without East Asian text break only
# at spaces, as before.
TOKEN = re.compile(r" +|[^ ]+")
LONG_TOKEN = 256
EAST_ASIAN = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                        r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                        r"\uffe0-\uffe6\U0001f300-\U0001faff\U00020000-\U0003fffd]")


CASED = ("Lu", "Ll", "Lt")
BREAK_AFTER_MARKS = "!/?|}"  # of the ASCII marks, those UAX #14 lets a line break after, before a letter


def _cased_letter(ch: str) -> bool:
    """A letter of Latin, Greek, Cyrillic, Armenian or Georgian script (all below U+1100)."""
    return ch < "\u1100" and unicodedata.category(ch) in CASED


@functools.lru_cache(maxsize=8192)
def may_break_between(before: str, after: str) -> bool:
    """Whether UAX #14 lets a line break between the characters `before` and `after`. A cased
    letter beside another or beside an ASCII mark is answered here (UAX #14 keeps them together:
    AL × AL, AL × IS, …; tested against uniseg), so that a European text never loads uniseg
    (40 ms of a cold start)."""
    if _cased_letter(before) and (_cased_letter(after) or "!" <= after <= "~"):
        return False
    if _cased_letter(after) and "!" <= before <= "~" and before not in BREAK_AFTER_MARKS:
        return False
    from uniseg.linebreak import line_break_breakables

    return list(line_break_breakables(before + after))[1] == 1


def _tokens(text: str):
    """(start, token, opens) for each run of spaces, word, or piece of a word between two break
    opportunities; `opens` is True where a line may break before the piece (None: as the
    characters on either side say). A very long word comes in pieces of at most LONG_TOKEN
    characters (still one word: no break between them)."""
    plain = text.isascii()  # no East Asian text to break inside: the common case, made quick
    for match in TOKEN.finditer(text):
        token, start = match.group(), match.start()
        if plain and len(token) <= LONG_TOKEN:
            yield start, token, None
            continue
        if len(token) > LONG_TOKEN and token[0] != " ":
            for offset in range(0, len(token), LONG_TOKEN):
                yield from _tokens_of_word(token[offset:offset + LONG_TOKEN], start + offset)
            continue
        yield from _tokens_of_word(token, start)


def _tokens_of_word(token: str, start: int):
    if token[0] == " " or len(token) == 1 or not EAST_ASIAN.search(token):  # nothing to break inside
        yield start, token, None
        return
    from uniseg.linebreak import line_break_units

    for number, piece in enumerate(line_break_units(token)):
        yield start, piece, None if number == 0 else True
        start += len(piece)


@dataclass(slots=True)  # a long slide holds hundreds of thousands of them
class _Word:
    """Text between two break opportunities; `gap` is the width of the spaces before it."""

    gap: float
    start: tuple[int, int]
    width: float = 0.0
    pieces: list[tuple[int, int, int, Face]] = field(default_factory=list)  # run, start, end, face
    last: str = ""  # its last character, when it is not ASCII (a break after it may be allowed)


@dataclass(frozen=True)
class Wrapped:
    """A paragraph broken into lines. `starts` holds (run index, character offset) of each
    line's first character; `line_pt` is the height of one line in points."""

    starts: tuple[tuple[int, int], ...]
    line_pt: float
    complete: bool = True  # False: wrapping stopped at a limit, the paragraph has more lines

    @property
    def lines(self) -> int:
        return len(self.starts)

    @property
    def height(self) -> float:
        return self.lines * self.line_pt


def _words(runs, faces, measurer, size_of, cap: float | None = None):
    """Words of the paragraph (`faces[i]`: the face of run i), widths in ems of its size
    (`size_of(run)`: a run's own), and the index of each forced-break run (an int),
    generated in order. A word wider than `cap` ems ends the paragraph there (when wrapping
    stops at a limit, the rest of a word longer than every line put together does not matter)."""
    word: _Word | None = None
    gap = 0.0
    width = measurer.width
    for index, run in enumerate(runs):
        if run.is_break:
            if word is not None:
                yield word
            word = None
            yield index
            gap = 0.0
            continue
        face, size = faces[index], size_of(run)
        text = run.text
        if text.isascii() and len(text) <= LONG_TOKEN:  # the common case, made quick: no wide
            tokens, start = [], 0                           # characters, no over-long word
            for token in TOKEN.findall(text):
                tokens.append((start, token, None))
                start += len(token)
        else:
            tokens = _tokens(text)
        for start, token, opens in tokens:
            end = start + len(token)
            if token[0] == " ":
                gap += width(token, face) * size
                if word is not None:
                    yield word
                word = None
                continue
            if opens is None and word is not None and (word.last or token[0] > "\u10ff"):
                opens = may_break_between(word.last or word_end(runs, word), token[0])
            if word is None or opens:
                if word is not None:
                    yield word
                word = _Word(gap=gap, start=(index, start))
                gap = 0.0
            pieces = word.pieces
            last = pieces[-1] if pieces else None
            if last and last[0] == index and last[2] == start:
                pieces[-1] = (index, last[1], end, face)
            else:
                pieces.append((index, start, end, face))
            word.width += width(token, face) * size
            word.last = token[-1] if token[-1] > "\x7f" else ""
            if cap is not None and word.width > cap:
                yield word
                return
    if word is not None:
        yield word


def word_end(runs, word: _Word) -> str:
    """The last character of `word` (whose last character is ASCII)."""
    index, _, end, _ = word.pieces[-1]
    return runs[index].text[end - 1]


def _break_word(word: _Word, runs, measurer, size_of, room: float, width: float, most: int | None = None):
    """Where an over-long word is broken (character positions) and the width of its last part;
    at most `most` breaks when given (None: all of them)."""
    starts, used = [], 0.0
    for index, start, end, face in word.pieces:
        for offset in range(start, end):
            if most is not None and len(starts) > most:
                return starts, used
            ch_width = measurer.width(runs[index].text[offset], face) * size_of(runs[index])
            if used + ch_width > room and used > 0:
                starts.append((index, offset))
                used, room = 0.0, width
            used += ch_width
    return starts, used


MEMO_LONGEST = 4096  # characters: a longer paragraph is measured only as far as its page reaches


def wrap(runs: tuple[Run, ...] | list[Run], width: float, size: float, face_of, measurer,
         script_size: float | None = None, max_height: float | None = None, memo: dict | None = None) -> Wrapped:
    """Lines of `runs` set at `size` points in a column `width` points wide.

    With `max_height` (points), wrapping stops once the lines are taller than that by a line:
    enough to cut the paragraph at a page end, without setting a 1 MB paragraph in full for
    each page it fills. None: every line is set.

    Superscript and subscript runs are set at `script_size` when given (viewers draw them
    smaller); they are measured at that full size and raise the line height to match.

    `face_of(run)` gives the Face a run is drawn in; `measurer` gives widths in em. Spaces at
    the start of the paragraph or after a forced break take room (code indentation); spaces
    where a line wraps hang at the end of the line and take none, as in PowerPoint.

    `memo` (None: none) keeps the words of paragraphs measured, in em, for later wraps of the
    same runs in the same faces at any size and width; its keys hold the runs' id, so the runs
    are kept in it too.
    """
    def size_of(run: Run) -> float:
        return script_size if run.script and script_size else size

    scale = size if size > 0 else 1.0
    ratio = round(script_size / scale, 4) if script_size else None  # rounded: one key for one ratio

    def em_of(run: Run) -> float:  # a run's size in ems of the paragraph's
        return ratio if run.script and ratio else 1.0

    faces = tuple(None if run.is_break else face_of(run) for run in runs)
    styles = {(face, size_of(run)) for face, run in zip(faces, runs) if face is not None} or {(face_of(Run("")), size)}
    line_pt = max(measurer.line_height(face) * run_size for face, run_size in styles)
    # An equation's stacked parts (a fraction, limits, a matrix) make its lines taller.
    line_pt *= max((run.math.lines for run in runs if run.math is not None), default=1.0)
    starts: list[tuple[int, int]] = []
    used = 0.0
    open_line = False
    limit = int(max_height // line_pt) + 2 if max_height is not None and line_pt > 0 else None
    next_start = (0, 0)

    def begin(word: _Word, room: float, lead: float) -> float:
        if lead + word.width * scale <= room:
            return lead + word.width * scale
        breaks, last = _break_word(word, runs, measurer, size_of, room - lead, width, limit)
        starts.extend(breaks)
        return last

    cap = width * (limit + 1) / scale if limit is not None else None
    measure = functools.partial(_words, runs, faces, measurer, em_of)
    if memo is not None and sum(len(run.text) for run in runs) <= MEMO_LONGEST:
        key = (id(runs), faces, ratio)
        found = memo.get(key)
        if found is None:
            found = memo[key] = (runs, list(measure()))
        items = found[1]
    else:
        items = measure(cap)
    for item in items:
        if limit is not None and len(starts) > limit:
            return Wrapped(starts=tuple(starts[:limit]), line_pt=line_pt, complete=False)
        if isinstance(item, int):
            if not open_line:
                starts.append(next_start)  # an empty line
            open_line, next_start = False, (item + 1, 0)
            continue
        if not open_line:
            starts.append(next_start)
            used = begin(item, width, item.gap * scale)
            open_line = True
        elif used + (item.gap + item.width) * scale <= width:
            used += (item.gap + item.width) * scale
        else:
            starts.append(item.start)
            used = begin(item, width, 0.0)
    if not open_line:
        starts.append(next_start)
    if limit is not None and len(starts) > limit:
        return Wrapped(starts=tuple(starts[:limit]), line_pt=line_pt, complete=False)
    return Wrapped(starts=tuple(starts), line_pt=line_pt)


def split_runs(runs, at: tuple[int, int]) -> tuple[tuple[Run, ...], tuple[Run, ...]]:
    """The runs before and from character position `at` (run index, offset); the spaces where
    the paragraph was cut are dropped from both sides."""
    index, offset = at
    head = list(runs[:index])
    tail = list(runs[index:])
    if tail and offset:
        run = tail[0]
        head.append(replace(run, text=run.text[:offset]))
        tail[0] = replace(run, text=run.text[offset:])
    while head and not head[-1].is_break and not head[-1].text.rstrip(" "):
        head.pop()
    if head and not head[-1].is_break:
        head[-1] = replace(head[-1], text=head[-1].text.rstrip(" "))
    while tail and (tail[0].is_break or not tail[0].text.lstrip(" ")):
        tail.pop(0)
    if tail:
        tail[0] = replace(tail[0], text=tail[0].text.lstrip(" "))
    return tuple(head), tuple(tail)
