"""Language layer: sentences, tokens, lemmas, part of speech, morphology and names."""

from quellenlage.language.annotate import NameSpan, annotate
from quellenlage.language.detect import check_german

__all__ = ["NameSpan", "annotate", "check_german"]
