"""README's Spark, Dask and Ray recipes, run as written (local mode, loopback only): each gives
the texts `cleaner jsonl` gives for the same JSON Lines. Each test skips, with the reason, when
its extra (or Java, for Spark) is missing; Ray's local cluster is slow to start and marked so."""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLES, read

README = ROOT / "README.md"


def recipe(name: str) -> dict:
    """The names a README recipe block defines (the block after ``<!-- recipe: NAME -->``)."""
    found = re.search(rf"<!-- recipe: {name} -->\s*```python\n(.*?)```", README.read_text(), re.S)
    assert found, f"README has no {name} recipe"
    namespace: dict = {"__name__": f"readme_recipe_{name}"}
    exec(compile(found.group(1), f"README.md[{name}]", "exec"), namespace)
    return namespace


def records() -> list[dict]:
    pages = [read(SAMPLES / "harbour-bridge.txt"), read(SAMPLES / "jina-reader.md"),
             read(SAMPLES / "page.html"), read(FIXTURES / "html" / "onetrust-cookiebot.html"),
             read(SAMPLES / "cookie-law-explainer.txt"), read(FIXTURES / "html" / "article-ja.html")]
    return [{"id": i, "url": f"https://www.example.org/{i}", "text": pages[i % len(pages)]} for i in range(12)]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def cleaner_jsonl(rows: list[dict]) -> dict[int, dict]:
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    proc = subprocess.run([sys.executable, "-m", "cleaner", "jsonl"], input=stdin, capture_output=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
    return {r["id"]: r for r in map(json.loads, proc.stdout.splitlines())}


def read_outputs(folder: Path, pattern: str) -> dict[int, dict]:
    rows = [json.loads(line) for path in sorted(folder.glob(pattern)) for line in path.read_text().splitlines()]
    return {r["id"]: r for r in rows}


def _needs(module: str, extra: str):
    return pytest.mark.skipif(importlib.util.find_spec(module) is None,
                              reason=f"the {extra} extra is not installed (pip install 'cleaner[{extra}]')")


@_needs("pyspark", "spark")
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (apt-get install openjdk-17-jre-headless)")
def test_spark_map_partitions_gives_the_texts_of_cleaner_jsonl(tmp_path, monkeypatch):
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the workers import cleaner from this checkout too
    rows = records()
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    recipe("spark")["spark_clean_jsonl"](str(src), str(tmp_path / "out"))
    got = read_outputs(tmp_path / "out", "part-*")
    assert len(list((tmp_path / "out").glob("part-*"))) == 2  # local[2]: two partitions, two tasks
    assert got == cleaner_jsonl(rows)


@_needs("dask", "dask")
def test_dask_map_partitions_gives_the_texts_of_cleaner_jsonl(tmp_path, monkeypatch):
    pytest.importorskip("dask.bag", reason="the dask extra is not installed (pip install 'cleaner[dask]')")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the worker processes import cleaner too
    rows = records()
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "0.jsonl", rows[:6])
    write_jsonl(tmp_path / "in" / "1.jsonl", rows[6:])
    recipe("dask")["dask_clean_jsonl"](str(tmp_path / "in" / "*.jsonl"), str(tmp_path / "out"))
    assert len(list((tmp_path / "out").glob("*.jsonl"))) == 2
    assert read_outputs(tmp_path / "out", "*.jsonl") == cleaner_jsonl(rows)


@pytest.mark.slow
@_needs("ray", "ray")
def test_ray_map_batches_gives_the_texts_of_cleaner_jsonl(monkeypatch):
    pytest.importorskip("ray.data", reason="the ray extra is not installed (pip install 'cleaner[ray]')")
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    rows = records()
    got = {r["id"]: r for r in recipe("ray")["ray_clean_records"](rows)}
    assert got == cleaner_jsonl(rows)
