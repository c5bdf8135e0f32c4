"""Many inputs at once: ``cleaner fix`` over files and ``cleaner jsonl`` over a stream of records.

    files.py   collect the files, map them to outputs, write one back atomically
    pool.py    the worker processes (forked after the rule packs are compiled), results in order
    fixing.py  ``cleaner fix``: clean each file, write (or check, or diff), report
    jsonl.py   ``cleaner jsonl``: clean one field of every record, in bounded chunks

The names below load with the module that defines them, on first use: the command line reads
``batch.files``' constants for its options without starting on the process pool's imports
(multiprocessing, concurrent.futures).
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "files": ("DEFAULT_INCLUDE", "OUTPUT_SUFFIX", "Conflict", "Job", "atomic_write", "collect",
              "read_file_list"),
    "fixing": ("CHECK", "CLEANED", "DIFF", "FAILED", "FILES_PER_CHUNK", "FIX", "UNCHANGED",
               "FixOptions", "Outcome", "Summary", "_umask", "fix", "fix_one", "run_jobs",
               "unified_diff"),
    "jsonl": ("JSONL_CHUNK_BYTES", "JSONL_CHUNK_LINES", "JsonlOptions", "filter_jsonl"),
    "pool": ("BatchError", "default_jobs", "ordered_map"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(name for name in _WHERE if not name.startswith("_"))


def __getattr__(name: str):
    if name in _EXPORTS:  # a submodule: batch.fixing
        return importlib.import_module(f"{__name__}.{name}")
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
