"""The shape and mood of German clauses, from word classes and morphology: whether words are
reported (Konjunktiv I, a complementizer), a relative, adverbial or infinitive clause, and where
a clause begins. The quotation finder asks these questions of every sentence; they know nothing
of speakers or frames.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quellenlage.attribution.cues import COMPLEMENTIZERS, SUBJUNCTIVE, is_finite_verb
from quellenlage.model import Token

# Konjunktiv II stems: mostly conditionals (or, "dürfte", the writer's own guess: "Deutschland
# dürfte weiter zurückfallen"), reported speech only right after a quotation.
CONDITIONAL_FORMS = ("hätt", "wär", "würd", "könnt", "dürft")
# Subjunctive forms the indicative never has, even after "ich".
UNAMBIGUOUS_SUBJUNCTIVE = frozenset(
    {"sei", "seien", "seiest", "wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte", "könnten", "müsste"}
    | {"müssten", "dürfte", "dürften", "gäbe", "käme", "stünde", "läge"}
)
# Konjunktiv II forms in -te that the indicative never has ("brachte" / "brächte").
MIXED_SUBJUNCTIVES = frozenset(
    {"brächte", "brächten", "dächte", "dächten", "wüsste", "wüssten", "bräuchte", "bräuchten"}
)
# Preterites of modal verbs that look like subjunctives ("sollte") but are indicative as often.
MODAL_PRETERITES = frozenset(
    {"sollte", "sollten", "wollte", "wollten", "durfte", "durften", "konnte", "konnten", "musste", "mussten"}
    | {"mochte", "mochten", "möchte", "möchten"}
)
# "soll" reports what others say ("Der Club soll absteigen") as often as it plans.
HEARSAY_MODALS = frozenset({"soll", "sollen"})
RELATIVE_WORDS = frozenset({"was", "wo", "womit", "wodurch", "worauf", "welche", "welcher", "welches", "welchen"})
RELATIVE_WORDS |= frozenset({"wobei", "woraufhin", "worin", "woran", "wofür"})
ARTICLE_FORMS = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "denen"})
# The finite forms of "werden" that make a passive with a participle ("wurde … kritisiert").
PASSIVE_AUXILIARIES = frozenset({"wird", "werden", "wurde", "wurden"})


def is_reported(tokens: list[Token]) -> bool:
    """Words that report: opened by a complementizer ("dass", "ob") or in the subjunctive."""
    if not tokens:
        return False
    if tokens[0].text.lower() in COMPLEMENTIZERS:
        return True
    return has_subjunctive(tokens)


def has_subjunctive(tokens: list[Token]) -> bool:
    """A subjunctive verb; after "ich" only a form the indicative never has ("Ich lehne sie ab"
    is indicative, "ich sei" is not)."""
    if any(t.text in ("ich", "Ich") for t in tokens):
        return any(t.text.lower() in UNAMBIGUOUS_SUBJUNCTIVE for t in tokens)
    return any(is_subjunctive(t) for t in tokens)


def is_dependent_clause(tokens: list[Token]) -> bool:
    """A relative or adverbial clause after the verb ("…, die er bis 1970 verbüßte", "…, da ein
    Rückflug nicht möglich war", "…, so dass …"): no reported content without a subjunctive."""
    first = tokens[0].text.lower()
    adverbial = tokens[0].pos == "SCONJ" and first not in COMPLEMENTIZERS
    consequence = first == "sodass" or (first == "so" and len(tokens) > 1 and tokens[1].text == "dass")
    return is_relative_clause(tokens) or adverbial or consequence


def is_relative_clause(tokens: list[Token]) -> bool:
    """ "…, die er bis 1970 verbüßte": a relative clause after the verb is no reported content."""
    first = tokens[0]
    if first.pos == "ADP" and len(tokens) > 1:  # "…, in der er seine Angst schilderte"
        first = tokens[1]
    return first.text.lower() in RELATIVE_WORDS or (first.pos == "PRON" and first.text.lower() in ARTICLE_FORMS)


# The zu-infinitive of a separable verb, one word: "abzugeben", "aufzuheben", "einzusetzen".
SEPARABLE_INFINITIVE = re.compile(
    r"(?:ab|an|auf|aus|bei|ein|fest|frei|her|hin|hinzu|mit|nach|vor|weg|weiter|zurück|zusammen|dar|durch|um|los"
    r"|fort|bereit|bekannt|klar|offen|statt|teil|wieder)zu[a-zäöüß]{2,}(?:en|ern|eln)"
)


PURPOSE_WORDS = frozenset({"um", "ohne", "statt", "anstatt"})


def is_infinitive_clause(tokens: list[Token]) -> bool:
    """ "…, die Firma für die Schäden haftbar zu machen", "erklärte, die Rechte schützen zu
    wollen": what a demand asks for or a speaker declares, after a verb of saying (never "sich
    weigern, … zu"): zu + infinitive, or the infinitive with zu inside ("einzusetzen")."""
    clause = tokens[: next((i for i, t in enumerate(tokens) if t.text in (";", ":")), len(tokens))]
    if clause and clause[0].text.lower() in PURPOSE_WORDS:
        return False  # "…, um den Weg zu Neuwahlen freizumachen": a purpose, not a demand
    return any(
        (t.text == "zu" and i + 1 < len(clause) and clause[i + 1].pos in ("VERB", "AUX"))
        or (t.pos == "VERB" and "zu" in t.text[1:-2] and t.text.lower().replace("zu", "", 1) == t.lemma.lower())
        or (t.pos == "VERB" and SEPARABLE_INFINITIVE.fullmatch(t.text) is not None)
        for i, t in enumerate(clause)
    )


def is_subjunctive(token: Token) -> bool:
    """Konjunktiv: the model's Mood=Sub, the lexicon of frequent forms, or a verb whose form is
    its infinitive minus -n ("gehören" → "gehöre"), which in the third person only the
    Konjunktiv I has (the preterite "sagte" is not "sage")."""
    word = token.text.lower()
    if word in MODAL_PRETERITES:  # "sollte", "wollten": indicative past as often as not
        return False
    if word in SUBJUNCTIVE or word in UNAMBIGUOUS_SUBJUNCTIVE:
        return True
    if "Mood=Sub" in token.morph:
        # a weak preterite ("prüften", "sagte") reads the same in the Konjunktiv II: the form cannot tell
        return not (word.endswith(("te", "ten")) and word not in MIXED_SUBJUNCTIVES)
    if token.pos not in ("VERB", "AUX") or len(word) <= 3:
        return False
    lemma = token.lemma.lower()
    if lemma == word and word.endswith("e") and token.text[0].islower() and "Person=3|" in token.morph + "|":
        # no lemma found: a third person present in -e ("gehöre"), not a preterite in -te ("kippte")
        return "Tense=Pres" in token.morph and not word.endswith("te")
    return lemma.endswith("n") and word == lemma[:-1] + ("e" if lemma.endswith(("ern", "eln")) else "")


def main_clause(tokens: list[Token]) -> list[Token]:
    """The tokens outside subordinate clauses set off by commas ("…, die …," / "…, weil …,")."""
    kept, inside = [], False
    for i, token in enumerate(tokens):
        if token.text == ",":
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            inside = following is not None and (
                following.pos == "SCONJ"
                or following.text.lower() in RELATIVE_WORDS
                or (following.pos == "PRON" and following.text.lower() in ARTICLE_FORMS)
            )
            continue
        if not inside:
            kept.append(token)
    return kept


def free_standing_subjunctive(tokens: list[Token], conditional_too: bool = False) -> bool:
    """A main clause whose finite verb is Konjunktiv I (sei, habe, bedeute): reported speech.
    The Konjunktiv II (hätte, wäre, würde, könnte) is mostly a conditional, and "soll" mostly a
    plan; right after a quotation both stand in for the Konjunktiv I ("Der Club soll in die
    Serie B absteigen": still the prosecutor's words)."""
    head = [t for t in main_clause(tokens) if t.text not in ('"', "„", "“")][1:11]
    verb = next((i for i, t in enumerate(head) if is_finite_verb(t) or is_subjunctive(t)), None)
    head = head if verb is None else head[: verb + 1]  # up to the main clause's finite verb
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if tokens and tokens[0].pos == "SCONJ" and comma is not None:  # "Da X liege, werde …": after the clause
        head += tokens[comma + 1 : comma + 2]
    if conditional_too and any(t.text.lower() in HEARSAY_MODALS for t in head):
        return True
    if not has_subjunctive(tokens):
        return False
    return any(
        is_subjunctive(t) and (conditional_too or not t.text.lower().startswith(CONDITIONAL_FORMS)) for t in head
    )


# Particles and conjunctions that stand before the word they focus at a clause start: the subject
# ("Auch Feinstein argumentierte", "Aber Zeitungen berichteten") or a conjunction ("Selbst wenn …").
FOCUS_PARTICLES = frozenset(
    {"auch", "aber", "und", "doch", "jedoch", "selbst", "sogar", "nur", "gerade", "erst", "allein", "einzig"}
    | {"lediglich"}
)


# Conjunctions that open an adverbial clause; the tagger does not always read them as such.
SUBORDINATORS = frozenset({"zumal", "indem", "nachdem", "weil", "da", "obwohl", "während", "wenn", "als", "bevor"})
SUBORDINATORS |= frozenset({"falls", "sofern", "obgleich", "wenngleich"})


def subordinate_start(tokens: list[Token], verb: int) -> int:
    """Index of the first word of the subordinate clause that holds the verb ("…, zumal der
    Verteidiger betont hatte", "…, indem er sagte", "…, der behauptet"), else 0."""
    for i in range(verb - 1, 0, -1):
        if tokens[i].text in (";", ":"):
            return i + 1
        conjunction = tokens[i].pos == "SCONJ" or tokens[i].text.lower() in SUBORDINATORS
        if tokens[i - 1].text == "," and (conjunction or is_relative_clause(tokens[i:verb])):
            if _closes_before(tokens, i, verb):
                continue  # "C.Y. Leung, der … war, sagte": the relative clause ends before the verb
            return i + 1 if conjunction else i
    return 0


def main_clause_comma(tokens: Sequence[Token], start: int = 0, *, indicative: bool = False) -> int | None:
    """Index of the first comma from `start` on that a finite verb follows: where the main clause
    goes on after a dependent one ("dass die Firma verkauft, stieg die Aktie"). `indicative`
    passes over a subjunctive verb, which goes on with the reported words."""
    for i in range(start, len(tokens) - 1):
        following = tokens[i + 1]
        if tokens[i].text == "," and is_finite_verb(following) and not (indicative and is_subjunctive(following)):
            return i
    return None


def _closes_before(tokens: list[Token], start: int, verb: int) -> bool:
    """Whether the clause opened at `start` ends before `verb`: a finite verb and a comma close it."""
    return any(tokens[k].text == "," and is_finite_verb(tokens[k - 1]) for k in range(start + 1, verb))
