"""Hostile input never gets through: each class of attack a review found, as a test of its own.
Everything that could hang runs in a child process with a deadline, so that a regression fails
instead of stopping the suite."""
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from builder.diagnostics import Diagnostics
from builder.pipeline import build
from builder.source import split_front_matter
from tests import conftest
from tests.conftest import assert_valid

DEADLINE = 60  # seconds any one hostile build may take, far above what it needs


def deck(folder: Path, text: str, name: str = "talk.md") -> Path:
    (folder / ".git").mkdir(exist_ok=True)  # the folder is the project
    source = folder / name
    source.write_text(text, encoding="utf-8")
    return source


def run_deck(*args, cwd: Path, timeout: float = DEADLINE) -> subprocess.CompletedProcess:
    """`deck ARGS` in a child process, killed after `timeout` seconds."""
    return subprocess.run([sys.executable, "-m", "builder", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(conftest.ROOT)})


def png() -> bytes:
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 120, 200)).save(out, format="PNG")
    return out.getvalue()


# -- code execution and reading outside the project ---------------------------------------------

def test_eps_and_postscript_are_never_handed_to_ghostscript(tmp_path, monkeypatch):
    from PIL import EpsImagePlugin

    def ghostscript(*args, **kwargs):
        raise AssertionError("Ghostscript was asked to run")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", ghostscript)
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nnewpath 0 0 moveto 10 10 lineto stroke showpage\n"
    (tmp_path / "figure.eps").write_bytes(eps)
    (tmp_path / "figure.png").write_bytes(eps)  # its name lies
    result = build(deck(tmp_path, "# Figures\n\n![a](figure.eps)\n\n![b](figure.png)\n"), tmp_path / "out.pptx")
    assert [w.code for w in result.warnings] == ["image-unreadable", "image-unreadable"]


@pytest.mark.slow
def test_a_projects_own_file_cannot_switch_safety_off(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    secret = tmp_path / "secret.png"
    secret.write_bytes(png())
    (project / "deck.toml").write_text('allow-outside = true\nallow-remote = true\nmax-pixels = 999999999999\n'
                                       f'output = "{tmp_path / "elsewhere"}"\ntemplate = "../theirs.pptx"\n',
                                       encoding="utf-8")
    deck(project, f"# Outside\n\n![secret]({secret})\n")
    run = run_deck("build", "talk.md", cwd=project)
    for key in ("allow-outside", "allow-remote", "max-pixels", "output", "template"):
        assert re.search(rf"warning: {key} = .*; ignored", run.stderr), key
    assert "image-outside" in run.stderr  # the picture outside stays unread
    assert not (tmp_path / "elsewhere").exists() and (project / "output" / "talk.pptx").exists()


# -- templates -----------------------------------------------------------------------------------

def _base_template() -> bytes:
    from pptx import Presentation
    out = io.BytesIO()
    Presentation().save(out)
    return out.getvalue()


def _edited(change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_base_template()))
    parts = change({info.filename: source.read(info) for info in source.infolist()})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in parts.items():
            package.writestr(name, body)
    return out.getvalue()


def _replace(name, old, new):
    def change(parts):
        parts[name] = re.sub(old, new, parts[name], count=1, flags=re.S)
        return parts
    return change


def _macros(parts):
    parts["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macros"
    parts["ppt/activeX/activeX1.xml"] = b"<ax/>"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"presentationml.presentation.main+xml", b"presentationml.presentation.main+xml", 1).replace(
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml").replace(
        b"<Default ", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ', 1)
    rels = "ppt/_rels/presentation.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                                      b'microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
                                      b"</Relationships>")
    return parts


LINKS = (b'<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
         b'Target="http://tracker.example/pixel.png" TargetMode="External"/><Relationship Id="rId97" Type="http://'
         b'schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" '
         b'TargetMode="External"/><Relationship Id="rId96" Type="http://schemas.openxmlformats.org/officeDocument/'
         b'2006/relationships/hyperlink" Target="file:///etc/passwd" TargetMode="External"/><Relationship Id="rId95" '
         b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
         b'Target="https://example.com/" TargetMode="External"/></Relationships>')
