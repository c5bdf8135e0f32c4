"""Settings from ``.cleaner.toml`` or ``[tool.cleaner]`` in ``pyproject.toml``.

Found as ruff and black find theirs: the nearest such file in the current directory or a parent.
A ``.cleaner.toml`` wins over a ``pyproject.toml`` in the same directory; a ``pyproject.toml``
without a ``[tool.cleaner]`` table is passed over. Command-line flags override what is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .engine.load import toml_module
from .engine.model import PackError
from .engine.select import RuleChoice

KEYS = {"rules", "enable", "disable", "mode", "format", "adblock"}
MODES = ("auto", "text", "html")
FORMATS = ("text", "json", "markdown")


@dataclass(frozen=True)
class Config:
    rules: tuple[str, ...] = ()  # user pack files or folders, absolute
    adblock: tuple[str, ...] = ()  # element-hiding filter lists, absolute
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    mode: str | None = None
    format: str | None = None
    source: str | None = None  # the file the settings came from


def find_config_file(start: Path) -> tuple[Path, dict] | None:
    """The nearest config file at or above ``start`` and its cleaner table."""
    for folder in (start, *start.parents):
        dedicated = folder / ".cleaner.toml"
        if dedicated.is_file():
            return dedicated, _read(dedicated)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _mentions_cleaner(pyproject):
            table = _read(pyproject).get("tool", {}).get("cleaner")
            if table is not None:
                return pyproject, table
    return None


def _mentions_cleaner(path: Path) -> bool:
    """Whether a pyproject.toml can hold a cleaner table: however TOML spells the table's name,
    the file holds the word. Most projects' files do not, and parsing them costs a run ~3 ms."""
    try:
        return b"cleaner" in path.read_bytes()
    except OSError:
        return True  # _read reports it


def _read(path: Path) -> dict:
    tomllib = toml_module()
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PackError(f"{path}: invalid config: {exc}") from None


def load_config(start: Path | None = None) -> Config:
    """Settings for a run started in ``start`` (default: the current directory)."""
    found = find_config_file((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, table = found
    unknown = set(table) - KEYS
    if unknown:
        raise PackError(f"{path}: unknown cleaner setting(s): {', '.join(sorted(unknown))}")

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PackError(f"{path}: '{key}' must be a list of strings")
        return tuple(value)

    for key, allowed in (("mode", MODES), ("format", FORMATS)):
        if key in table and table[key] not in allowed:
            raise PackError(f"{path}: '{key}' must be one of {', '.join(allowed)}")
    # Pack paths are relative to the config file, not to wherever cleaner runs.
    rules = tuple(str((path.parent / p).resolve()) for p in strings("rules"))
    adblock = tuple(str((path.parent / p).resolve()) for p in strings("adblock"))
    return Config(rules=rules, adblock=adblock, enable=strings("enable"), disable=strings("disable"),
                  mode=table.get("mode"), format=table.get("format"), source=str(path))


def rule_choice(config: Config, rules: tuple[str, ...] = (), enable: tuple[str, ...] = (),
                disable: tuple[str, ...] = (), adblock: tuple[str, ...] = ()) -> RuleChoice:
    """The rules for a run: the settings file's, with the command line's added (an ``enable``
    wins over a ``disable``, wherever each was given)."""
    return RuleChoice(
        paths=config.rules + tuple(str(Path(p).resolve()) for p in rules),
        enable=config.enable + tuple(enable),
        disable=config.disable + tuple(disable),
        adblock=config.adblock + tuple(str(Path(p).resolve()) for p in adblock),
    )
