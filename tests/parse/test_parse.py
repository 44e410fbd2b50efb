"""The parser's additions to Python-Markdown: lists, fenced divs, strikethrough, stash, lines."""
from builder.parse import parse


def tags(element):
    return [child.tag for child in element]


def test_list_after_paragraph_is_a_list():
    root = parse("Intro:\n- a\n- b\n")
    assert tags(root) == ["p", "ul"]
    assert [li.text for li in root.find("ul")] == ["a", "b"]


def test_two_space_nesting():
    root = parse("- a\n  - b\n    - c\n")
    assert root.find("ul/li/ul/li/ul/li").text == "c"


def test_ordered_list_start_is_kept():
    assert parse("7. seven\n8. eight\n").find("ol").get("start") == "7"


def test_indented_code_after_blank_line_is_not_a_list():
    root = parse("text\n\n    - not a list\n")
    assert tags(root) == ["p", "pre"]


def test_list_marker_inside_fenced_code_is_untouched():
    root = parse("```\n  - keep\n    indent\n```\n")
    assert root.find("pre/code").text == "  - keep\n    indent\n"


def test_fenced_div_with_attributes_nests():
    root = parse(":::: columns\n::: {.column width=\"40%\"}\nleft\n:::\n::::\n")
    outer = root.find("div")
    assert outer.get("class") == "columns"
    inner = outer.find("div")
    assert inner.get("class") == "column" and inner.get("width") == "40%"
    assert inner.find("p").text == "left"


def test_stray_closing_fence_is_marked():
    assert tags(parse("text\n\n:::\n")) == ["p", "stray-fence"]


def test_strikethrough():
    assert parse("a ~~b~~ c").find("p/del").text == "b"


def test_html_comment_block_becomes_comment():
    root = parse("<!-- say hello -->\n\ntext\n")
    assert root[0].tag == "comment" and root[0].text == "say hello"


def test_inline_comment_and_break_and_entity():
    p = parse("a <!-- hidden --> b<br>c &copy;").find("p")
    assert [child.tag for child in p] == ["comment", "br"]
    assert "©" in "".join(p.itertext())


def test_heading_on_the_line_after_an_image_is_joined():
    root = parse("![i](a.png)\n## H\n\n![j](b.png)\n\n## K\n")
    headings = [child for child in root if child.tag == "h2"]
    assert headings[0].get("data-joined") == "1"
    assert headings[1].get("data-joined") is None


def test_source_lines_are_recorded():
    root = parse("# Title\n\nfirst para\n\n![x](pic.png)\n\n- item\n")
    assert root.find("h1").get("data-line") == "1"
    assert root.find("p").get("data-line") == "3"
    assert root.find(".//img").get("data-line") == "5"
    assert root.find(".//li").get("data-line") == "7"


def test_superscript_subscript_and_spans():
    p = parse("H~2~O e^x^ ~~gone~~ [caps]{.smallcaps}").find("p")
    assert [(child.tag, child.text) for child in p] == [("sub", "2"), ("sup", "x"), ("del", "gone"), ("span", "caps")]
    assert p.find("span").get("class") == "smallcaps"


def test_fenced_divs_one_after_another_nest_right():
    root = parse(":::: columns\n::: {.column width=\"40%\"}\nA\n:::\n::: column\nB\n:::\n::::\n")
    [outer] = root
    assert [child.get("class") for child in outer] == ["column", "column"]
    assert all(child.get("data-unclosed") is None for child in outer.iter("div"))


def test_fenced_code_inside_a_list_item_keeps_its_language():
    root = parse("- Nested\n\n    ``` haskell\n    g :: Int -> Int\n    ```\n")
    code = root.find(".//li//pre/code")
    assert code is not None and code.get("class") == "language-haskell" and code.text == "g :: Int -> Int\n"


def test_indented_code_is_not_escaped_twice():
    assert parse("    a -> b & c\n").find("pre/code").text == "a -> b & c\n"