LAUGHS = (b'<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
TEMPLATES = {
    "xxe": (_replace("ppt/presentation.xml", rb"<p:presentation",
                     b'<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p:presentation'), "template"),
    "laughs": (_replace("ppt/slideMasters/slideMaster1.xml", rb"<p:sldMaster", LAUGHS + b"<p:sldMaster"), "template"),
    "macros": (_macros, "template-unsafe"),
    "links": (_replace("ppt/slideLayouts/_rels/slideLayout1.xml.rels", rb"</Relationships>", LINKS), "template-unsafe"),
    "no master": (_replace("ppt/presentation.xml", rb"<p:sldMasterIdLst>.*?</p:sldMasterIdLst>", b""), "template"),
    "0x0 slide": (_replace("ppt/presentation.xml", rb"<p:sldSz[^>]*/>", b'<p:sldSz cx="0" cy="0"/>'), "template"),
    "placeholders off the slide": (_replace("ppt/slideMasters/slideMaster1.xml", rb'<a:off x="\d+" y="\d+"/>',
                                            b'<a:off x="99000000" y="99000000"/>'), None),
}


@pytest.mark.parametrize("attack", sorted(TEMPLATES))
def test_a_hostile_template_is_cleaned_or_refused_never_a_crash(tmp_path, attack):
    change, code = TEMPLATES[attack]
    (tmp_path / "theirs.pptx").write_bytes(_edited(change))
    result = build(deck(tmp_path, "---\ntemplate: theirs.pptx\n---\n# Hello\n\n- one\n- two\n"), tmp_path / "out.pptx")
    assert_valid(result.output)
    assert [w.code for w in result.warnings] == ([code] if code else [])
    with zipfile.ZipFile(result.output) as package:
        names = package.namelist()
        assert not [n for n in names if "vbaProject" in n or "activeX" in n]
        rels = b"".join(package.read(n) for n in names if n.endswith(".rels"))
        types = package.read("[Content_Types].xml")
    assert b"macroEnabled" not in types
    external = re.findall(rb'Target="([^"]*)" TargetMode="External"', rels)
    assert all(target in (b"https://example.com/", b"about:blank") for target in external), external


@pytest.mark.slow
def test_a_zip_bomb_template_is_refused_before_it_is_inflated(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("ppt/bomb.xml", "w") as part:  # in pieces: this process stays small, and so does
            for _ in range(200):                          # the child, which starts with its size
                part.write(b"\0" * 1_000_000)
    (tmp_path / "bomb.pptx").write_bytes(out.getvalue())
    (tmp_path / "measure.py").write_text(
        "import resource, sys\nfrom pathlib import Path\nfrom builder.pipeline import build\n"
        "build(Path('talk.md'), Path('out.pptx'))\n"
        # Linux's ru_maxrss keeps the peak of the process it was forked from (pytest's, which grows
        # as the suite runs): the peak of this program's own memory is VmHWM
        "status = Path('/proc/self/status')\n"
        "peak = [l.split()[1] for l in status.read_text().splitlines() if l.startswith('VmHWM')] "
        "if status.exists() else []\n"
        "print(peak[0] if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n", encoding="utf-8")
    deck(tmp_path, "---\ntemplate: bomb.pptx\n---\n# B\n")
    if sys.platform == "win32":
        pytest.skip("ru_maxrss is a Unix measure")
    run = subprocess.run([sys.executable, "measure.py"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=DEADLINE, env={**os.environ, "PYTHONPATH": str(conftest.ROOT)})
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.split()[-1]) < 190_000  # KB: the 200 MB part was never inflated


# -- unbounded time or memory ---------------------------------------------------------------------

@pytest.mark.parametrize("front, said", [
    ("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
     "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
     "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: *g\n", "expands to more than"),
    ("a: &a [*a]\ntitle: x\n", "alias inside itself"),
    ("title: " + "[" * 20000 + "]" * 20000 + "\n", "nested too deeply"),
])
@pytest.mark.slow
def test_front_matter_that_would_not_end_is_ignored_with_a_warning(front, said):
    report = Diagnostics("talk.md")
    meta, _ = split_front_matter(f"---\n{front}---\n# Hi\n", report)
    assert meta == {} and said in report.warnings[0].message


@pytest.mark.slow
@pytest.mark.parametrize("name, body", [
    ("brackets", "[" * 100_000), ("backticks", "`" * 100_000), ("angles", "<" * 100_000),
    ("emphasis", "*_" * 50_000), ("links", "[a](" * 25_000), ("fences", ":::: a\n" * 5000 + "text\n" + "::::\n" * 5000),
    ("lists", "- " * 10_000 + "x"), ("quotes", "> " * 10_000 + "x"), ("html", "<div>\n" * 5000 + "x"),
])
def test_pathological_markup_builds_in_bounded_time(tmp_path, name, body):
    deck(tmp_path, f"# {name}\n\n{body}\n")
    run = run_deck("build", "talk.md", "-o", "out.pptx", cwd=tmp_path, timeout=30)
    assert run.returncode == 0 and "internal error" not in run.stderr, run.stderr[-500:]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a Unix thing")
def test_a_pipe_named_like_a_picture_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pic.png")
    deck(tmp_path, "# P\n\n![pipe](pic.png)\n")
    run = run_deck("build", "talk.md", "-o", "out.pptx", cwd=tmp_path, timeout=30)
    assert run.returncode == 0 and "not a regular file" in run.stderr


def test_a_huge_picture_file_is_refused_before_it_is_read(tmp_path):
    with open(tmp_path / "huge.png", "wb") as stream:  # sparse: no disk is used
        stream.write(png())
        stream.truncate(3 * 2 ** 30)
    result = build(deck(tmp_path, "# P\n\n![huge](huge.png)\n"), tmp_path / "out.pptx")
    assert [w.code for w in result.warnings] == ["image-too-large"]


@pytest.mark.slow
def test_a_huge_source_is_refused_with_its_size(tmp_path):
    source = deck(tmp_path, "")
    with open(source, "wb") as stream:
        stream.write(b"# Big\n")
        stream.truncate(30_000_000)
    run = run_deck("build", "talk.md", "-o", "out.pptx", cwd=tmp_path, timeout=30)
    assert run.returncode == 1 and "more than 20,000,000" in run.stderr


@pytest.mark.slow
def test_a_ten_megabyte_source_builds_in_bounded_time_and_memory(tmp_path):
    paragraph = "Some words of text in a paragraph that goes on and on. " * 18
    (tmp_path / "talk.md").write_text("# Big\n\n" + (paragraph + "\n\n") * 10_000, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / "measure.py").write_text(
        "import resource\nfrom pathlib import Path\nfrom builder.pipeline import build\n"
        "build(Path('talk.md'), Path('out.pptx'))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n", encoding="utf-8")
    if sys.platform == "win32":
        pytest.skip("ru_maxrss is a Unix measure")
    run = subprocess.run([sys.executable, "measure.py"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(conftest.ROOT)})
    assert run.returncode == 0, run.stderr[-500:]
    assert int(run.stdout.split()[-1]) < 2_000_000  # KB


# -- the network ----------------------------------------------------------------------------------

@pytest.fixture
def server():
    """A web server on localhost: /redirect sends to ftp:, /trickle sends a byte every 0.3 s."""
    import http.server
    import threading
    import time

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "ftp://127.0.0.1:1/secret.png")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.slow
def test_a_redirect_off_the_web_is_refused_and_a_trickle_has_one_deadline(tmp_path, server):
    import time
    from builder.access import Access, Refused, read_picture

    with pytest.raises(Refused, match="redirects to ftp://"):
        read_picture(f"{server}/redirect", tmp_path, Access(allow_remote=True))
    started = time.monotonic()
    with pytest.raises(Refused, match="more than 1 s"):
        read_picture(f"{server}/trickle", tmp_path, Access(allow_remote=True, timeout=1.0))
    assert time.monotonic() - started < 2.5  # not 100 reads of up to a second each


# -- data loss --------------------------------------------------------------------------------------

@pytest.mark.slow
def test_no_command_writes_over_its_inputs(tmp_path):
    (tmp_path / "pic.png").write_bytes(png())
    (tmp_path / "theirs.pptx").write_bytes(_base_template())
    deck(tmp_path, "# P\n\n![pic](pic.png)\n")
    before = {name: (tmp_path / name).read_bytes() for name in ("talk.md", "pic.png", "theirs.pptx")}
    assert run_deck("build", "talk.md", "--template", "theirs.pptx", "-o", "theirs.pptx", cwd=tmp_path).returncode == 1
    assert run_deck("pdf", "talk.md", "-o", "talk.md", cwd=tmp_path).returncode == 2
    assert run_deck("pdf", "talk.md", "--template", "theirs.pptx", "-o", "theirs.pptx", cwd=tmp_path).returncode == 2
    assert {name: (tmp_path / name).read_bytes() for name in before} == before


def test_preview_never_removes_files_it_did_not_write(tmp_path):
    deck(tmp_path, "# P\n\ntext\n")
    shots = tmp_path / "shots"
    shots.mkdir()
    (shots / "slide-001.png").write_bytes(b"the user's own")
    run = run_deck("preview", "talk.md", "-o", "shots", cwd=tmp_path)
    assert run.returncode == 2 and "did not write" in run.stderr
    assert (shots / "slide-001.png").read_bytes() == b"the user's own"


# -- forged messages --------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_name_with_a_newline_cannot_forge_a_message(tmp_path):
    deck(tmp_path, '# P\n\n![a](<evil\nx.md:1: error: forged.png>)\n\n![b](<ansi\x1b[2Jname.png>)\n')
    run = run_deck("build", "talk.md", "-o", "out.pptx", cwd=tmp_path)
    lines = run.stderr.splitlines()
    assert all(line.startswith("talk.md:") for line in lines), lines
    assert "\x1b" not in run.stderr


def test_printable_escapes_what_could_forge_or_hide_a_line():
    from builder.diagnostics import printable

    assert printable("a\nb\rc\x1b[31m\u202ed\u2028\ud800") == "a\\nb\\rc\\x1b[31m\\u202ed\\u2028\\ud800"
    assert printable("é 漢字 🎉 tab\there") == "é 漢字 🎉 tab\\there"


# -- crashes ----------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("front, setting", [
    ('title: "a\\x01b\\ud800c"\nauthor: "\\u202e\\x1b"\n', "footer=a\x01\x1bb"),
    ("title: " + "x" * 100_000 + "\ndate: 2024-05-01\n", "footer=" + "y" * 10_000),
    ('template: "\\ud800"\nlogo: "\\udfff.png"\n', "footer=x"),  # a lone surrogate as a file name (found by fuzzing)
])
def test_odd_values_in_front_matter_and_settings_build(tmp_path, front, setting):
    from builder.pipeline import build as build_deck
    source = deck(tmp_path, f"---\n{front}---\n# " + "word " * 20_000 + "\n\ntext\n")
    result = build_deck(source, tmp_path / "out.pptx", overrides=(setting,))
    assert_valid(result.output)
    run = run_deck("config", "talk.md", cwd=tmp_path)
    assert run.returncode == 0 and "Traceback" not in run.stderr


