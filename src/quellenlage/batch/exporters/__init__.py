"""Exporters of analyses to the formats other tools read: Parquet and CSV tables, JSONL, GDELT GKG
2.1 and PLOVER. Each takes `(ArticleMeta, Analysis)` pairs, whether they come from a batch output
folder or from the corpus store, so a format means the same whatever the source."""
