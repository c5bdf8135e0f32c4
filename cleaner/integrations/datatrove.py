"""cleaner as a datatrove pipeline block (extra ``cleaner[datatrove]``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerExtractor

    LocalPipelineExecutor(pipeline=[WarcReader("crawl/"), CleanerExtractor(), JsonlWriter("out/")],
                          tasks=2, logging_dir="logs/run-1").run()

``CleanerExtractor`` takes datatrove's place for trafilatura: each document's ``text`` (HTML, or
a WET conversion's text) becomes its article. What it does beyond ``BaseExtractor``, and why:

- it warms up (rule packs compiled, the HTML path imported) in ``run()``, before the sandbox
  forks its child: a cold child spends about half a second on its first page, past datatrove's
  one-second default timeout on a busy machine, and a fresh child is forked after every timeout;
- it hands ``clean`` the document's URL (``metadata["url"]``) and, when a reader set them, its
  mode (``metadata["mode"]``: "html" or "text") and, with ``title_key``, its title (a feed's or a
  dataset's: in text mode the article under it is favoured);
- cleaner's refusals (``InputError``: binary, too large, too slow) are caught inside
  ``extract``, where an exception would kill the sandbox's child; the document is then dropped
  and counted (``input_error`` in the stats with ``in_process=True``);
- ``in_process=True`` skips the sandbox (cleaner bounds its own time with ``timeout``) and keeps
  ``title``, ``lang`` and ``mode`` (and the removals with ``explain=True``) in ``doc.metadata``.

``CleanerWarcReader`` is a ``WarcReader`` that decodes each payload as ``cleaner warc`` does: the
HTTP header's charset ranked above ``<meta charset>``, records without a payload type sniffed
rather than dropped, a truncated record skipped while the rest of the file is read.

datatrove gives each task whole files (``files[rank::world_size]``): split the input into at
least as many files as tasks. Its executors skip tasks a logging folder records as done
(``skip_completed=True``): give each run a fresh ``logging_dir``.
"""

from __future__ import annotations

from dataclasses import asdict

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.pipeline.readers.warc import WarcReader
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from .. import clean
from ..limits import DEFAULT_MAX_BYTES, InputError
from ..engine.select import RuleChoice
from ..records import resolve_rules

_WARM_UP_PAGE = "<html><head><title>t</title></head><body><article><p>Warm up.</p></article></body></html>"


