"""Time deck against pandoc on synthetic decks: wall time, peak memory and file size, measured in
the same run, the two tools alternating.

    python benchmarks/bench.py                     # 50, 500 and 5000 slides, the photo deck, cold start
    python benchmarks/bench.py --sizes 50 500 --repeat 5

pandoc is found on PATH or from pypandoc-binary (pip install pypandoc-binary); without it only
deck is measured. Decks and pictures are generated under benchmarks/work/ (not kept in git).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
PICTURES = 10  # distinct pictures, shown in turn on one slide in ten


def pandoc_path() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


def synthetic(slides: int) -> str:
    """Five bullets a slide with bold and italic, a picture on one in ten, notes on one in four,
    a table and a code block every 25."""
    parts = ["---\ntitle: Synthetic deck\nauthor: Benchmark\n---\n"]
    for n in range(1, slides + 1):
        parts.append(f"## Slide {n}\n")
        parts.extend(f"- Point {b} of slide {n} with **bold words** and *some emphasis* in it" for b in range(1, 6))
        parts.append("")
        if n % 10 == 0:
            parts.append(f"![Picture {n}](img/picture{n // 10 % PICTURES}.png)\n")
        if n % 25 == 0:
            parts.append("| Quarter | Revenue | Growth |\n|---|--:|--:|\n| Q1 | 10.2 | 3 % |\n| Q2 | 11.0 | 8 % |\n")
            parts.append("```python\ndef total(values):\n    return sum(v for v in values if v > 0)\n```\n")
        if n % 4 == 0:
            parts.append(f"::: notes\nWhat to say about slide {n}.\n:::\n")
    return "\n".join(parts)


def make_pictures(folder: Path) -> None:
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(PICTURES):
        image = Image.new("RGB", (800, 600), (240, 244, 248))
        draw = ImageDraw.Draw(image)
        for k in range(8):
            draw.rectangle((60 + k * 85, 500 - 40 * ((k + n) % 8 + 1), 120 + k * 85, 500), fill=(30, 90 + 15 * k, 160))
        image.save(folder / f"picture{n}.png")


def make_photos(folder: Path, count: int = 20) -> str:
    """`count` JPEGs of 4000×3000 like a camera's (smooth light and fine grain), one a slide."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        path = folder / f"photo{n}.jpg"
        if path.exists():
            continue
        base = Image.linear_gradient("L").resize((4000, 3000))
        grain = Image.effect_noise((4000, 3000), 24 + n)
        photo = Image.merge("RGB", (base, Image.blend(base, grain, 0.35), grain.point(lambda v: v // 2 + 60)))
        photo.save(path, quality=92)
    return "\n".join(f"## Photo {n}\n\n![Photo {n}](photos/photo{n}.jpg)\n" for n in range(count))


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (MB) of one command, which must succeed."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode(errors='replace')}")
    return wall, usage.ru_maxrss // 1024


def deck_command(source: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "builder", "build", str(source), "-o", str(output), "-q"]


def compare(name: str, markdown: str, pandoc: str | None, repeat: int) -> dict:
    source = WORK / f"{name}.md"
    source.write_text(markdown, encoding="utf-8")
    ours, theirs = WORK / f"{name}.deck.pptx", WORK / f"{name}.pandoc.pptx"
    times = {"deck": [], "pandoc": []}
    memory = {"deck": 0, "pandoc": 0}
    for _ in range(repeat):  # alternate, so that a busy moment of the machine hits both
        wall, peak = run(deck_command(source, ours), WORK)
        times["deck"].append(wall)
        memory["deck"] = max(memory["deck"], peak)
        if pandoc:
            wall, peak = run([pandoc, source.name, "-o", theirs.name], WORK)
            times["pandoc"].append(wall)
            memory["pandoc"] = max(memory["pandoc"], peak)
    result = {"name": name, "deck_s": statistics.median(times["deck"]), "deck_mb": memory["deck"],
              "deck_size": ours.stat().st_size}
    if pandoc:
        result.update(pandoc_s=statistics.median(times["pandoc"]), pandoc_mb=memory["pandoc"],
                      pandoc_size=theirs.stat().st_size)
    return result


HELP_PROBE = """
import contextlib, io, sys
from builder.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["--help"])
print(any(name.split(".")[0] in ("pptx", "PIL") for name in sys.modules))
"""


def cold_start(repeat: int) -> tuple[float, bool]:
    """Median wall time of building the seed deck from a new interpreter, and whether
    `deck --help` stays clear of pptx and PIL."""
    root = HERE.parent
    walls = [run(deck_command(root / "slides_src" / "cloud.md", WORK / "cloud.pptx"), root)[0] for _ in range(repeat)]
    probe = subprocess.run([sys.executable, "-c", HELP_PROBE], capture_output=True, text=True, cwd=root)
    return statistics.median(walls), probe.stdout.strip() == "False"


def warm_rebuild(source: Path, repeat: int = 15) -> float:
    """Median seconds of a rebuild in a warm process after a one-line edit, as `deck watch` does it."""
    sys.path.insert(0, str(HERE.parent))
    from builder.watch import Watcher

    original = source.read_text(encoding="utf-8")
    watcher = Watcher([(source, WORK / "warm.pptx")], {}, say=lambda *args, **kwargs: None)
    watcher.build(source, WORK / "warm.pptx")  # the first build: imports, fonts, every slide
    walls = []
    try:
        for n in range(repeat):
            source.write_text(original.replace("Point 3 of slide 20 ", f"Point 3 of slide 20, edit {n}, "),
                              encoding="utf-8")
            started = time.perf_counter()
            watcher.build(source, WORK / "warm.pptx")
            walls.append(time.perf_counter() - started)
    finally:
        source.write_text(original, encoding="utf-8")
    return statistics.median(walls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool per deck (median)")
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    # Installed from a wheel, the package is compiled at install; an editable checkout compiles on
    # first use, unless PYTHONDONTWRITEBYTECODE says not to (some CI machines do): compile it now,
    # so that every run measures the same installed state, not Python compiling our source.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "builder")], check=True)
    make_pictures(WORK / "img")
    pandoc = pandoc_path()
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0] \
        if pandoc else "not installed"
    print(f"deck vs {version}; {os.cpu_count()} cores; medians of {args.repeat} runs, alternating\n")
    rows = [compare(f"synthetic-{n}", synthetic(n), pandoc, args.repeat if n < 5000 else 1) for n in args.sizes]
    rows.append(compare("photos-20", make_photos(WORK / "photos"), pandoc, 1))
    print("| deck | slides | deck s | pandoc s | pandoc ÷ deck | deck MB | pandoc MB | deck file | pandoc file |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for row in rows:
        slides = row["name"].split("-")[1]
        pandoc_cells = (f"{row['pandoc_s']:.2f} | {row['pandoc_s'] / row['deck_s']:.1f}× | {row['deck_mb']} | "
                        f"{row['pandoc_mb']} | {row['deck_size'] / 1e6:.1f} MB | {row['pandoc_size'] / 1e6:.1f} MB"
                        if "pandoc_s" in row else f"– | – | {row['deck_mb']} | – | {row['deck_size'] / 1e6:.1f} MB | –")
        print(f"| {row['name']} | {slides} | {row['deck_s']:.2f} | {pandoc_cells} |")
    by_size = {int(row["name"].split("-")[1]): row for row in rows if row["name"].startswith("synthetic")}
    if 500 in by_size and 5000 in by_size:
        print(f"\n5000 slides take {by_size[5000]['deck_s'] / by_size[500]['deck_s']:.1f}× the time of 500 (linear: 10×)")
    photos = rows[-1]
    if "pandoc_size" in photos:
        print(f"photo deck: {photos['deck_size'] / photos['pandoc_size']:.2f} of pandoc's file size")
    if 50 in args.sizes:
        print(f"deck watch: a 50-slide deck rebuilds after a one-line edit in "
              f"{warm_rebuild(WORK / 'synthetic-50.md') * 1000:.0f} ms")
    wall, clean = cold_start(max(args.repeat, 15))
    print(f"seed deck, cold (interpreter start included): {wall:.2f} s; "
          f"deck --help imports neither pptx nor PIL: {'yes' if clean else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
