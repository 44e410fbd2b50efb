"""Builds, transitions and links inside the deck, as the composer reads them."""
import pytest

from builder.compose import compose
from builder.compose.anchors import slug
from builder.compose.transitions import transition_named
from builder.diagnostics import Diagnostics
from builder.parse import parse


def deck_of(text: str, front: dict | None = None):
    report = Diagnostics("talk.md")
    return compose(parse(text), front or {}, report, "Talk"), report


def clicks(slide):
    return [(p.text, p.click) for p in slide.blocks if hasattr(p, "click")]


def test_incremental_front_matter_gives_each_top_level_item_a_click():
    deck, _ = deck_of("## S\n\n- a\n  - a1\n- b\n", {"incremental": True})
    assert clicks(deck.slides[0]) == [("a", 1), ("a1", 1), ("b", 2)]


def test_nonincremental_div_turns_it_off_and_incremental_on():
    deck, _ = deck_of("## S\n\n::: nonincremental\n- a\n- b\n:::\n\n::: incremental\n- c\n- d\n:::\n", {"incremental": True})
    assert clicks(deck.slides[0]) == [("a", 0), ("b", 0), ("c", 1), ("d", 2)]


def test_a_pause_shows_what_follows_on_the_next_click_and_a_picture_after_it_is_a_warning():
    deck, report = deck_of("## S\n\none\n\n. . .\n\ntwo\n\n![p](p.png)\n")
    assert clicks(deck.slides[0]) == [("one", 0), ("two", 1)]
    assert [w.code for w in report.warnings if w.code == "build"] == ["build"]


def test_deckset_build_lists_holds_from_there_on():
    deck, _ = deck_of("[.build-lists: true]\n\n## S\n\n- a\n- b\n")
    assert clicks(deck.slides[0]) == [("a", 1), ("b", 2)]


@pytest.mark.parametrize("asked, ours", [("fade", "fade"), ("slide-left", "push-left"), ("zoom-fast", "zoom"),
                                         ("Wipe", "wipe"), (False, "none"), ("sparkle", None), ("", None)])
def test_transitions_are_read_by_their_names_in_other_tools(asked, ours):
    assert transition_named(asked) == ours


def test_transitions_per_deck_per_slide_and_from_comments():
    deck, report = deck_of("## A\n\nx\n\n## B {transition=cover-up}\n\ny\n\n## C\n\n<!-- _transition: dissolve -->\n\nz\n",
                           {"transition": "push"})
    assert deck.meta.transition == "push" and [s.transition for s in deck.slides] == [None, "cover-up", "dissolve"]
    assert not report.warnings


@pytest.mark.parametrize("title, made", [("Why it matters", "why-it-matters"), ("2. Plan: the *next* steps", "plan-the-next-steps"),
                                         ("Évaluer l’été", "évaluer-lété")])
def test_headings_are_reached_by_pandocs_identifiers(title, made):
    assert slug(title) == made


def test_links_reach_ids_and_titles_and_a_link_to_nowhere_is_a_warning():
    deck, report = deck_of("## Start {#begin}\n\n[a](#begin) [b](#The End) [c](#nowhere)\n\n## The End\n\nx\n")
    links = [run.link for run in deck.slides[0].blocks[0].runs if run.link or run.text.strip() in ("a", "b", "c")]
    assert links == ["#begin", "#the-end", None]
    [warning] = report.warnings
    assert warning.code == "link" and "#nowhere" in warning.message and warning.line == 3


def test_toc_adds_a_contents_slide_of_links_after_the_title_slide():
    deck, report = deck_of("# One\n\n## A\n\nx\n\n## B\n\ny\n\n# Two\n\n## C\n\nz\n",
                           {"title": "T", "toc": True, "toc-title": "Agenda"})
    contents = deck.slides[1]
    assert deck.slides[0].kind == "title" and contents.title_text == "Agenda"
    assert [(p.text, p.level, p.runs[0].link) for p in contents.blocks] == [
        ("One", 0, "#one"), ("A", 1, "#a"), ("B", 1, "#b"), ("Two", 0, "#two"), ("C", 1, "#c")]
    assert not report.warnings


def test_slidevs_v_clicks_builds_the_lists_inside():
    deck, report = deck_of("## S\n\n<v-clicks>\n\n- one\n- two\n\n</v-clicks>\n\nafter\n")
    assert clicks(deck.slides[0]) == [("one", 1), ("two", 2), ("after", 0)] and not report.warnings


def test_marp_builds_its_star_and_parenthesis_lists_only():
    deck, _ = deck_of("## S\n\n* a\n* b\n\nthen\n\n- c\n- d\n\nand\n\n1) e\n2) f\n\nlast\n\n1. g\n", {"marp": True})
    assert clicks(deck.slides[0]) == [("a", 1), ("b", 2), ("then", 0), ("c", 0), ("d", 0), ("and", 0), ("e", 3),
                                      ("f", 4), ("last", 0), ("g", 0)]
    deck, _ = deck_of("## S\n\n* a\n* b\n")  # not a Marp deck: a star is a bullet like any other
    assert clicks(deck.slides[0]) == [("a", 0), ("b", 0)]


def test_reveal_fragments_appear_on_a_click_of_their_own():
    deck, report = deck_of('## S\n\n- a\n- b <!-- .element: class="fragment" -->\n\nshown\n\n'
                           'later <!-- .element: class="fragment fade-in" -->\n')
    assert clicks(deck.slides[0]) == [("a", 0), ("b", 1), ("shown", 0), ("later", 2)]
    assert not report.warnings


def test_slidevs_v_click_shows_all_it_holds_on_one_click():
    deck, report = deck_of("## S\n\nfirst\n\n<div v-click>\n\nsecond\n\n- with it\n\n</div>\n\n<v-click>\n\nthird\n\n</v-click>\n")
    assert clicks(deck.slides[0]) == [("first", 0), ("second", 1), ("with it", 1), ("third", 2)]
    assert not report.warnings


def test_deckset_media_options_are_not_a_caption_and_are_said_to_be_left_out():
    deck, report = deck_of("## S\n\n![autoplay, loop](clip.mp4)\n")
    [image] = deck.slides[0].blocks
    assert image.alt == "" and [w.code for w in report.warnings] == ["media"]
