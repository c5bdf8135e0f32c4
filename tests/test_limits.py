"""Bounds: inputs too large or too slow are refused whole with one clear line; deep nesting keeps
its text."""

import subprocess
import sys

import pytest

from cleaner import CleanTimeout, InputError, InputTooLarge, clean
from conftest import ROOT

PARA = "The council approved the repairs of the old harbour footbridge on Tuesday after three years of debate. "


def test_max_bytes_refuses_whole_inputs_not_truncates():
    text = "".join(f"{i}. {PARA}\n\n" for i in range(200))
    assert clean(text, max_bytes=None).text
    with pytest.raises(InputTooLarge, match="max_bytes"):
        clean(text, max_bytes=1000)
    with pytest.raises(InputTooLarge):
        clean(text.encode(), max_bytes=1000)


def test_a_gzipped_input_is_measured_after_expanding():
    import gzip
    packed = gzip.compress("".join(f"{i}. {PARA}\n\n" for i in range(2000)).encode())
    assert len(packed) < 30_000
    with pytest.raises(InputTooLarge):
        clean(packed, max_bytes=30_000)
    assert clean(packed).text.startswith("0. The council approved")


def test_timeout_gives_up_with_an_input_error():
    text = (PARA + "\n\n") * 20_000
    with pytest.raises(CleanTimeout):
        clean(text, mode="text", timeout=1e-6)
    assert issubclass(CleanTimeout, InputError) and issubclass(InputTooLarge, InputError)


def test_html_nested_deeper_than_the_parser_allows_keeps_its_text():
    html = ("<html><body>" + "<div>" * 3000 + f"<p>{PARA * 3}</p><p>{PARA * 2}</p>"
            + "</div>" * 3000 + "</body></html>")
    result = clean(html, mode="html")
    assert result.text.count("The council approved") == 5
    assert result.warnings and "deeper" in result.warnings[0]


@pytest.mark.parametrize("depth", [100, 1000, 2000])
def test_html_nested_within_the_parser_limit_is_cleaned_normally(depth):
    html = ("<html><body>" + "<div>" * depth + f"<p>{PARA * 3}</p><p>{PARA * 2}</p>"
            + "</div>" * depth + "</body></html>")
    result = clean(html, mode="html")
    assert result.text.count("The council approved") == 5 and not result.warnings


def test_cli_refuses_an_oversized_input_in_one_line():
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--max-mb", "0.001"],
                          input=((PARA + "\n\n") * 100).encode(), capture_output=True, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == b""
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "limit" in err


def test_a_long_run_of_comment_buttons_is_grown_into_regions_a_linear_number_of_times(monkeypatch):
    """A page of thousands of "Reply" / "Report" lines (one rule's label over and over: no
    thread) grows no region; every seed used to be tried again over the whole run, which took a
    minute for 9,000 lines. A seed inside a run that did not stand is not tried again."""
    from cleaner.text import regions

    calls = []
    extend = regions._extend_region
    monkeypatch.setattr(regions, "_extend_region", lambda *args: calls.append(args[1]) or extend(*args))
    page = "\n".join(["Reply", "Report"] * 1500) + "\n" + PARA + "\n"
    result = clean(page, mode="text")
    assert result.text.strip() == PARA.strip()
    assert len(calls) <= 3  # was one per line: 3,000
