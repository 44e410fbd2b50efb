"""The quick inline pass gives the stock pass's tree on any text."""
import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from markdown.treeprocessors import InlineProcessor

import builder.parse as parse_module
from builder.parse import DeckExtension, parse
from builder.parse.inline import TRIGGERS, QuickInlineProcessor

PIECES = ["a", "b c", " ", "  \n", "\n", "*", "**", "_", "__", "`", "~", "~~", "^", "[", "]", "(", ")",
          "{", "}", "{.smallcaps}", "{=html}", "!", "<", ">", "&", "&amp;", "\\", "[^1]", "http://x.org",
          "a@b.org", "<b>", "</b>", ":", "#", "-", "1."]


def stock_reader() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists", "attr_list", "footnotes",
                                       DeckExtension()], output_format="xhtml")  # the stock reader, by name
    md.treeprocessors.register(InlineProcessor(md), "inline", 20)
    return md


@pytest.fixture(scope="module")
def stock():
    return stock_reader()


def shape(element) -> tuple:
    return (element.tag, sorted((key, str(value)) for key, value in element.attrib.items()), element.text,
            element.tail, [shape(child) for child in element])


def tree_text(text: str, reader=None) -> tuple:
    saved = parse_module._markdown
    try:
        if reader is not None:
            parse_module._markdown = reader
        return shape(parse(text))
    finally:
        parse_module._markdown = saved


def test_the_quick_pass_is_the_one_registered():
    reader = parse_module._reader()
    assert isinstance(reader.treeprocessors["inline"], QuickInlineProcessor)
    assert [name for name in TRIGGERS if name not in reader.inlinePatterns] == []  # none renamed


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@example("Here is ~~strook~~ and [small caps]{.smallcaps}.")  # a match, then a pattern skipped
@example("H~2~O and x^2^, `code`{=html} and *a **b** c*")
def test_quick_and_stock_passes_make_the_same_tree(stock, text):
    assert tree_text(text) == tree_text(text, stock)
