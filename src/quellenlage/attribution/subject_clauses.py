"""Where the subject of a clause can stand, from word classes: the finite verb (also one the tagger
read as an infinitive), the main clause after an adverbial clause, the agent of a passive, the
clause without its relative clauses, and the subtree of a parsed subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from quellenlage.attribution.clauses import ARTICLE_FORMS, PASSIVE_AUXILIARIES, RELATIVE_WORDS, main_clause_comma
from quellenlage.attribution.cues import is_finite_verb, is_reporting_verb
from quellenlage.attribution.noun_phrases import in_quoted_names, is_noun_phrase, noun_phrase_at, with_genitives
from quellenlage.model import Token


def finite_verb_index(tokens: Sequence[Token]) -> int | None:
    """Where the finite verb is: the tagger's, or a verb in the plural present that the tagger
    read as an infinitive ("Beobachter befürchten, dass …", "Analysten erwarten") right after a
    noun phrase."""
    named = in_quoted_names(tokens)  # „Aktion Deutschland hilft“, „Jungle World“: names, not verbs
    finite = next((i for i, t in enumerate(tokens) if is_finite_verb(t) and i not in named), None)
    if finite is not None:
        return finite
    return next(
        (
            i
            for i, t in enumerate(tokens)
            if i
            and t.pos == "VERB"
            and (is_reporting_verb(t.text) or "VerbForm=Inf" in t.morph)
            and t.text[:1].islower()
            and tokens[i - 1].text != "zu"
            and is_noun_phrase(tokens[:i])
        ),
        None,
    )


# Conjunctions whose clause is itself the frame ("wie der Sprecher sagte", "dass X erklärte").
FRAMING_CONJUNCTIONS = frozenset({"wie", "dass", "ob"})


def main_clause_verb(tokens: Sequence[Token], verb: int) -> int | None:
    """The finite verb of the main clause after an adverbial clause that fills the field before
    it ("Nachdem …, sagte der Minister"): the first finite verb right after a comma that closes
    the clause of `verb`; None for clauses that frame ("wie …", "dass …")."""
    if tokens[0].text.lower() in FRAMING_CONJUNCTIONS:
        return None
    comma = main_clause_comma(tokens, verb + 1)
    return None if comma is None else comma + 1


# Adverbs after a subject in the field before the verb, which do not name it ("Die Befürworter hingegen betrachten").
TRAILING_ADVERBS = frozenset(
    {"hingegen", "dagegen", "jedoch", "aber", "indessen", "allerdings", "wiederum", "ihrerseits"}
)


AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch"})


def passive_agent(tokens: Sequence[Token], verb: int) -> list[Token]:
    """The agent of a passive clause ("wurde vom Bundesverband … kritisiert"): the noun phrase
    after the last "von"/"durch" in the clause, when a participle closes it; else nothing."""
    if tokens[verb].text.lower() not in PASSIVE_AUXILIARIES:
        return []
    clause_end = next((i for i in range(verb + 1, len(tokens)) if tokens[i].text in (",", ":", ";")), len(tokens))
    clause = tokens[verb + 1 : clause_end]
    if not any(t.pos == "VERB" and not is_finite_verb(t) for t in clause):
        return []
    agents = [i for i, t in enumerate(clause) if t.text.lower() in AGENT_PREPOSITIONS]
    if not agents:  # the last: "Die Gefahr von Waldbränden wird vom Wetterdienst als … eingestuft"
        return []
    phrase = noun_phrase_at(clause, agents[-1] + 1)
    return with_genitives(clause, agents[-1] + 1 + len(phrase), phrase)


RELATIVE_OPENERS = ARTICLE_FORMS | RELATIVE_WORDS


def without_relative_clauses(tokens: list[Token]) -> list[Token]:
    """The words without the relative clauses set off by commas ("C.Y. Leung, der am Montag in
    Guandong war, sagte"): their verbs are not the clause's."""
    kept: list[Token] = []
    i = 0
    while i < len(tokens):
        if i and tokens[i].text == "," and i + 1 < len(tokens) and tokens[i + 1].text.lower() in RELATIVE_OPENERS:
            close = next((j for j in range(i + 2, len(tokens)) if tokens[j].text == ","), None)
            if close is not None and any(is_finite_verb(t) for t in tokens[i + 2 : close]):
                i = close + 1
                continue
        kept.append(tokens[i])
        i += 1
    return kept


def subtree(tokens: Sequence[Token], root: int) -> set[int]:
    """Indices of the tokens below `root` in the parse, `root` included."""
    words = {root}
    changed = True
    while changed:
        changed = False
        for i, t in enumerate(tokens):
            if i not in words and t.head in words and t.head != i:
                words.add(i)
                changed = True
    return words
