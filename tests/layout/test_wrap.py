"""Line breaking as PowerPoint does it."""
from builder.layout.fonts import Face, FixedMeasurer
from builder.layout.wrap import split_runs, wrap
from builder.model import Run

M = FixedMeasurer(advance=0.5, line=1.2)  # at 10 pt every character is 5 pt wide


def face(run):
    return Face("Calibri", run.bold, run.italic)


def lines(runs, chars_per_line):
    wrapped = wrap(runs, chars_per_line * 5.0, 10, face, M)
    text = "".join(run.text for run in runs)
    flat = [(i, j) for i, run in enumerate(runs) for j in range(len(run.text))]
    offsets = [flat.index(start) if start in flat else len(text) for start in wrapped.starts]
    return [text[a:b].strip() for a, b in zip(offsets, offsets[1:] + [len(text)])]


def test_greedy_breaks_at_spaces_across_runs():
    runs = (Run("aaaa bbbb "), Run("cc", bold=True), Run("dd eeee ffff"))
    assert lines(runs, 10) == ["aaaa bbbb", "ccdd eeee", "ffff"]


def test_a_word_is_broken_only_when_alone_it_is_too_wide():
    assert lines((Run("ab " + "x" * 25),), 10) == ["ab", "x" * 10, "x" * 10, "x" * 5]


def test_forced_breaks_make_lines_even_empty_ones():
    wrapped = wrap((Run("ab"), Run("\n"), Run("\n"), Run("cd")), 50, 10, face, M)
    assert wrapped.lines == 3 and wrapped.height == 3 * 12.0


def test_east_asian_text_breaks_between_characters():
    assert wrap((Run("日本語の文章です日本語の文章です"),), 50, 10, face, M).lines == 2


def test_east_asian_lines_follow_unicode_line_breaking():
    """UAX #14: no line starts with 。、」） nor ends with 「（, wherever the width would cut."""
    text = "吾輩は猫である。名前は「まだ」無い。どこで生れたか（とんと）見当がつかぬ、何でも薄暗い所で泣いていた。"
    for width in range(3, 12):
        for line in lines((Run(text),), width):
            assert line[0] not in "。、」）" and line[-1] not in "「（", (width, line)


def test_a_break_between_runs_follows_the_same_rules():
    assert lines((Run("日本語の文章"), Run("。", bold=True), Run("次の文")), 6) == ["日本語の文", "章。次の文"]
    assert lines((Run("abc "), Run("日本語"), Run("de")), 6) == ["abc 日本", "語de"]


def test_leading_spaces_take_room_on_the_first_line():
    assert wrap((Run("      abcdefgh"),), 50, 10, face, M).lines == 2
    assert wrap((Run("abcdefgh"),), 50, 10, face, M).lines == 1


def test_split_runs_drops_the_spaces_at_the_cut():
    head, tail = split_runs((Run("one two "), Run("three", bold=True)), (0, 4))
    assert [r.text for r in head] == ["one"]
    assert [r.text for r in tail] == ["two ", "three"] and tail[1].bold


def test_script_runs_are_measured_at_their_own_size_and_raise_the_line():
    runs = (Run("H"), Run("2", script="sub"), Run("O"))
    plain = wrap(runs, 100, 10, face, M)
    raised = wrap(runs, 100, 10, face, M, script_size=20)
    assert raised.line_pt == 2 * plain.line_pt


class CountingMeasurer(FixedMeasurer):
    """Counts the characters it measures: the work a wrap does."""

    def __init__(self):
        super().__init__(advance=0.5, line=1.2)
        self.measured = 0

    def width(self, text, face):
        self.measured += len(text)
        return super().width(text, face)


def test_a_height_limit_sets_only_the_lines_a_page_needs():
    runs = (Run("word " * 2000),)
    full = wrap(runs, 50.0, 10, face, M)
    measurer = CountingMeasurer()
    head = wrap(runs, 50.0, 10, face, measurer, max_height=60.0)  # 5 lines of 12 pt
    assert full.complete and full.lines == 1000  # "word word" per line
    assert not head.complete and head.starts == full.starts[:head.lines] and 5 <= head.lines <= 8
    assert measurer.measured < 100


def test_a_word_longer_than_a_page_is_measured_only_as_far_as_the_page():
    runs = (Run("x" * 100_000),)
    measurer = CountingMeasurer()
    head = wrap(runs, 50.0, 10, face, measurer, max_height=60.0)
    assert not head.complete and [start for start in head.starts[:3]] == [(0, 0), (0, 10), (0, 20)]
    assert measurer.measured < 2000
    assert wrap(runs, 50.0, 10, face, M).lines == 10_000


def test_a_memo_measures_a_paragraph_once_for_every_size_and_width():
    runs = (Run("Point one of the slide with "), Run("bold words", bold=True), Run(" and H"),
            Run("2", script="sub"), Run("O in it"))
    measurer, memo = CountingMeasurer(), {}
    for size, width in ((28, 300.0), (24, 300.0), (20, 180.0), (28, 120.0)):
        remembered = wrap(runs, width, size, face, measurer, script_size=0.7 * size, memo=memo)
        assert remembered == wrap(runs, width, size, face, M, script_size=0.7 * size)
    assert len(memo) == 1
    once = CountingMeasurer()
    wrap(runs, 300.0, 28, face, once, script_size=0.7 * 28)
    assert measurer.measured == once.measured


def test_a_memo_tells_faces_apart():
    runs = (Run("some words here and there"),)
    memo = {}
    narrow = wrap(runs, 60.0, 10, face, FixedMeasurer(advance=0.5), memo=memo)
    wide = wrap(runs, 60.0, 10, lambda run: Face("Wide"), WideFace(), memo=memo)
    assert wide.lines > narrow.lines and len(memo) == 2


class WideFace(FixedMeasurer):
    """Characters of the face "Wide" are twice as wide."""

    def width(self, text, face):
        return super().width(text, face) * (2 if face.family == "Wide" else 1)


def test_the_quick_answers_for_letters_are_unicodes_line_breaking_rules():
    import random
    import unicodedata

    from uniseg.linebreak import line_break_breakables

    from builder.layout.wrap import may_break_between

    letters = [chr(c) for c in range(0x41, 0x1100) if unicodedata.category(chr(c)) in ("Lu", "Ll", "Lt")]
    marks = [chr(c) for c in range(0x21, 0x7F)]
    others = ["\u3002", "\u300c", "\u4e00", "\u3042", "\uac00", "\u02c8", "\u0e01", " ", "\u2014", "\u00a0"]
    chooser = random.Random(7)
    pairs = [(chooser.choice(letters), chooser.choice(letters + marks + others)) for _ in range(1000)]
    pairs += [(chooser.choice(marks + others), chooser.choice(letters)) for _ in range(1000)]
    for before, after in pairs:
        assert may_break_between(before, after) == (list(line_break_breakables(before + after))[1] == 1), \
            (before, after)
