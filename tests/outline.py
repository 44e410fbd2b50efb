"""A plain-text outline of a composed deck, for fixture files that read like the slides."""
from __future__ import annotations

from builder.model import Code, Columns, Deck, Image, Paragraph, Table


def _runs(runs) -> str:
    out = []
    for run in runs:
        text = run.text.replace("\n", "⏎")
        if run.code:
            text = f"`{text}`"
        if run.bold:
            text = f"**{text}**"
        if run.italic:
            text = f"*{text}*"
        if run.strike:
            text = f"~~{text}~~"
        if run.script == "super":
            text = f"^{text}^"
        if run.script == "sub":
            text = f"~{text}~"
        if run.underline:
            text = f"_{text}_"
        if run.small_caps:
            text = f"<sc>{text}</sc>"
        if run.link:
            text = f"[{text}]({run.link})"
        out.append(text)
    return "".join(out)


def _blocks(blocks, lines, indent="  "):
    for block in blocks:
        if isinstance(block, Paragraph):
            number = f" ({block.number})" if block.number is not None else ""
            number += {True: " [x]", False: " [ ]", None: ""}[block.checked]
            lines.append(f"{indent}{block.kind} {block.level}{number}: {_runs(block.runs)}")
        elif isinstance(block, Code):
            language = f" {block.language}" if block.language else ""
            lines.append(f"{indent}code{language} {block.level}: " + " | ".join(block.text.split("\n")))
        elif isinstance(block, Image):
            hints = "".join(f" {k}={getattr(block, k)}" for k in ("width", "height", "title")
                            if getattr(block, k) is not None)
            lines.append(f"{indent}image: {block.src} \"{block.alt}\"{hints}")
        elif isinstance(block, Table):
            aligns = ",".join(a or "-" for a in block.aligns)
            lines.append(f"{indent}table [{aligns}]")
            for row in ([block.header] if block.header else []):
                lines.append(f"{indent}  header: " + " | ".join(_runs(cell) for cell in row))
            for row in block.rows:
                lines.append(f"{indent}  row: " + " | ".join(_runs(cell) for cell in row))
        elif isinstance(block, Columns):
            for column in block.columns:
                lines.append(f"{indent}column{f' {column.width}' if column.width else ''}:")
                _blocks(column.blocks, lines, indent + "  ")


def outline(deck: Deck) -> str:
    lines = []
    for slide in deck.slides:
        flags = (" [continued]" if slide.continued else "") + (" [hidden title]" if slide.title_hidden else "")
        lines.append(f"{slide.kind}: {_runs(slide.title)}{flags}")
        if slide.background is not None:
            bg = slide.background
            extra = "".join(f" {k}={getattr(bg, k)}" for k in ("share",) if getattr(bg, k) is not None)
            lines.append(f"  background {bg.background} {bg.fit}: {bg.src}{extra}")
        if slide.background_colour is not None:
            lines.append(f"  background colour: {slide.background_colour}")
        for paragraph in slide.subtitle:
            lines.append(f"  subtitle: {_runs(paragraph.runs)}")
        _blocks(slide.blocks, lines)
        for paragraph in slide.notes:
            lines.append(f"  notes: {_runs(paragraph.runs)}")
    return "\n".join(lines)


def read_fixtures(path):
    """markdown-it-py's fixture format: a title line, then `.`, the input, `.`, the expected
    output, `.`; cases separated by blank lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, index = [], 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == ".", f"{path.name}:{index + 2}: expected '.' after the title"
        index += 2
        parts = []
        for _ in range(2):
            start = index
            while lines[index] != ".":
                index += 1
            parts.append("\n".join(lines[start:index]))
            index += 1
        cases.append((title, index, parts[0], parts[1]))
    return cases
