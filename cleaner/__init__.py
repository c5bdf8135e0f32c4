"""cleaner: turn messy web pages, or text scraped out of them, into clean article text.

>>> from cleaner import clean
>>> result = clean(page_text)
>>> result.text, [(r.rule, r.text) for r in result.removed]
"""

from __future__ import annotations

from .decode import DecodeError
from .engine.matcher import RuleSet
from .engine.model import PackError
from .limits import CleanTimeout, InputError, InputTooLarge
from .pipeline import MODES, clean, sniff_mode
from .result import Removal, Result

__all__ = ["clean", "MODES", "InputError", "InputTooLarge", "CleanTimeout", "Result", "Removal",
           "DecodeError", "PackError", "RuleSet", "sniff_mode"]
from ._version import __version__  # noqa: E402
