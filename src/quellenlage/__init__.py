"""Quellenlage: who says what, with which numbers, about whom, when, in German news articles."""

from typing import TYPE_CHECKING

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.model import SCHEMA_VERSION, Analysis

if TYPE_CHECKING:
    from quellenlage.corpus import Corpus
    from quellenlage.pipeline import analyze

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Analysis", "Corpus", "InputError", "QuellenlageError", "analyze", "__version__"]


def __getattr__(name: str) -> object:
    """`analyze` and `Corpus` are imported when first used: a command that needs neither the language
    model (spaCy) nor the database libraries (`quellenlage articles`, an ingest rerun) starts fast."""
    if name == "analyze":
        from quellenlage.pipeline import analyze

        return analyze
    if name == "Corpus":
        from quellenlage.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'quellenlage' has no attribute {name!r}")
