"""cleaner inside other people's pipelines: a datatrove block (``cleaner.integrations.datatrove``).

Spark, Dask and Ray need no adapter: their recipes (README, "Corpus scale") map
``cleaner.records.clean_records`` over partitions. Each integration imports its engine only when
used, so ``import cleaner`` never needs one installed.
"""