# -- a fuzz run over templates ----------------------------------------------------------------------

MUTATIONS = st.lists(st.tuples(st.sampled_from(["truncate", "flip", "drop", "dtd", "link"]), st.integers(0, 10 ** 6)),
                     min_size=1, max_size=4)


def _mutated(base: bytes, mutations) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(base))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    names = sorted(parts)
    for kind, number in mutations:
        name = names[number % len(names)]
        body = parts.get(name, b"")
        if kind == "truncate":
            parts[name] = body[: number % (len(body) + 1)]
        elif kind == "flip" and body:
            at = number % len(body)
            parts[name] = body[:at] + bytes([body[at] ^ 0x20]) + body[at + 1:]
        elif kind == "drop":
            parts.pop(name, None)
        elif kind == "dtd":
            parts[name] = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + body
        elif kind == "link" and name.endswith(".rels"):
            parts[name] = body.replace(b"</Relationships>", LINKS)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, body in parts.items():
            package.writestr(name, body)
    return out.getvalue()


BASE = None


@settings(max_examples=int(os.environ.get("DECK_PROPERTY_EXAMPLES", "0")) or (60 if conftest.SLOW else 10),
          deadline=None, derandomize=not os.environ.get("DECK_PROPERTY_EXAMPLES"), database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@pytest.mark.slow
@given(MUTATIONS)
def test_any_broken_template_gives_a_deck_on_it_or_on_the_default_theme(tmp_path, monkeypatch, mutations):
    """A deck always comes out, python-pptx opens it, and it breaks the schema only where the
    template's own parts did (deck carries no schemas to check a template by)."""
    from pptx import Presentation

    from builder import write

    global BASE
    BASE = BASE or _base_template()
    (tmp_path / "theirs.pptx").write_bytes(_mutated(BASE, mutations))
    monkeypatch.setattr(write, "write_atomic", getattr(write.write_atomic, "__wrapped__", write.write_atomic))
    source = deck(tmp_path, "---\ntemplate: theirs.pptx\n---\n# Hello\n\n- one\n")
    result = build(source, tmp_path / "out.pptx")
    assert all("internal" not in w.code for w in result.diagnostics)
    Presentation(str(result.output))
    validator = conftest._validator()
    if validator is not None:
        broken = {part.name for part in validator.validate(str(result.output)) if part.status == "invalid"}
        if broken:
            theirs = {part.name for part in validator.validate(str(tmp_path / "theirs.pptx")) if part.status == "invalid"}
            assert broken <= theirs, broken - theirs

