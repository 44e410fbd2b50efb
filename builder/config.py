"""Project defaults for every option, from `deck.toml` or `[tool.deck]` in `pyproject.toml` (the
nearest one at or above the current folder). Front matter overrides them for its deck, and the
command line overrides both. Safety is not a default: the file may not allow the web or files
outside the project, nor raise the pixel limit, and its `output` and `template` stay inside its
folder (see _unsafe)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .settings import KEYS as SETTING_KEYS, normalise_key

# Options of `deck build`, with the type each takes.
BUILD_OPTIONS = {"output": str, "theme": str, "template": str, "encoding": str, "strict": bool, "jobs": int,
                 "allow-remote": bool, "allow-outside": bool, "max-pixels": int, "quiet": bool, "verbose": bool}
COMMAND_LINE_ONLY = {"allow-remote", "allow-outside"}
INSIDE = {"output", "template"}  # paths, relative to the file, that must stay in its folder
DEFAULTS = {"output": "output", "theme": "light", "template": None, "encoding": "utf-8", "strict": False,
            "jobs": None, "allow-remote": False, "allow-outside": False, "max-pixels": 64_000_000, "quiet": False,
            "verbose": False}


@dataclass
class Config:
    """Values by key (dashes, lower case), where they came from (None: no file), and what was
    wrong with the file."""

    values: dict = field(default_factory=dict)
    origin: Path | None = None
    problems: list[str] = field(default_factory=list)

    def get(self, key: str):
        return self.values.get(key)

    def deck_defaults(self) -> dict:
        """What every deck starts from, under its front matter: settings (footer, fonts, …),
        theme and template."""
        return {key: value for key, value in self.values.items() if key in SETTING_KEYS or key in ("theme", "template")}


def _read_toml(path: Path) -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    with path.open("rb") as stream:
        return tomllib.load(stream)


def find(start: Path) -> tuple[Path, dict] | None:
    """The nearest configuration at or above `start`: (its file, its table)."""
    for folder in (start.resolve(), *start.resolve().parents):
        own = folder / "deck.toml"
        if own.is_file():
            return own, None
        project = folder / "pyproject.toml"
        if project.is_file():
            return project, ("tool", "deck")
    return None


def load(start: Path | None = None) -> Config:
    """The configuration in force in `start` (default: the current folder)."""
    found = find(start or Path.cwd())
    if found is None:
        return Config()
    path, table = found
    try:
        data = _read_toml(path)
    except (OSError, ValueError) as error:
        return Config(origin=path, problems=[f"{path}: error: cannot be read as TOML ({error}); ignored"])
    for key in table or ():
        data = data.get(key, {}) if isinstance(data, dict) else {}
    if table and not data:
        return Config()  # a pyproject.toml without [tool.deck]
    config = Config(origin=path)
    for raw_key, value in data.items():
        key = normalise_key(raw_key)
        wanted = BUILD_OPTIONS.get(key)
        if wanted is None and key not in SETTING_KEYS:
            config.problems.append(f"{path}: warning: {raw_key!r} is not an option of deck; ignored")
        elif wanted is not None and not isinstance(value, wanted) or isinstance(value, bool) and wanted is int:
            kind = {bool: "true or false", int: "a whole number", str: "a text"}[wanted]
            config.problems.append(f"{path}: warning: {raw_key} = {value!r} should be {kind}; ignored")
        else:
            problem = _unsafe(key, value, path)
            if problem:
                config.problems.append(f"{path}: warning: {raw_key} = {value!r} {problem}; ignored")
            else:
                config.values[key] = str(Path(path.parent, value).resolve()) if key in INSIDE else value
    return config


def _unsafe(key: str, value, path: Path) -> str | None:
    """Why the project file may not set `key` to `value` (None: it may). A repository's own
    file is input like any other: it may not switch safety off, nor name files outside itself."""
    if key in COMMAND_LINE_ONLY:
        return f"can only be asked for on the command line (--{key}): a project's file may not switch safety off"
    if key == "max-pixels" and value > DEFAULTS["max-pixels"]:
        return f"may only lower the limit ({DEFAULTS['max-pixels']:,}); --max-pixels raises it"
    if key in INSIDE:
        folder = path.parent.resolve()
        if not Path(folder, value).resolve().is_relative_to(folder):
            return f"is outside the project ({folder}); the command line may name it"
    return None
