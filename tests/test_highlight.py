"""Syntax colours for code: Pygments' tokens in our own palette."""
from builder.highlight import PALETTE, highlight


def contrast(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_python_is_coloured_line_by_line():
    lines = highlight('def f(x):\n    return "hi"  # say it\n', "python")
    assert len(lines) == 3 and "".join(r.text for r in lines[1]) == '    return "hi"  # say it'
    colour = {run.text.strip('"').strip(): run.colour for line in lines for run in line}
    assert colour["def"] and colour["hi"] and colour["# say it"]
    assert len({colour["def"], colour["hi"], colour["# say it"]}) == 3
    assert all(run.code for line in lines for run in line)


def test_unknown_or_missing_language_is_not_coloured():
    assert highlight("x = 1", "no-such-language") is None
    assert highlight("x = 1", None) is None


def test_every_colour_reads_on_white():
    assert all(contrast(colour) >= 4.5 for _, colour, _, _ in PALETTE)
