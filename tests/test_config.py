"""Project defaults from deck.toml or [tool.deck], under front matter, under the command line."""
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from builder.cli import main
from builder.config import load


def texts(path) -> list[list[str]]:
    prs = Presentation(str(path))
    return [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame] for slide in prs.slides]


def dark(path) -> bool:
    return Presentation(str(path)).slide_master._element.find(qn("p:clrMap")).get("bg1") == "dk2"


@pytest.mark.slow
def test_deck_toml_sets_defaults_that_front_matter_and_the_command_line_override(tmp_path, monkeypatch, capsys):
    (tmp_path / "deck.toml").write_text('theme = "dark"\nfooter = "ACME"\nslide-numbers = true\nbogus = 1\n'
                                        'jobs = "two"\n', encoding="utf-8")
    (tmp_path / "plain.md").write_text("## S\n\ntext\n", encoding="utf-8")
    (tmp_path / "own.md").write_text("---\nfooter: Own footer\ntheme: band\n---\n## S\n\ntext\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "plain.md", "own.md", "-o", "out", "-q"]) == 0
    err = capsys.readouterr().err
    assert "'bogus' is not an option of deck" in err and "jobs = 'two' should be a whole number" in err
    assert texts(tmp_path / "out" / "plain.pptx") == [["S", "text", "ACME", "1"]] and dark(tmp_path / "out" / "plain.pptx")
    assert texts(tmp_path / "out" / "own.pptx") == [["S", "text", "Own footer", "1"]]
    assert not dark(tmp_path / "out" / "own.pptx")  # the deck's own theme
    assert main(["build", "plain.md", "-o", "cli", "-q", "--set", "footer=From CLI", "--theme", "light"]) == 0
    assert texts(tmp_path / "cli" / "plain.pptx") == [["S", "text", "From CLI", "1"]]
    assert not dark(tmp_path / "cli" / "plain.pptx")


def test_tool_deck_in_pyproject_is_found_from_a_subfolder_and_strict_applies(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.deck]\nstrict = true\noutput = "decks"\n'
                                             'quiet = true\n', encoding="utf-8")
    (tmp_path / "talks").mkdir()
    (tmp_path / "talks" / "warned.md").write_text("## S\n\n![x](missing.png)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "talks")
    config = load()
    assert config.origin == tmp_path / "pyproject.toml"
    assert config.values == {"strict": True, "output": str((tmp_path / "decks").resolve()), "quiet": True}
    assert main(["build", "warned.md"]) == 1  # strict, from the project
    assert capsys.readouterr().err == ""  # quiet, from the project: warnings are not printed
    assert (tmp_path / "decks" / "warned.pptx").exists()  # paths in the file are relative to the file


def test_a_pyproject_without_tool_deck_is_no_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load(tmp_path).values == {} and load(tmp_path).problems == []


def test_deck_config_says_where_each_setting_comes_from(tmp_path, monkeypatch, capsys):
    (tmp_path / "deck.toml").write_text('theme = "dark"\nslide-numbers = true\n', encoding="utf-8")
    (tmp_path / "talk.md").write_text("---\nfooter: Deck footer\n---\n## S\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["config", "talk.md", "--set", "accent-colour=#C0392B"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert rows["theme"].split()[1:] == ["dark", str(tmp_path / "deck.toml")]
    assert rows["footer"].endswith("talk.md front matter") and "Deck footer" in rows["footer"]
    assert rows["accent-colour"].endswith("command line") and rows["jobs"].endswith("default")