class CleanerExtractor(BaseExtractor):
    """Clean each document's text with cleaner (see the module docstring).

    Args:
        timeout: seconds per document (the sandbox's, or cleaner's own with ``in_process``).
        mode: "auto" (sniff), "html" or "text"; a document's ``metadata["mode"]`` wins.
        rules: which rules (a picklable ``RuleChoice``); default the built-in packs.
        in_process: clean in the task's process (no sandbox), keeping title, lang, mode in metadata.
        explain: with ``in_process``, also keep the removals in ``metadata["removed"]``.
        url_key: the metadata key holding the page's URL.
        title_key: the metadata key holding the article's title, if the documents carry one.
    """

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(self, timeout: float = 1.0, mode: str = "auto", rules: RuleChoice | None = None,
                 in_process: bool = False, explain: bool = False, url_key: str = "url",
                 max_bytes: int | None = DEFAULT_MAX_BYTES, title_key: str | None = None):
        super().__init__(timeout)
        self.mode = mode
        self.rules = rules or RuleChoice()
        self.in_process = in_process
        self.explain = explain
        self.url_key = url_key
        self.title_key = title_key
        self.max_bytes = max_bytes

    def warm_up(self) -> None:
        """Compile the packs and import the HTML path now, in this process (forked children
        inherit both)."""
        ruleset = resolve_rules(self.rules)
        clean(_WARM_UP_PAGE, mode="html", rules=ruleset)
        clean("Warm up.", mode="text", rules=ruleset)

    def extract(self, text: str, url: str | None = None, mode: str | None = None,
                title: str | None = None) -> str:
        """The article of ``text``; "" (the document is dropped) when cleaner refuses it."""
        if not text:
            return ""
        try:
            return clean(text, url=url, mode=mode or self.mode, rules=resolve_rules(self.rules),
                         max_bytes=self.max_bytes, title=title).text
        except InputError:
            return ""

    def _hints(self, doc) -> tuple[str | None, str | None, str | None]:
        url = doc.metadata.get(self.url_key)
        mode = doc.metadata.get("mode")
        title = doc.metadata.get(self.title_key) if self.title_key else None
        return (url if isinstance(url, str) else None), (mode if mode in ("html", "text") else None), \
            (title if isinstance(title, str) else None)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        self.warm_up()
        if self.in_process:
            yield from self._run_in_process(data)
            return
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None, None, None)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                url, mode, title = self._hints(doc)
                with self.track_time():
                    try:
                        doc.text = sandbox.process_document((doc.text, url, mode, title), self.extract)
                        self.stat_update("extracted")
                    except TimeoutError:
                        self.stat_update("timeout")
                        logger.warning(f"⏰ cleaner timed out on {url or doc.id}; document skipped")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        logger.warning("cleaner's sandbox process died; a new one takes the next document")
                        continue
                    except Exception as exc:  # a bug in cleaner: skip the document, say it once
                        self.stat_update("clean_error")
                        if not self._warned_error:
                            logger.warning(f"❌ cleaner failed ({exc}) on {url or doc.id}; skipped (said once)")
                            self._warned_error = True
                        continue
                yield from self._forward(doc)

    def _run_in_process(self, data: DocumentsPipeline) -> DocumentsPipeline:
        ruleset = resolve_rules(self.rules)
        for doc in data:
            self.stat_update(StatHints.total)
            url, mode, title = self._hints(doc)
            with self.track_time():
                try:
                    result = clean(doc.text, url=url, mode=mode or self.mode, rules=ruleset,
                                   max_bytes=self.max_bytes, timeout=self.timeout, title=title)
                except InputError as exc:
                    self.stat_update("input_error")
                    logger.debug(f"cleaner refused {url or doc.id}: {exc}")
                    continue
                except Exception as exc:
                    self.stat_update("clean_error")
                    if not self._warned_error:
                        logger.warning(f"❌ cleaner failed ({exc}) on {url or doc.id}; skipped (said once)")
                        self._warned_error = True
                    continue
                self.stat_update("extracted")
            doc.text = result.text
            doc.metadata.update(mode=result.mode, title=result.title, lang=result.lang)
            if self.explain:
                doc.metadata["removed"] = [asdict(removal) for removal in result.removed]
            yield from self._forward(doc)

    def _forward(self, doc) -> DocumentsPipeline:
        if doc.text:
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
        else:
            self.stat_update(StatHints.dropped)


class CleanerWarcReader(WarcReader):
    """A ``WarcReader`` whose documents are decoded as ``cleaner warc`` decodes pages (see the
    module docstring); ``metadata`` holds ``url``, ``date``, ``mode`` and the HTTP ``charset``.
    Takes WarcReader's arguments; ``compression`` defaults to None: cleaner reads gzip members
    itself, so that a corrupt one costs only its record."""

    name = "🕷 Warc (cleaner)"
    _requires_dependencies = ["warcio"]

    def __init__(self, data_folder, *args, compression=None, **kwargs):
        super().__init__(data_folder, *args, compression=compression, **kwargs)

    def read_file(self, filepath: str):
        from ..decode import decode
        from ..warc import Failed, Page, read_records

        with self.data_folder.open(filepath, "rb", compression=self.compression) as stream:
            for item in read_records(stream):
                if isinstance(item, Failed):
                    self.stat_update("unreadable_record")
                    logger.warning(f"{filepath}: record {item.number}: {item.reason}")
                    continue
                if not isinstance(item, Page):
                    continue
                with self.track_time():
                    try:
                        text = decode(item.payload, hint=item.charset)
                    except InputError:
                        self.stat_update("undecodable")
                        continue
                    document = self.get_document_from_dict(
                        {"text": text, "id": item.warc_record_id, "url": item.url, "date": item.date,
                         "mode": item.mode, "charset": item.charset}, filepath, item.number)
                if document:
                    yield document
