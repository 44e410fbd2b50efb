"""`deck new`: a starter deck showing every feature, with the picture and sound it uses."""
from __future__ import annotations

import sys
from pathlib import Path

from .diagnostics import printable

STARTER = """---
title: {title}
subtitle: What this deck can show
author: Your name
date: {date}
lang: en
transition: fade
toc: true
---

# Getting started

## Bullets and text

Plain paragraphs, **bold**, *italic*, `code` and [links](https://example.com).

- Bullets nest
  - two levels
    - or more
1. Numbered lists
2. keep their numbers

::: notes
Speaker notes go to the notes page: only the presenter sees them.
:::

## One point a click

::: incremental
- Each item appears on the next click
- the way PowerPoint builds a list
:::

. . .

A pause (`. . .`) shows what follows on the next click.

## Code

```python
def greet(name: str) -> str:
    return f"Hello, {{name}}!"
```

## A table

| Quarter | Revenue | Growth |
|:--------|--------:|-------:|
| Q1      |    10.2 |    3 % |
| Q2      |    11.0 |    8 % |

## A picture

Text on the left, the picture on the right.

![A bar chart rising from left to right]({picture})

## Two columns

:::: columns
::: column
**Before**

- manual steps
- slides by hand
:::
::: column
**After**

- one Markdown file
- a deck in a second
:::
::::

## A chart

```chart {{type=column title="Revenue by quarter"}}
Quarter,Revenue
Q1,10.2
Q2,11.0
```

## A sound

![A chime: click it to play]({sound})

A video (.mp4, .mov) is placed the same way, with a poster until it plays.

## A diagram

```mermaid
graph LR
  A[Markdown] --> B(deck) --> C[PowerPoint]
```

# Questions? {{transition=zoom}}

## Thank you

Back to [the contents](#contents), or to [the first slide](#bullets-and-text).

<!-- A comment is a speaker note too. -->
"""


def _chart(path: Path) -> None:
    """A simple bar chart for the starter's picture slide."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), (244, 247, 251))
    draw = ImageDraw.Draw(image)
    for index, height in enumerate((160, 250, 310, 420, 520)):
        left = 90 + index * 165
        draw.rectangle((left, 600 - height, left + 110, 600), fill=(46, 117, 182))
    draw.line((60, 600, 900, 600), fill=(89, 89, 89), width=4)
    image.save(path)


def _chime(path: Path) -> None:
    """Half a second of a fading 660 Hz tone, for the starter's sound slide."""
    import math
    import struct
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 660 * t / 8000) * (1 - t / 4000)))
                                 for t in range(4000)))


def new(name: str) -> int:
    """Write NAME.md, its picture NAME.png and its sound NAME.wav; never over an existing file."""
    source = Path(name if name.endswith(".md") else f"{name}.md")
    picture = source.with_suffix(".png")
    sound = source.with_suffix(".wav")
    for path in (source, picture, sound):
        if path.exists():
            print(printable(f"deck new: {path} exists; choose another name"), file=sys.stderr)
            return 1
    title = source.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "My talk"
    import datetime

    source.parent.mkdir(parents=True, exist_ok=True)
    _chart(picture)
    _chime(sound)
    source.write_text(STARTER.format(title=title, date=datetime.date.today().isoformat(), picture=picture.name,
                                     sound=sound.name), encoding="utf-8")
    print(printable(f"{source}: a starter deck (and {picture.name}, {sound.name}); build it with: deck build {source}"))
    return 0
