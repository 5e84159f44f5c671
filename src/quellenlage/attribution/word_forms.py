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

from quellenlage.attribution.clauses import FOCUS_PARTICLES
from quellenlage.attribution.cues import reporting_forms
from quellenlage.entities.index import EntityIndex
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


# Adverbs made of "da"/"hier"/"wo" and a preposition, and other closed-class adverbs that open a
# sentence: never a noun, whatever the tagger reads in the capital ("Hierzu schrieb der Journalist").
PRONOMINAL_ADVERBS = frozenset(
    f"{stem}{'r' if preposition[0] in 'aäeioöuü' and stem != 'hier' else ''}{preposition}"
    for stem in ("da", "hier", "wo")
    for preposition in (
        "zu", "bei", "für", "mit", "nach", "von", "vor", "auf", "aus", "an", "in", "über", "unter", "um",
        "gegen", "durch", "neben", "hinter", "zwischen",
    )
) | {"demnach", "demzufolge", "deshalb", "deswegen", "daher", "dennoch", "trotzdem", "zudem", "außerdem"}  # fmt: skip


OPENING_PHRASE_MAX = 6  # words of a noun phrase that opens a sentence before its verb
OPENING_PHRASE = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "„", "“", '"'})


def _auxiliary_in_clause(words: Sequence[Token], i: int) -> bool:
    """Whether a form of haben, sein or werden (or a modal) stands in the clause of `i`."""
    start = next((k + 1 for k in range(i - 1, -1, -1) if words[k].text in CLAUSE_MARKS), 0)
    end = next((k for k in range(i + 1, len(words)) if words[k].text in CLAUSE_MARKS), len(words))
    return any(
        k != i and (words[k].pos == "AUX" or words[k].lemma.lower() in AUXILIARY_LEMMAS) for k in range(start, end)
    )


def _finite_without_features(words: Sequence[Token], i: int) -> bool:
    """A verb the morphology left without a finite form: one with a tense but no verb form and no
    auxiliary in its clause ("gestanden": Tense=Past), or one right after a noun phrase that opens the
    sentence ("Internationale Wahlbeobachter monieren Unregelmäßigkeiten" read as an infinitive,
    "Die Organisatoren gestanden ein" as a participle): in a German main clause the finite verb
    comes right after the first phrase; a participle or infinitive there would need a finite
    verb after it ("Die Polizei gerufen hatte …")."""
    token = words[i]
    if token.pos != "VERB" or "VerbForm=Fin" in token.morph or "Mood=" in token.morph:
        return False
    if "Tense=" in token.morph and "VerbForm=" not in token.morph and not _auxiliary_in_clause(words, i):
        return True  # "gestanden" with a tense and no verb form: a participle would have an auxiliary
    # the first phrase, after punctuation and a focus particle ("Auch Rettungskräfte berichten …")
    start = next(
        (k for k, w in enumerate(words) if w.pos != "PUNCT" and w.text.lower() not in FOCUS_PARTICLES), len(words)
    )
    field = words[start:i]
    if not field or len(field) > OPENING_PHRASE_MAX or any(w.pos not in OPENING_PHRASE for w in field):
        return False
    following = words[i + 1] if i + 1 < len(words) else None
    return (
        token.text[:1].islower()
        and any(w.pos in ("NOUN", "PROPN") for w in field)
        and (following is None or following.pos not in ("VERB", "AUX"))
    )


def _read(words: Sequence[Token], i: int) -> Token:
    token = words[i]
    if token.pos in ("NOUN", "PROPN") and token.text.lower() in PRONOMINAL_ADVERBS:
        return token.model_copy(update={"pos": "ADV", "morph": ""})
    if token.pos == "AUX" and not _is_auxiliary(token):
        return token.model_copy(update={"pos": "VERB"})
    if _auxiliary_before_participle(words, i):
        return token.model_copy(update={"pos": "AUX"})
    if _finite_without_features(words, i):
        return token.model_copy(update={"morph": f"{token.morph}|VerbForm=Fin".lstrip("|")})
    if _finite_reporting_adjective(words, i) or _preterite_before_colon_frame(words, i):
        return token.model_copy(update={"pos": "VERB", "morph": "Mood=Ind|VerbForm=Fin"})
    return token


# Word classes a tagger gives a surname it does not know ("Elshorst wies darauf hin": ADV).
NOT_NAME_POS = frozenset({"ADV", "ADJ", "VERB", "NOUN", "NUM", "X"})


def _person_name_words(sentence: Sentence, index: EntityIndex | None) -> set[int]:
    """Start offsets of the words of a person's name or surname the entities found in the sentence."""
    if index is None:
        return set()
    return {
        token.start
        for mention, entity in index.within(sentence.start, sentence.end)
        if entity.type == "PER" and mention.form in ("name", "surname")
        for token in sentence.tokens
        if mention.start <= token.start and token.end <= mention.end
    }


def _as_name(token: Token, names: set[int]) -> Token:
    """A capitalised word of a person's name is a proper noun, whatever the tagger read."""
    if token.start in names and token.pos in NOT_NAME_POS and token.text[:1].isupper():
        return token.model_copy(update={"pos": "PROPN"})
    return token


def by_word_form(sentences: Sequence[Sentence], index: EntityIndex | None = None) -> list[Sentence]:
    """The sentences with the corrections above, and the words of the persons' names the entities
    found read as proper nouns; a sentence without any change is passed on as it is."""
    read: list[Sentence] = []
    for sentence in sentences:
        names = _person_name_words(sentence, index)
        words = [_as_name(t, names) for t in sentence.tokens] if names else sentence.tokens
        tokens = [_read(words, i) for i in range(len(words))]
        changed = any(new is not old for new, old in zip(tokens, sentence.tokens, strict=True))
        read.append(sentence.model_copy(update={"tokens": tokens}) if changed else sentence)
    return read
