"""Words for comparing texts across articles: German nouns and names (capitalised words that are
not function words), crude stems so that inflected forms meet ("Schäden"/"Schaden" do not, and
need not: the kind lexicon covers them), and hashed word n-grams for near-duplicate detection.
"""

from __future__ import annotations

import re
import zlib

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
TOKEN = re.compile(r"\w+")
# Words that say nothing about what a text is about: articles, pronouns, prepositions, conjunctions,
# auxiliaries, particles, days and months (capitalised, they are no nouns either).
FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "dem",
        "den",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "kein",
        "keine",
        "er",
        "sie",
        "es",
        "wir",
        "ihr",
        "ich",
        "du",
        "man",
        "sich",
        "sein",
        "seine",
        "ihre",
        "ihren",
        "ihrem",
        "unser",
        "unsere",
        "und",
        "oder",
        "aber",
        "doch",
        "denn",
        "sondern",
        "auch",
        "noch",
        "nur",
        "schon",
        "sogar",
        "erst",
        "in",
        "im",
        "an",
        "am",
        "auf",
        "aus",
        "bei",
        "beim",
        "mit",
        "nach",
        "seit",
        "von",
        "vom",
        "vor",
        "zu",
        "zum",
        "zur",
        "über",
        "unter",
        "um",
        "durch",
        "für",
        "gegen",
        "ohne",
        "bis",
        "wegen",
        "während",
        "trotz",
        "zwischen",
        "neben",
        "hinter",
        "laut",
        "zufolge",
        "wie",
        "wo",
        "was",
        "wer",
        "wann",
        "warum",
        "weil",
        "dass",
        "ob",
        "wenn",
        "als",
        "da",
        "so",
        "dann",
        "damit",
        "dort",
        "hier",
        "nicht",
        "mehr",
        "weniger",
        "rund",
        "etwa",
        "fast",
        "knapp",
        "gut",
        "bereits",
        "inzwischen",
        "zunächst",
        "zudem",
        "allerdings",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "diesen",
        "jene",
        "jener",
        "alle",
        "viele",
        "einige",
        "mehrere",
        "beide",
        "ist",
        "sind",
        "war",
        "waren",
        "wird",
        "werden",
        "wurde",
        "wurden",
        "hat",
        "haben",
        "hatte",
        "hatten",
        "sei",
        "seien",
        "heute",
        "gestern",
        "morgen",
        "nun",
        "jetzt",
        "immer",
        "wieder",
        "weiter",
        "unterdessen",
        "demnach",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "foto",
        "quelle",
        "stand",
        "anzeige",
        "bildunterschrift",
        "kommentare",
        "artikel",
        "lesen",
        "mich",
        "mir",
        "uns",
        "euch",
        "ihn",
        "ihm",
        "ihnen",
        "habe",
        "sehr",
        "ganz",
    ]
)
SUFFIXES = ("ern", "en", "er", "es", "em", "e", "n", "s")
MIN_STEM = 4


def stem(word: str) -> str:
    """Lower case without a common inflectional ending: "Teilnehmern" → "teilnehm"."""
    word = word.casefold()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def nouns(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Stems of the capitalised content words of text[start:end]."""
    found = []
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group(0)
        if word[0].isupper() and len(word) > 2 and word.casefold() not in FUNCTION_WORDS:
            found.append(stem(word))
    return found


def tokens(text: str) -> list[str]:
    """Lower-case stems of all words, for comparing quotations word by word."""
    return [stem(t) for t in TOKEN.findall(text)]


def shingles(text: str, size: int = 4) -> list[int]:
    """Sorted unique CRC32 hashes of the word n-grams of `text` (case-folded)."""
    words = [w.casefold() for w in TOKEN.findall(text)]
    grams = {" ".join(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}
    return sorted({zlib.crc32(gram.encode("utf-8")) for gram in grams})
