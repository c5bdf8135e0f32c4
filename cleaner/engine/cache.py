"""The compiled rule-set cache: a RuleSet, once built, pickled into the user's cache directory and
loaded by every later run with the same packs, selection, cleaner and Python.

Building the built-in set costs ~200 ms (the TOML read, each pattern's parse for its pre-filter
literals, ~370 regular expressions compiled); loading it ~15 ms. A compiled ``re`` pattern pickles
as its source and is compiled again on loading, which would keep most of the cost, so it is
stored as what the compiler made of it (``_sre``'s code words) and rebuilt without compiling.

The cache is never a correctness dependency. The key (a 256-bit BLAKE2b digest) covers every pack file's path
and bytes, the selection, cleaner's version and the source of the code that builds the set, and
the Python version; a file is trusted only when its header names that key and its payload has the
digest the header gives, and only when it is this user's and nobody else may write it. Anything
else — a stale key, a corrupt, truncated or unreadable file, an unwritable directory — means the
set is built as if there were no cache (and written back when the directory allows). Writes are
atomic: a temporary file in the same directory, then a rename.

    where:  $CLEANER_CACHE_DIR, else $XDG_CACHE_HOME/cleaner, else ~/.cache/cleaner
    off:    CLEANER_NO_CACHE=1
"""

from __future__ import annotations

import io
import os
import pickle
import re
import sys
from array import array
from pathlib import Path
from typing import Callable, Iterable

from .._version import __version__
from .matcher import RuleSet, _Pattern

try:  # CPython's built-in BLAKE2: no OpenSSL to load (hashlib's import alone is ~3 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b


def _digest(data: bytes = b"") -> "blake2b":
    return blake2b(data, digest_size=32)

FORMAT = b"cleaner-rules-cache 1"  # change when the file's layout changes
KEEP = 8  # rule-set files kept in the directory (one per configuration in use); older ones go
_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose output is cached: what a RuleSet holds and how it is built from the packs.
_CODE = sorted((_PACKAGE / "engine").glob("*.py")) + [_PACKAGE / "html" / "adblock.py",
                                                      _PACKAGE / "html" / "css.py"]


def cache_dir() -> Path | None:
    """Where compiled rule sets are kept, or None when caching is off (CLEANER_NO_CACHE=1)."""
    if os.environ.get("CLEANER_NO_CACHE", "").strip() not in ("", "0"):
        return None
    chosen = os.environ.get("CLEANER_CACHE_DIR")
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative value is ignored
        return Path(xdg) / "cleaner"
    try:
        return Path.home() / ".cache" / "cleaner"
    except RuntimeError:  # no home directory to find
        return None


def cache_key(files: Iterable[Path], extra: tuple = ()) -> str:
    """The key of the set built from ``files`` (pack files, filter lists) with ``extra`` (the
    selection): their paths and bytes, the building code's source, cleaner's and Python's
    versions (a BLAKE2b digest, hex). OSError if a file cannot be read."""
    digest = _digest(FORMAT)
    digest.update(repr((__version__, sys.version, sys.implementation.cache_tag, extra)).encode())
    for path in _CODE:
        digest.update(b"\0code\0" + path.name.encode() + b"\0" + path.read_bytes())
    for path in files:
        digest.update(b"\0file\0" + os.fsencode(str(path)) + b"\0" + Path(path).read_bytes())
    return digest.hexdigest()


