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
TESTS = Path(__file__).resolve().parent


def recipe(name: str) -> dict:
    """The names a README recipe block defines (the block after ``<!-- recipe: NAME -->``)."""
    found = re.search(rf"<!-- recipe: {name} -->\s*```python\n(.*?)```", README.read_text(), re.S)
    assert found, f"README has no {name} recipe"
    namespace: dict = {"__name__": f"readme_recipe_{name}"}
    exec(compile(found.group(1), f"README.md[{name}]", "exec"), namespace)
    return namespace


def run_recipe(name: str, call: str, *args: str, env: dict | None = None) -> None:
    """Run ``call`` (Python, with ``recipe`` bound to the block's names and ``argv``) in a fresh
    interpreter: the engine's libraries and threads stay out of the test process (a bloated
    process would inflate the memory other tests measure in their subprocesses), and whatever
    the engine leaves behind ends with it."""
    code = ("import json, sys\n"
            f"sys.path.insert(0, {str(TESTS)!r})\n"
            "from test_engines import recipe as _recipe\n"
            f"recipe = _recipe({name!r})\n"
            "argv = sys.argv[1:]\n"
            + call)
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), **(env or {})), timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]


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
def test_spark_map_partitions_gives_the_texts_of_cleaner_jsonl(tmp_path):
    rows = records()
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    run_recipe("spark", "recipe['spark_clean_jsonl'](*argv)", str(src), str(tmp_path / "out"),
               env={"SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable})
    got = read_outputs(tmp_path / "out", "part-*")
    assert len(list((tmp_path / "out").glob("part-*"))) == 2  # local[2]: two partitions, two tasks
    assert got == cleaner_jsonl(rows)


@pytest.mark.skipif(importlib.util.find_spec("toolz") is None, reason="dask.bag's dependencies (the dask extra) are missing")
@_needs("dask", "dask")
def test_dask_map_partitions_gives_the_texts_of_cleaner_jsonl(tmp_path):
    rows = records()
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "0.jsonl", rows[:6])
    write_jsonl(tmp_path / "in" / "1.jsonl", rows[6:])
    run_recipe("dask", "recipe['dask_clean_jsonl'](*argv)", str(tmp_path / "in" / "*.jsonl"), str(tmp_path / "out"))
    assert len(list((tmp_path / "out").glob("*.jsonl"))) == 2
    assert read_outputs(tmp_path / "out", "*.jsonl") == cleaner_jsonl(rows)


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="Ray Data needs pyarrow (the ray extra)")
@_needs("ray", "ray")  # the nearest mark is evaluated first: its reason is the one shown
def test_ray_map_batches_gives_the_texts_of_cleaner_jsonl(tmp_path):
    rows = records()
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    run_recipe("ray", "rows = [json.loads(line) for line in open(argv[0], encoding='utf-8')]\n"
                      "result = recipe['ray_clean_records'](rows)\n"
                      "json.dump(result, open(argv[1], 'w', encoding='utf-8'), ensure_ascii=False)",
               str(src), str(tmp_path / "out.json"), env={"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"})
    got = {r["id"]: r for r in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))}
    assert got == cleaner_jsonl(rows)
