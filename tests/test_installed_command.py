"""The `deck` command as installed (`pip install -e .`), run as a person runs it: a newcomer's
mistakes are usage errors that say what was meant, nothing they have is written over, and every
command writes where the README says."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import needs_libreoffice
from tests.test_cli import MISTAKES

INSTALLED = shutil.which("deck", path=str(Path(sys.executable).parent)) or shutil.which("deck")
pytestmark = pytest.mark.skipif(INSTALLED is None, reason="the deck command is not installed: pip install -e .")
TALK = "---\ntitle: A talk\n---\n\n## Five points\n\n- one\n- two\n"


def deck(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """`deck ARGS` in `cwd`, as typed in a terminal."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run([INSTALLED, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env=env)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "talk.md").write_text(TALK, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("options, said", MISTAKES)
@pytest.mark.parametrize("command", ["build", *(pytest.param(name, marks=pytest.mark.slow)
                                                for name in ("check", "pdf", "preview", "watch"))])
def test_a_mistyped_option_is_a_usage_error_saying_what_was_meant(project, options, said, command):
    done = deck(command, "talk.md", *options, cwd=project)
    assert done.returncode == 2 and said in done.stderr
    assert sorted(path.name for path in project.iterdir()) == ["talk.md"]  # nothing written


@pytest.mark.slow
@pytest.mark.parametrize("command", ["check", "pdf", "preview", "watch"])
def test_every_command_that_builds_takes_the_same_look_and_encoding_options(project, command):
    shown = deck(command, "--help", cwd=project).stdout
    assert all(option in shown for option in ("--encoding", "--set", "--theme", "--template"))


def test_a_wrong_option_after_a_command_shows_that_commands_usage(project):
    done = deck("pdf", "talk.md", "--bogus", cwd=project)
    assert done.returncode == 2 and done.stderr.startswith("usage: deck pdf ")


@pytest.mark.parametrize("name", ["talk.ppt", *(pytest.param(name, marks=pytest.mark.slow)
                                          for name in ("talk.odp", "talk.pdf"))])
def test_an_output_named_like_another_kind_of_file_is_refused(project, name):
    done = deck("build", "talk.md", "-o", name, cwd=project)
    assert done.returncode == 2 and "writes PowerPoint .pptx decks" in done.stderr
    assert not (project / name).exists()


@pytest.mark.slow
def test_template_export_writes_pptx_or_potx_only_and_never_over_a_file(project):
    assert deck("template", "export", "band", "-o", "mine.odp", cwd=project).returncode == 2
    assert not (project / "mine.odp").exists()
    assert deck("template", "export", "band", "-o", "mine.potx", cwd=project).returncode == 0
    before = (project / "mine.potx").read_bytes()
    again = deck("template", "export", "dark", "-o", "mine.potx", cwd=project)
    assert again.returncode == 1 and "exists" in again.stderr
    assert (project / "mine.potx").read_bytes() == before


@pytest.mark.slow
def test_build_writes_into_output_and_says_one_slide_one_warning_in_the_singular(project):
    (project / "one.md").write_text("![no alt](missing.png)\n", encoding="utf-8")
    done = deck("build", "one.md", cwd=project)
    assert done.returncode == 0 and (project / "output" / "one.pptx").is_file()
    assert ": 1 slide, " in done.stdout and " 1 warning, " in done.stdout


@pytest.mark.slow
def test_theme_and_template_together_say_the_template_wins(project):
    assert deck("template", "export", "band", "-o", "corp.pptx", cwd=project).returncode == 0
    done = deck("build", "talk.md", "--theme", "dark", "--template", "corp.pptx", cwd=project)
    assert done.returncode == 0 and "the template wins" in done.stderr


@pytest.mark.slow
def test_front_matter_mistakes_stay_warnings_at_their_lines_and_the_command_lines_have_none(project):
    (project / "fm.md").write_text("---\ntitle: T\nslide-number: true\nlogo: nope.png\n---\n\n## A\n\ntext\n",
                                   encoding="utf-8")
    done = deck("build", "fm.md", cwd=project)
    assert done.returncode == 0
    assert "fm.md:3: warning: front matter key 'slide-number'" in done.stderr
    assert "fm.md:4: warning: logo nope.png not found; no logo is shown" in done.stderr
    flagged = deck("build", "talk.md", "--set", "logo=missing.png", cwd=project)
    assert flagged.returncode == 0
    assert "talk.md: warning: --set logo: missing.png not found; no logo is shown" in flagged.stderr
    assert "placeholder" not in done.stderr + flagged.stderr  # a logo that is not there is not stood in for


@pytest.mark.slow
def test_check_takes_a_folder_and_advises_cp1252_for_windows_text(project):
    (project / "talks").mkdir()
    (project / "talks" / "win.md").write_bytes("## Prix – 5 €\n\ntexte\n".encode("cp1252"))
    (project / "talks" / "utf16.md").write_bytes("## Unicode – “quoted”\n\ntext\n".encode("utf-16"))
    done = deck("check", "talks", cwd=project)
    assert done.returncode == 1 and "--encoding cp1252" in done.stdout and "latin-1" not in done.stdout
    assert "utf16.md" not in done.stdout  # read by its byte-order mark
    assert deck("check", "talks/win.md", "--encoding", "cp1252", cwd=project).returncode == 0


@pytest.mark.slow
def test_a_projects_deck_toml_output_is_where_build_and_pdf_write(project):
    (project / "deck.toml").write_text('output = "built"\n', encoding="utf-8")
    assert deck("build", "talk.md", "-q", cwd=project).returncode == 0
    assert (project / "built" / "talk.pptx").is_file() and not (project / "output").exists()


@needs_libreoffice
def test_pdf_writes_into_output_and_its_notes_beside_never_over_each_other(project):
    assert deck("pdf", "talk.md", cwd=project).returncode == 0
    slides = (project / "output" / "talk.pdf").read_bytes()
    assert deck("pdf", "talk.md", "--notes", cwd=project).returncode == 0
    assert (project / "output" / "talk.pdf").read_bytes() == slides  # --notes wrote its own file
    assert (project / "output" / "talk-notes.pdf").is_file()
    refused = deck("pdf", "talk.md", "-o", "talk.md", cwd=project)
    assert refused.returncode == 2 and (project / "talk.md").read_text(encoding="utf-8") == TALK


@needs_libreoffice
def test_preview_and_pdf_write_into_the_projects_output_folder_as_build_does(project):
    (project / "deck.toml").write_text('output = "built"\n', encoding="utf-8")
    assert deck("preview", "talk.md", cwd=project).returncode == 0
    assert (project / "built" / "talk-preview" / "contact.png").is_file()
    assert deck("pdf", "talk.md", cwd=project).returncode == 0
    assert (project / "built" / "talk.pdf").is_file() and not (project / "output").exists()
