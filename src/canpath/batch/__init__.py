"""Batch scoring: tables of people in, one result row per person out (DESIGN.md §6).

Inputs are JSON Lines of contract profiles, or CSV/Parquet files in the flat layout
(`canpath.batch.layout`, one row per person, one column per fact the rules read). Every chunk of
rows becomes `canpath.facts.Facts` columns and goes through the same rule functions as a single
profile (`crs_columns`, each program's `evaluate`), so a batch of one is the single path.

    read (readers) -> chunk -> convert/validate -> Facts -> CRS + programs (scoring) -> write (writers)

Engines: in-process (threads over chunks, `canpath.batch.engine`) and Dask
(`canpath.batch.dask_engine`, the same chunk function over partitions on a cluster). Synthetic
pools for demos, tests and benchmarks come from `canpath.batch.synth`.

Nothing here is imported by `import canpath`; Polars and PyArrow (the `batch` extra) are
imported by the modules that need them.
"""
