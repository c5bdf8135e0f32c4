from pathlib import Path

import pytest

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
