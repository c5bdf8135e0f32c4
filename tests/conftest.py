import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The compiled rule-set cache of this test session (and of the commands it starts) lives in a
# folder of its own, never in the user's ~/.cache/cleaner.
_CACHE = tempfile.mkdtemp(prefix="cleaner-test-cache-")
os.environ["CLEANER_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture
def fixture_text():
    def load(name: str) -> str:
        for folder in (FIXTURES, SAMPLES):
            if (folder / name).exists():
                return read(folder / name)
        raise FileNotFoundError(name)
    return load


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="Rewrite the pinned `cleaner explain` output of tests/cases/ (review the diff).")


@pytest.fixture
def update_snapshots(request) -> bool:
    return request.config.getoption("--update-snapshots")
