"""The layout a newcomer reads: every module imports on its own, none is over 450 lines, the
modules import each other without a cycle (lazy imports inside functions included), and the
stages below the pipeline never import the pipeline or what stands on it."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"
MAX_LINES = 450
# What stands on the pipeline: the public API, the command line, its views and the batch runner.
ABOVE_PIPELINE = ("cleaner", "cleaner.cli", "cleaner.render", "cleaner.batch", "cleaner.__main__",
                  "cleaner.packs", "cleaner.checks")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The cleaner modules that ``name`` imports anywhere in its code, with their packages."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    found = set()
    for target in targets:
        parts = target.split(".")
        # Importing a.b.c runs a.b first (the top package, the facade, excepted).
        for end in range(2, len(parts) + 1):
            candidate = ".".join(parts[:end])
            if candidate in MODULES:
                found.add(candidate)
        if target == "cleaner":
            found.add("cleaner")
    # A module's own packages are already being imported when it runs: not an edge.
    return {t for t in found if t != name and not name.startswith(t + ".")}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"cleaner.__main__"}))  # that one runs the CLI
def test_every_module_imports_on_its_own(name):
    importlib.import_module(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_450_lines(name):
    assert len(MODULES[name].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (a path that ends where it starts), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> list[str] | None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state:
                found = visit(target, path + [target])
                if found:
                    return found
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state:
            found = visit(name, [name])
            if found:
                return found
    return None


def test_the_cycle_finder_finds_cycles():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycle():
    cycle = find_cycle(GRAPH)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_stages_do_not_import_upward():
    for name, targets in GRAPH.items():
        if name.startswith(ABOVE_PIPELINE) or name == "cleaner.pipeline":
            continue
        upward = {t for t in targets if t == "cleaner.pipeline" or t in ABOVE_PIPELINE
                  or t.startswith("cleaner.batch")}
        assert not upward, f"{name} imports {sorted(upward)}"
