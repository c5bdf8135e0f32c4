"""The seed page (../shared/seed) cleans to its expected article, through every entry point."""

import subprocess
import sys

import pytest

from cleaner import clean
from conftest import ROOT, SHARED

SEED = SHARED / "seed" / "000_922202727007834a.txt"
EXPECTED = SHARED / "seed" / "000_922202727007834a.expected.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not here")


def test_library_cleans_the_seed():
    assert clean(SEED.read_bytes()).text == EXPECTED.read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("how", ["file", "stdin", "dash"])
def test_cli_prints_the_expected_article(how):
    args = {"file": [str(SEED)], "stdin": [], "dash": ["-"]}[how]
    proc = subprocess.run([sys.executable, "-m", "cleaner", *args], input=SEED.read_bytes(),
                          capture_output=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == EXPECTED.read_bytes()
