"""Records in, records out: the engine-free helper that Spark, Dask, Ray, datatrove and
``cleaner warc`` share.

A record is a dict; one of its fields (``text`` by default) holds a page or a scraped text. The
helper returns a copy with that field cleaned and every other field as it came, which is what
``cleaner jsonl`` writes for the same record. A record that cannot be cleaned is never raised
over: it comes back as it was, with an ``error`` field saying why (one line), so that a job over
millions of records goes on and the failures can be filtered afterwards.

Engines ship the function to their workers by module name (``cleaner.records.clean_records``),
which is why it lives in the installed package: a function defined in a driver script or a
notebook is pickled by value and breaks as soon as it grows a helper.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Iterable, Iterator

from .pipeline import clean
from .limits import DEFAULT_MAX_BYTES, InputError
from .engine.load import default_rules
from .engine.matcher import RuleSet
from .engine.model import PackError
from .engine.select import RuleChoice

# The fields ``metadata=True`` adds, in this order (before the cleaned field when the helper
# builds the record, as ``cleaner warc`` does).
METADATA_FIELDS = ("mode", "title", "lang")


def json_type(value) -> str:
    names = {type(None): "null", bool: "a boolean", int: "a number", float: "a number",
             str: "a string", list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def resolve_rules(rules: RuleSet | RuleChoice | None) -> RuleSet:
    """A RuleSet from what callers hold: nothing (the built-in packs), a RuleChoice (picklable,
    compiled once per process) or a RuleSet."""
    if rules is None:
        return default_rules()
    if isinstance(rules, RuleChoice):
        return rules.ruleset()
    return rules


def clean_record(record: dict, *, field: str = "text", url_field: str | None = "url",
                 title_field: str | None = None, mode: str = "auto", explain: bool = False,
                 rules: RuleSet | RuleChoice | None = None, metadata: bool = False,
                 charset: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
                 timeout: float | None = None) -> dict:
    """One record cleaned: a new dict with ``field`` replaced by the article text.

    ``url_field`` names the field holding the page's URL (passed to ``clean``, where site-specific
    filters use it); ``title_field`` the one holding its title (passed to ``clean``: in text
    mode the article under it is favoured); ``explain`` adds ``removed`` (each removal's rule,
    family, text, offsets); ``metadata`` sets ``mode``, ``title`` and ``lang``. The field may
    hold bytes (a WARC payload), decoded with ``charset`` (the HTTP header's) ranked above the
    page's own declaration.
    Errors come back in an ``error`` field, the record otherwise as it came."""
    try:
        return cleaned_record(record, field=field, url_field=url_field, title_field=title_field,
                              mode=mode, explain=explain, rules=rules, metadata=metadata,
                              charset=charset, max_bytes=max_bytes, timeout=timeout)
    except ValueError as exc:
        out = dict(record) if isinstance(record, dict) else {}
        out["error"] = str(exc)
        return out


def cleaned_record(record: dict, *, field: str = "text", url_field: str | None = "url",
                   title_field: str | None = None, mode: str = "auto", explain: bool = False,
                   rules: RuleSet | RuleChoice | None = None, metadata: bool = False,
                   charset: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
                 timeout: float | None = None) -> dict:
    """``clean_record`` for callers that handle a failure themselves (``cleaner jsonl`` reports
    it with the line number): ValueError, one line, instead of an ``error`` field."""
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object but {json_type(record)}")
    if field not in record:
        raise ValueError(f"no {field!r} field")
    value = record[field]
    if not isinstance(value, (str, bytes, bytearray)):
        raise ValueError(f"field {field!r} is {json_type(value)}, not a string")
    url = record.get(url_field) if url_field else None
    title = record.get(title_field) if title_field else None
    try:
        result = clean(value, url=url if isinstance(url, str) else None, mode=mode,
                       rules=resolve_rules(rules), max_bytes=max_bytes, timeout=timeout,
                       charset=charset, title=title if isinstance(title, str) else None)
    except (InputError, PackError) as exc:  # undecodable, too large, too slow
        raise ValueError(" ".join(str(exc).split())) from None
    except Exception as exc:  # a bug in one record must not stop the stream
        raise ValueError(f"internal error: {type(exc).__name__}: {exc}") from None
    out = dict(record)
    if metadata:
        out["mode"], out["title"], out["lang"] = result.mode, result.title, result.lang
    out[field] = result.text
    if explain:
        out["removed"] = [asdict(removal) for removal in result.removed]
    return out


def clean_records(records: Iterable[dict], field: str = "text", url_field: str | None = "url",
                  title_field: str | None = None, mode: str = "auto", explain: bool = False,
                  rules: RuleSet | RuleChoice | None = None, metadata: bool = False,
                  max_bytes: int | None = DEFAULT_MAX_BYTES,
                  timeout: float | None = None) -> Iterator[dict]:
    """Every record of ``records`` cleaned (see ``clean_record``), lazily and in order: the
    function to hand an engine's ``mapPartitions`` / ``map_partitions`` / ``map_batches``."""
    ruleset = resolve_rules(rules)  # once per partition, not per record
    for record in records:
        yield clean_record(record, field=field, url_field=url_field, title_field=title_field,
                           mode=mode, explain=explain, rules=ruleset, metadata=metadata,
                           max_bytes=max_bytes, timeout=timeout)


def dumps(record: dict) -> bytes:
    """One JSON line, as ``cleaner jsonl`` writes it (UTF-8, not ASCII-escaped)."""
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate (from a \ud800 escape) only survives escaped
        return json.dumps(record).encode("ascii") + b"\n"
