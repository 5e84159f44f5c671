"""Quellenlage: who says what, with which numbers, about whom, when, in German news articles."""

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.model import SCHEMA_VERSION, Analysis
from quellenlage.pipeline import analyze

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Analysis", "Corpus", "InputError", "QuellenlageError", "analyze", "__version__"]


def __getattr__(name: str) -> object:
    """`quellenlage.Corpus` without importing the database libraries for those who analyse only."""
    if name == "Corpus":
        from quellenlage.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'quellenlage' has no attribute {name!r}")
