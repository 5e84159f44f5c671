"""Turn whatever the user hands over (bytes, text, HTML) into one plain article text."""

from quellenlage.reading.source import Article, read_article, read_path

__all__ = ["Article", "read_article", "read_path"]