def cached_ruleset(files: Iterable[Path], extra: tuple, build: Callable[[], RuleSet]) -> RuleSet:
    """The RuleSet that ``build()`` makes from ``files``: from the cache when it holds one under
    their key, else built (and stored). ``build``'s errors (a broken pack) propagate and are never
    cached."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = cache_key(files, extra)
    except OSError:  # a file cannot be read: the build says which, in its own words
        return build()
    path = folder / f"rules-{key[:32]}.pickle"
    ruleset = read_ruleset(path, key)
    if ruleset is None:
        ruleset = build()
        write_ruleset(path, key, ruleset)
    return ruleset


# ----------------------------------------------------------------------------- the file

def _header(key: str, payload: bytes) -> bytes:
    return b"%s\n%s\n%d %s\n" % (FORMAT, key.encode(), len(payload),
                                  _digest(payload).hexdigest().encode())


def read_ruleset(path: Path, key: str) -> RuleSet | None:
    """The RuleSet in ``path`` if the file is sound and was written under ``key``; else None."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
                return None  # someone else's file, or one others may write: not ours to trust
            data = handle.read()
    except OSError:
        return None
    head = data.split(b"\n", 3)
    if len(head) != 4 or head[0] != FORMAT or head[1] != key.encode():
        return None
    payload = head[3]
    try:
        size, digest = head[2].split(b" ")
        if int(size) != len(payload) or digest != _digest(payload).hexdigest().encode():
            return None
        ruleset = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - whatever is wrong with the file, the set is rebuilt
        return None
    return ruleset if type(ruleset) is RuleSet else None


def write_ruleset(path: Path, key: str, ruleset: RuleSet) -> bool:
    """Store ``ruleset`` in ``path`` atomically; False (and nothing left behind) if it cannot be."""
    try:
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(ruleset)
        payload = buffer.getvalue()
    except Exception:  # noqa: BLE001 - something in the set does not pickle: run uncached
        return False
    temp = None
    try:
        import tempfile  # only when writing

        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_header(key, payload) + payload)
        os.replace(temp, path)
        temp = None
        _prune(path.parent, keep=path)
        return True
    except OSError:
        return False
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(folder: Path, keep: Path) -> None:
    """Leave the KEEP most recently written rule sets (``keep`` among them)."""
    try:
        found = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in [p for p in found if p != keep][KEEP - 1:]:
        try:
            old.unlink()
        except OSError:
            pass


# ----------------------------------------------------------------------------- compiled patterns

if sys.version_info >= (3, 11):
    from re import _compiler as _sre_compile, _parser as _sre_parse
else:  # pragma: no cover - exercised on 3.10 only
    import sre_compile as _sre_compile
    import sre_parse as _sre_parse

import _sre  # noqa: E402


def _rebuild_pattern(pattern, flags: int, code: bytes, groups: int, groupindex: dict, indexgroup: tuple):
    """A stdlib pattern from its compiled code words (what ``re.compile`` ends with)."""
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def _pattern_parts(compiled: re.Pattern) -> tuple | None:
    """What ``_rebuild_pattern`` needs to make ``compiled`` again, or None if the rebuilt pattern
    would differ (patterns compare equal when their flags and code words are the same)."""
    try:
        parsed = _sre_parse.parse(compiled.pattern, compiled.flags)
        code = _sre_compile._code(parsed, compiled.flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts = (compiled.pattern, compiled.flags | parsed.state.flags, array("I", code).tobytes(),
                 parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return parts if _rebuild_pattern(*parts) == compiled else None
    except Exception:  # noqa: BLE001 - the stdlib's internals changed: pickle it the usual way
        return None


def _loaded_pattern(rule_index: int, scope: str, source: str, limit: int, making: tuple | None) -> _Pattern:
    """A rule's pattern as loaded: compiled on its first use, from ``making`` when given."""
    loaded = _Pattern(rule_index, scope, source, limit)
    if making is not None:
        loaded.__dict__["_making"] = making
    return loaded


class _Pickler(pickle.Pickler):
    """A pickler that stores stdlib patterns compiled (see ``_rebuild_pattern``), and a rule's
    pattern so that it is made on its first use rather than when the set loads (~7 ms)."""

    def reducer_override(self, obj):
        if type(obj) is re.Pattern:
            parts = _pattern_parts(obj)
            if parts is not None:
                return _rebuild_pattern, parts
        elif type(obj) is _Pattern:
            compiled = obj.compiled
            parts = _pattern_parts(compiled) if type(compiled) is re.Pattern else None
            return _loaded_pattern, (obj.rule_index, obj.scope, obj.source, obj.limit,
                                     None if parts is None else (_rebuild_pattern, parts))
        return NotImplemented
