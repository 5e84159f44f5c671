"""German noun phrases from word classes and morphology, without a parser: where a phrase starts and
ends, its case and number, its genitive attributes, and whether a field before the verb is one
nominative phrase. The speaker finder reads subjects, agents and addressees with these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quellenlage.attribution.speaker_nouns import SPEAKING_WORD
from quellenlage.dates.resolve import MONTHS, WEEKDAYS
from quellenlage.model import Token

NOMINAL = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"})
# Prepositions that stay inside a name or an affiliation: "Ärzte ohne Grenzen", "Müller von der Caritas".
NAME_PREPOSITIONS = frozenset({"ohne", "für", "von", "vom", "in", "im", "aus", "beim"})  # "Ein Gericht in Virginia"
# Nouns that make a field before the verb a time or an adverbial, not a subject ("Ende Januar
# verkündete der DFB", "Des Weiteren verwies Steinbrück").
TIME_NOUNS = frozenset(
    {"Ende", "Anfang", "Mitte", "Beginn", "Weiteren", "Jahr", "Woche", "Tag", "Abend", "Morgen", "Nacht", *WEEKDAYS}
    | set(MONTHS.replace("\\", "").split("|"))
)


def nominal(token: Token) -> bool:
    """A word of a noun phrase; names the tagger takes for punctuation ("ver.di") count."""
    return token.pos in NOMINAL or lettered_punct(token)


def lettered_punct(token: Token) -> bool:
    return token.pos == "PUNCT" and any(c.isalpha() for c in token.text)


BRACKETS = {")": "(", "“": "„", '"': '"'}


def closes_inside(phrase: Sequence[Token]) -> bool:
    """Whether the phrase ends with a bracket or quotation mark it opened: "(SPD)", "„The Guardian“"."""
    opener = BRACKETS.get(phrase[-1].text)
    return opener is not None and any(t.text == opener for t in phrase[:-1])


def feature_of(token: Token, name: str) -> str:
    """The value of one morphological feature of the token ("Case", "Number"), or ""."""
    prefix = f"{name}="
    return next((f[len(prefix) :] for f in token.morph.split("|") if f.startswith(prefix)), "")


def case_of(token: Token) -> str:
    return feature_of(token, "Case")


def number_of(token: Token) -> str:
    return feature_of(token, "Number")


# The most words a name in quotation marks holds („Aktion Deutschland hilft“).
QUOTED_NAME_MAX = 6


def in_quoted_names(tokens: Sequence[Token]) -> set[int]:
    """Indices of the words inside short quotation marks, which name something („Jungle World“)."""
    inside: set[int] = set()
    for i, token in enumerate(tokens):
        if token.text in ("„", '"') and (closing := closing_quote(tokens, i)) is not None:
            inside.update(range(i + 1, closing))
    return inside


def closing_quote(words: Sequence[Token], opening: int) -> int | None:
    """Index of the quotation mark that closes a short quoted name opened at `opening`, if any."""
    limit = min(opening + QUOTED_NAME_MAX + 2, len(words))
    return next((j for j in range(opening + 1, limit) if words[j].text in ("“", '"')), None)


# A neuter demonstrative before the verb is what is said, not who says it ("Dies bestätigte Stoiber").
NEUTER_DEMONSTRATIVES = frozenset({"dies", "dieses"})


# Words that pick one out of a group in the genitive: "Einer der Feuerwehrmänner".
PARTITIVES = frozenset({"einer", "eine", "eines"})


def is_noun_phrase(words: Sequence[Token]) -> bool:
    """Whether a field before the verb is one noun phrase in the nominative (with genitives,
    appositions and coordinations inside), not an adverbial ("Am Montag", "Dabei")."""
    if not nominal(words[0]) and not (words[0].pos == "PRON" and case_of(words[0]) == "Nom"):
        return False
    if words[0].text.lower() == "es":
        return False  # "Es wird befürchtet": no one
    if len(words) == 1 and "PronType=Dem" in words[0].morph:  # "Dieser behauptete, …", not "Dies bestätigte Key"
        return case_of(words[0]) == "Nom" and words[0].text.lower() not in NEUTER_DEMONSTRATIVES
    if len(words) > 2 and words[0].text.lower() in PARTITIVES and words[1].text in ("der", "des"):
        return all(nominal(t) or t.pos == "PUNCT" for t in words[1:])  # "Einer der 13 Feuerwehrmänner"
    if words[0].text.lower() in NEVER_NOMINATIVE:
        return False
    nouns = [t for t in words if t.pos in ("NOUN", "PROPN", "PRON")]
    article_case = case_of(words[0]) if words[0].pos == "DET" else ""
    # an article read as accusative vetoes only where its form cannot be nominative ("einige" is either)
    accusative_article = article_case == "Acc" and words[0].text.lower() not in NOMINATIVE_OR_ACCUSATIVE
    if not nouns or nouns[0].text in TIME_NOUNS or "Dat" in (case_of(nouns[0]), article_case) or accusative_article:
        return False
    # a nominative article outweighs a noun read as accusative ("Der 23-jährige Sportler")
    # (a bare plural is nominative as often as accusative: "Vertraute der Insassen berichteten")
    # and so is a bare noun of speaking people ("Internationale Wahlbeobachter monieren …"), whose
    # singular and plural the tagger may confuse
    bare_plural = not article_case and (
        "Number=Plur" in nouns[0].morph or (nouns[0].pos == "NOUN" and bool(SPEAKING_WORD.search(nouns[0].text)))
    )
    if case_of(nouns[0]) == "Acc" and article_case != "Nom" and not bare_plural:
        return False
    return all(nominal(t) or t.pos in ("PUNCT", "CCONJ", "PRON") or t.text in NAME_PREPOSITIONS for t in words)


# Articles whose form allows the nominative ("die" is nominative or accusative alike).
NOMINATIVE_ARTICLES = frozenset(
    {"der", "die", "das", "ein", "eine", "kein", "keine", "dieser", "diese", "dieses", "jeder", "jede", "jedes"}
)


def first_nominative_phrase(words: Sequence[Token], any_case: bool = False) -> list[Token]:
    """The first noun phrase that is not in the dative or accusative ("sagte dem Spiegel der
    Sprecher der Polizei"), with its genitive attributes. Where the tagger's cases name none, the
    first phrase whose word forms allow the nominative: "berichtet die Website des Senders" (the
    tagger may read "die" as accusative), a bare name ("bezeichnete Wiefelspütz als …")."""
    return _first_nominative(words, any_case, by_form=False) or (
        [] if any_case else _first_nominative(words, False, by_form=True)
    )


# Heads of a phrase that may be a speaker by its words alone: a medium ("berichtet die Website").
MEDIUM_HEAD = re.compile(r"(?:Website|Webseite|Internetseite|Homepage|Zeitung|Blatt|Sender|Portal|Magazin)$")


def _may_be_nominative(phrase: Sequence[Token]) -> bool:
    """By word form alone, only a phrase that can speak: a name, a noun of people, bodies or media
    ("die Website"), not a thing or an abstract noun ("herrschte die Meinung vor")."""
    if phrase[0].pos == "DET":
        head = next((w for w in reversed(phrase) if w.pos in ("NOUN", "PROPN")), None)
        if head is None or phrase[0].text.lower() not in NOMINATIVE_ARTICLES:
            return False
        return head.pos == "PROPN" or bool(SPEAKING_WORD.search(head.text) or MEDIUM_HEAD.search(head.text))
    # a name, with the role nouns that stand before it ("Liverpools Trainer Jürgen Klopp")
    named = all(w.pos == "PROPN" or (w.pos == "NOUN" and k + 1 < len(phrase) and phrase[k + 1].pos == "PROPN")
                for k, w in enumerate(phrase))  # fmt: skip
    return named and phrase[-1].pos == "PROPN" and case_of(phrase[-1]) != "Gen"


# Articles and quantifiers whose form is nominative or accusative alike ("einige Parteien haben …").
NOMINATIVE_OR_ACCUSATIVE = frozenset(
    {"die", "das", "eine", "keine", "einige", "viele", "mehrere", "alle", "beide", "manche", "zahlreiche", "diese"}
    | {"ihre", "seine", "unsere"}
)


# Articles and possessives that are never nominative, whatever case the tagger gives them.
NEVER_NOMINATIVE = frozenset(
    {"dem", "den", "des", "einem", "einen", "eines", "diesem", "diesen", "jenem", "jenen", "jedem", "jeden"}
    | {f"{stem}{ending}" for stem in ("ihr", "sein", "mein", "unser", "euer") for ending in ("em", "en", "es", "er")}
)


# Comparative particles (KOKOM, CCONJ in UD): a noun phrase after them is a predicate or a
# comparison, never the subject.
PREDICATIVE_PARTICLES = frozenset({"als", "wie"})


def _first_nominative(words: Sequence[Token], any_case: bool, by_form: bool) -> list[Token]:
    i = 0
    while i < len(words):
        t = words[i]
        if t.pos == "PUNCT" and t.text not in ("„", '"'):
            return []
        if t.text.lower() in PREDICATIVE_PARTICLES and t.pos == "CCONJ":
            i = _after_predicate(words, i)  # "bezeichnete X als „Knaller“": what X is called
            continue
        if t.pos == "ADP":
            i = after_prepositional_phrase(words, i)
            continue
        if t.pos == "PRON":
            if case_of(t) == "Nom" and "PronType=Prs" in t.morph and t.text.lower() != "es":  # "heißt es": no one
                return [t]
            i += 1
            continue
        if not nominal(t) or (t.pos == "ADJ" and i + 1 < len(words) and words[i + 1].pos == "DET"):
            i += 1  # an adjective before an article is an adverb: "teilte später der Direktor mit"
            continue
        phrase = noun_phrase_at(words, i)
        if not any_case and phrase and phrase[0].text.lower() in NEVER_NOMINATIVE:
            i += len(phrase)  # "dem Sicherheitsrat", "Ihrer Meinung": no subject, whatever the tagger read
            continue
        head = next((w for w in reversed(phrase) if w.pos in ("NOUN", "PROPN")), None)
        # a nominative article outweighs a noun read as accusative ("berichtet die Website")
        nominative = phrase and (
            (phrase[0].pos == "DET" and case_of(phrase[0]) == "Nom") or (by_form and _may_be_nominative(phrase))
        )
        if head is not None and (any_case or nominative or case_of(head) not in ("Dat", "Acc", "Gen")):
            return with_genitives(words, i + len(phrase), phrase)
        i += max(1, len(phrase))
    return []


def _after_predicate(words: Sequence[Token], i: int) -> int:
    """Index after the comparative particle at `i` and its noun phrase, a quoted one included
    ("als „Knaller aus Karlsruhe“")."""
    if i + 1 < len(words) and words[i + 1].text in ("„", '"'):
        closing = closing_quote(words, i + 1)
        if closing is not None:
            return closing + 1
    return after_prepositional_phrase(words, i)


def after_prepositional_phrase(words: Sequence[Token], i: int) -> int:
    """Index after the preposition at `i` and its noun phrase with genitives ("in einem Brief")."""
    phrase = noun_phrase_at(words, i + 1)
    return i + 1 + len(with_genitives(words, i + 1 + len(phrase), phrase)) if phrase else i + 1


def noun_phrase_at(words: Sequence[Token], i: int) -> list[Token]:
    phrase: list[Token] = []
    while i < len(words) and words[i].pos in ("DET", "ADJ", "NUM"):
        phrase.append(words[i])
        i += 1
    while i < len(words) and (words[i].pos in ("NOUN", "PROPN", "X") or (phrase and lettered_punct(words[i]))):
        phrase.append(words[i])
        i += 1
    measure = len(phrase) >= 2 and phrase[-1].pos == "NOUN" and phrase[-2].pos == "NUM"
    if measure and i < len(words) and words[i].pos == "ADJ":  # "der 35 Jahre alte Aufbauspieler": no head
        rest = noun_phrase_at(words, i)
        phrase.extend(rest)
        i += len(rest)
    if phrase and i + 2 < len(words) and words[i].text == "(" and words[i + 2].text == ")":
        phrase.extend(words[i : i + 3])  # "Franz Müntefering ( SPD )"
    elif phrase and i < len(words) and words[i].text in ("„", '"'):  # "die Tageszeitung „The Guardian“"
        closing = closing_quote(words, i)
        if closing is not None:
            phrase.extend(words[i : closing + 1])
    return phrase if any(w.pos in ("NOUN", "PROPN", "X") for w in phrase) else []


def with_genitives(words: Sequence[Token], i: int, phrase: list[Token]) -> list[Token]:
    """Extend a noun phrase by the genitives after it: "der Sprecher des Auswärtigen Amtes"."""
    while i < len(words) and words[i].pos == "DET" and case_of(words[i]) == "Gen":
        attribute = noun_phrase_at(words, i)
        if not attribute:
            break
        phrase = phrase + attribute
        i += len(attribute)
    return phrase


def agrees_in_number(field: Sequence[Token], verb: Token) -> bool:
    """Whether a noun phrase before the verb can be its subject by number: an article and noun
    of the other number than the verb's make it the object ("Die Äußerungen … bezeichnete
    Wiefelspütz als …", "Das Gutachten bezeichneten die Grünen als …"); names ("Ärzte ohne
    Grenzen teilte mit") and coordinations are left alone."""
    head = next((t for t in field if t.pos in ("NOUN", "PROPN")), None)
    if head is None or head.pos != "NOUN" or field[0].pos != "DET" or number_of(field[0]) != number_of(head):
        return True
    if number_of(head) == "Sing" and any(t.text in ("und", "sowie") for t in field):
        return True  # "Die Polizei und die Feuerwehr teilten mit"
    return not number_of(verb) or number_of(verb) == number_of(head)


# Articles whose form allows the dative whatever the tagger guesses; "den", "ihren"... only
# before a noun in -n ("den Abgeordneten": dative plural or accusative singular alike).
DATIVE_ARTICLES = frozenset({"dem", "einem", "diesem", "seinem", "ihrem", "unserem", "jedem"})
DATIVE_PLURAL_ARTICLES = frozenset({"den", "diesen", "seinen", "ihren", "unseren", "allen"})


def may_be_dative(phrase: Sequence[Token]) -> bool:
    """Whether the word forms of a phrase allow the dative: "dem Minister", "den Abgeordneten"
    (not "den Bericht"), so that a rule does not hang on one tagger's guess of the case."""
    head = next((w for w in reversed(phrase) if w.pos in ("NOUN", "PROPN", "ADJ")), None)
    if not phrase or head is None or head is phrase[0]:
        return False
    article = phrase[0].text.lower()
    return article in DATIVE_ARTICLES or (article in DATIVE_PLURAL_ARTICLES and head.text.endswith("n"))


def nominative_or_accusative(phrase: Sequence[Token]) -> bool:
    """Whether a phrase reads as nominative or accusative alike and names a group or a name:
    "die SPD", "die Huthi-Rebellen" (not "der Kandidat", not "die Hilfe")."""
    head = next((w for w in reversed(phrase) if w.pos in ("NOUN", "PROPN")), None)
    return (
        bool(phrase)
        and phrase[0].text.lower() in ("die", "das")
        and head is not None
        and (head.pos == "PROPN" or "Number=Plur" in head.morph)
    )
