"""The tokens as the attribution rules read them: where the tagger's part of speech contradicts
what the word form allows, the form wins, so that the rules do not hang on one model's guesses.

Corrections about verbs: a form of haben, sein or werden before a participle is an auxiliary
("…, hatte X gesagt"); a word tagged AUX that is no form of an auxiliary or modal is a full verb
("Die Richter prüften den Fall"); a reporting verb's finite form tagged as an adjective outside
a noun phrase ("…, der behauptet, …") is a finite verb, and so is a preterite before a colon
frame ("…, beantwortete Sprecherin X: „…“"). An adjective after an article or another
adjective stays one ("die behauptete Nähe").
"""

from __future__ import annotations

from collections.abc import Sequence

from quellenlage.attribution.cues import reporting_forms
from quellenlage.model import Sentence, Token

AUXILIARY_LEMMAS = frozenset(
    {"sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen", "möchten", "lassen", "tun"}
)
# Beginnings of the inflected forms of the verbs above ("sei", "hätten", "wurde", "konnte", "muss", "ließ").
AUXILIARY_FORMS = (
    "sei", "bin", "bist", "ist", "sind", "seid", "war", "wär", "gewesen", "hab", "hast", "hat", "hät", "gehabt",
    "werd", "wird", "wirst", "wurd", "würd", "geworden", "worden", "könn", "kann", "konn", "müss", "muss", "mus",
    "soll", "will", "woll", "darf", "dürf", "durf", "mag", "mög", "möch", "moch", "lass", "läss", "ließ", "tu", "tat",
)  # fmt: skip
NOUN_PHRASE_INSIDE = frozenset({"DET", "ADJ", "ADP", "NUM"})


def _is_auxiliary(token: Token) -> bool:
    return token.lemma.lower() in AUXILIARY_LEMMAS or token.text.lower().startswith(AUXILIARY_FORMS)


def _finite_reporting_adjective(words: Sequence[Token], i: int) -> bool:
    token = words[i]
    return (
        token.pos == "ADJ"
        and token.text[:1].islower()
        and not token.text.startswith("ge")
        and token.text in reporting_forms()
        and (i == 0 or words[i - 1].pos not in NOUN_PHRASE_INSIDE)
    )


COLON_FRAME_MAX = 6  # words between the verb and the colon: "beantwortete Sprecherin Karoline Leavitt:"


def _preterite_before_colon_frame(words: Sequence[Token], i: int) -> bool:
    """ "…, beantwortete Sprecherin Karoline Leavitt: „…“": a lowercase word in -te after a comma,
    followed by nothing but a noun phrase and a colon, is the frame's verb; an attributive
    adjective would stand after an article ("die beantwortete Frage")."""
    token = words[i]
    if not (token.pos == "ADJ" and i > 0 and words[i - 1].text == "," and token.text[:1].islower()):
        return False
    if not token.text.endswith(("te", "ten")):
        return False
    rest = words[i + 1 : i + 2 + COLON_FRAME_MAX]
    colon = next((j for j, w in enumerate(rest) if w.text == ":"), None)
    return bool(colon) and all(w.pos in ("DET", "ADJ", "NOUN", "PROPN") for w in rest[:colon])


TENSE_AUXILIARIES = frozenset({"haben", "sein", "werden"})


def _auxiliary_before_participle(words: Sequence[Token], i: int) -> bool:
    """ "…", hatte Insolvenzverwalterin X vor einer Woche gesagt.": a form of haben, sein or werden
    with a participle later in its clause is the auxiliary, whatever the tagger called it."""
    token = words[i]
    if token.pos != "VERB" or token.lemma.lower() not in TENSE_AUXILIARIES or not _is_auxiliary(token):
        return False
    for word in words[i + 1 :]:
        if word.pos == "PUNCT" and word.text in (",", ".", ";", ":", "!", "?"):
            return False
        if word.pos == "VERB" and ("VerbForm=Part" in word.morph or word.text.startswith("ge")):
            return True
    return False


def _read(words: Sequence[Token], i: int) -> Token:
    token = words[i]
    if token.pos == "AUX" and not _is_auxiliary(token):
        return token.model_copy(update={"pos": "VERB"})
    if _auxiliary_before_participle(words, i):
        return token.model_copy(update={"pos": "AUX"})
    if _finite_reporting_adjective(words, i) or _preterite_before_colon_frame(words, i):
        return token.model_copy(update={"pos": "VERB", "morph": "Mood=Ind|VerbForm=Fin"})
    return token


def by_word_form(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with the corrections above; a sentence without any is passed on as it is."""
    read: list[Sentence] = []
    for sentence in sentences:
        tokens = [_read(sentence.tokens, i) for i in range(len(sentence.tokens))]
        changed = any(new is not old for new, old in zip(tokens, sentence.tokens, strict=True))
        read.append(sentence.model_copy(update={"tokens": tokens}) if changed else sentence)
    return read
