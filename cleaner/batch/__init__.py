"""Many inputs at once: ``cleaner fix`` over files and ``cleaner jsonl`` over a stream of records.

    files.py   collect the files, map them to outputs, write one back atomically
    pool.py    the worker processes (forked after the rule packs are compiled), results in order
    fixing.py  ``cleaner fix``: clean each file, write (or check, or diff), report
    jsonl.py   ``cleaner jsonl``: clean one field of every record, in bounded chunks
"""

from .files import DEFAULT_INCLUDE, OUTPUT_SUFFIX, Conflict, Job, atomic_write, collect, read_file_list
from .fixing import (CHECK, CLEANED, DIFF, FAILED, FILES_PER_CHUNK, FIX, UNCHANGED, FixOptions, Outcome,
                     Summary, _umask, fix, fix_one, run_jobs, unified_diff)
from .jsonl import JSONL_CHUNK_BYTES, JSONL_CHUNK_LINES, JsonlOptions, filter_jsonl
from .pool import BatchError, default_jobs, ordered_map

__all__ = ["BatchError", "CHECK", "CLEANED", "Conflict", "DEFAULT_INCLUDE", "DIFF", "FAILED",
           "FILES_PER_CHUNK", "FIX", "FixOptions", "JSONL_CHUNK_BYTES", "JSONL_CHUNK_LINES", "Job",
           "JsonlOptions", "OUTPUT_SUFFIX", "Outcome", "Summary", "UNCHANGED", "atomic_write",
           "collect", "default_jobs", "filter_jsonl", "fix", "fix_one", "ordered_map",
           "read_file_list", "run_jobs", "unified_diff"]
