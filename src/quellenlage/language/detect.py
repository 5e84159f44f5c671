"""Is this German? A cheap check on function words, so non-German input fails loudly.

A statistical language identifier would be one more model to ship; German news prose is
recognised reliably by its closed-class words, which make up a third of any German text.
"""

import re

from quellenlage.errors import InputError

FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "und",
        "oder",
        "aber",
        "nicht",
        "ist",
        "sind",
        "war",
        "waren",
        "hat",
        "haben",
        "wird",
        "werden",
        "wurde",
        "wurden",
        "sich",
        "auch",
        "mit",
        "von",
        "zu",
        "zum",
        "zur",
        "für",
        "auf",
        "aus",
        "bei",
        "nach",
        "über",
        "unter",
        "vor",
        "im",
        "in",
        "an",
        "am",
        "als",
        "wie",
        "dass",
        "es",
        "er",
        "sie",
        "wir",
        "ihr",
        "ich",
        "noch",
        "nur",
        "schon",
        "sei",
        "seien",
        "habe",
        "hätten",
        "soll",
        "sollen",
    ]
)
WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 25
MIN_SHARE = 0.12


def german_share(text: str) -> tuple[float, int]:
    """Share of German function words among the words of `text`, and the number of words."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return 0.0, 0
    return sum(w in FUNCTION_WORDS for w in words) / len(words), len(words)


def check_german(text: str) -> None:
    """Raise InputError for text that is clearly not German; short texts get the benefit of doubt."""
    share, count = german_share(text)
    if count >= MIN_WORDS and share < MIN_SHARE:
        raise InputError(
            f"the text does not look German ({share:.0%} German function words in {count} words, "
            f"expected at least {MIN_SHARE:.0%}); Quellenlage analyses German news. "
            "Use --force to analyse it anyway"
        )
