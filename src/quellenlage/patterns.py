"""Building blocks for the word-list regular expressions of the analysis stages."""

from __future__ import annotations


def either_case(words: str) -> str:
    """The whitespace-separated words as regex alternatives, each with its first letter in either
    case ("sprecher(?:in)? polizei" → "[Ss]precher(?:in)?|[Pp]olizei"): a noun opens a sentence
    capitalised and closes a compound in lower case ("Bahnsprecher"), and a word list written once
    stays readable. A word that does not start with a letter is kept as it is."""
    return "|".join(_either_case(word) for word in words.split())


def _either_case(word: str) -> str:
    first = word[:1]
    if first.upper() == first.lower():
        return word
    return f"[{first.upper()}{first.lower()}]{word[1:]}"
