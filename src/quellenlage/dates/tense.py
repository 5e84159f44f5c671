"""Which way a date without a year or week points: the tense of the clause it stands in.

News tells past events in the past tense ("Am Dienstag musste Trainer X gehen") and announces in
the present or future ("Liverpool spielt Samstag bei West Ham", "Das Ticket gilt vom 1. Mai an",
"In Hessen soll es von August an einen Rabatt geben"). With the language model's morphology the
clause's finite verbs decide; without it (plain `find_dates` calls) a short list of past forms
and future cues does.
"""

from __future__ import annotations

import re
from typing import Literal

from quellenlage.model import Sentence, Token

Direction = Literal["past", "future", "present", "unknown"]

# "wird"/"werden" only as the finite future auxiliary, not the infinitive of a passive ("festgehalten zu werden")
FUTURE_CUE = re.compile(
    r"\b(?:wird|(?<!zu )werden|werde|würden?|will|wollen|soll|sollen|plant|planen|geplant|kommend\w*|nächst\w*"
    r"|künftig|demnächst|bevorsteh\w*)\b"
)
PAST_FORM = re.compile(
    r"\b(?:war|waren|hatte|hatten|wurde|wurden|kam|kamen|gab|ging|gingen|sagte|sagten|musste|mussten|konnte"
    r"|konnten|wollte|wollten|blieb|blieben|stand|standen|fand|fanden|lag|lagen|hieß|starb|traf|begann|endete)\b"
    r"|\b(?:hat|haben|hatte|ist|sind)\b[^,;:]{0,80}?\bge[a-zäöüß]+(?:t|en)\b"
)
CLAUSE_BREAK = frozenset({",", ";", ":", "–", "—", "(", ")"})


def direction(text: str, sentence: Sentence | None, start: int, end: int) -> Direction:
    """The time direction of the clause around text[start:end]."""
    if sentence is not None and sentence.tokens:
        clause = _clause_tokens(sentence.tokens, start, end)
        found = _from_tokens(clause)
        if found == "unknown":
            found = _from_tokens(sentence.tokens)
        return found
    window = _sentence_text(text, start, end)
    if PAST_FORM.search(window):
        return "past"
    if FUTURE_CUE.search(window):
        return "future"
    return "unknown"


def _from_tokens(tokens: list[Token]) -> Direction:
    finite = [t for t in tokens if "VerbForm=Fin" in t.morph or (t.pos in ("AUX", "VERB") and "Tense=" in t.morph)]
    if not finite:
        return "unknown"
    perfect = any(t.lemma in ("haben", "sein") for t in finite) and any("VerbForm=Part" in t.morph for t in tokens)
    if perfect or any("Tense=Past" in t.morph and "Mood=Sub" not in t.morph for t in finite):
        return "past"
    words = " ".join(t.text for t in tokens)
    if any(t.lemma == "werden" and "Mood=Sub" in t.morph for t in finite) or FUTURE_CUE.search(words):
        return "future"
    return "present"


def _clause_tokens(tokens: list[Token], start: int, end: int) -> list[Token]:
    inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    if not inside:
        return []
    low, high = inside[0], inside[-1]
    while low > 0 and tokens[low - 1].text not in CLAUSE_BREAK:
        low -= 1
    while high + 1 < len(tokens) and tokens[high + 1].text not in CLAUSE_BREAK:
        high += 1
    return tokens[low : high + 1]


def _sentence_text(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_dot = text.find(". ", end)
    right_line = text.find("\n", end)
    rights = [r for r in (right_dot, right_line) if r >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]
