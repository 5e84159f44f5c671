"""A guard around spaCy's tokenizer for runs of punctuation.

spaCy strips prefixes and suffixes off a whitespace-free stretch one at a time and searches the
rest again each time, so a run of punctuation takes time in the square of its length: 4,000
dashes or quotation marks in a row take ten seconds, a 5 MB page of them hours. Such runs are
cut into pieces of RUN_PIECE characters, each piece tokenised on its own and the pieces joined
into one Doc with the exact text: every character of a punctuation run is its own token either
way, and text without such runs goes to spaCy untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

# A run of this many characters that are neither letters, digits nor spaces is cut...
LONG_RUN = re.compile(r"[^\w\s]{64,}")
# ... into pieces of this many characters.
RUN_PIECE = 32


class RunGuard:
    """Wraps a tokenizer (any callable from text to Doc) to cut long punctuation runs."""

    def __init__(self, tokenizer: Callable[[str], Doc]):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = [cut for run in LONG_RUN.finditer(text) for cut in range(run.start() + RUN_PIECE, run.end(), RUN_PIECE)]
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        pieces = [self.tokenizer(text[start:end]) for start, end in zip(bounds, bounds[1:], strict=False)]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def __getattr__(self, name: str) -> object:  # the tokenizer's own settings (vocab, rules, …)
        return getattr(self.tokenizer, name)
