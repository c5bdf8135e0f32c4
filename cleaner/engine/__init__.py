"""The rule engine: what a rule is (model), how packs are read and checked (load), how rules are
matched against a line (literals, matcher), which rules a run uses (select), the rules written in
code (registry) and the runner of every rule's examples (examples).

This package imports nothing at import time, so that ``cleaner.engine.model`` can be used by
every stage without loading the rest; import from the submodules.
"""
