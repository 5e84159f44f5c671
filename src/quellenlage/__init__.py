"""Quellenlage: who says what, with which numbers, about whom, when, in German news articles."""

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.model import SCHEMA_VERSION, Analysis
from quellenlage.pipeline import analyze

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Analysis", "InputError", "QuellenlageError", "analyze", "__version__"]
