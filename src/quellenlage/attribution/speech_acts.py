"""Acts of speaking whose words are not given: "Seit Tagen warnt die Ukraine vor …"."""

from __future__ import annotations

from quellenlage.attribution.clauses import PASSIVE_AUXILIARIES
from quellenlage.attribution.cues import SPEECH_ACT
from quellenlage.attribution.frames import span_at, trimmed_span
from quellenlage.attribution.speaker_nouns import could_speak
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.model import Sentence, Token


def speech_act(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """An act of speaking whose words are not given: "Seit Tagen warnt die Ukraine vor …"."""
    verb = next(
        (t for t in sentence.tokens if (act := SPEECH_ACT.match(text, t.start, sentence.end)) and act.end() == t.end),
        None,
    )
    if verb is None:
        return _particle_act(text, number, sentence, speakers, state)
    if not _acts_by_speaking(sentence.tokens, verb):
        return False
    speaker, mention = speakers.subject_near(sentence.start, sentence.end)
    if speaker:
        content = trimmed_span(text, sentence.start, sentence.end)
        state.add("speech_act", content, span_at(text, verb.start, verb.end), speaker, number, mention)
        state.recent_actor = (number, speaker, mention)
    return True


# Speech-act verbs that mean something else without their particle, which closes the clause:
# "warf einen Böller" or "siegte vor der Russin" (vs. "warf ihm Betrug vor").
NEEDS_PARTICLE = dict.fromkeys(("warf", "warfen", "wirft", "werfen"), "vor")


# ... or without their preposition, anywhere after them: "des Landes verwiesen" (vs. "verwies auf").
NEEDS_PREPOSITION = dict.fromkeys(("verwies", "verweist", "verwiesen"), "auf")

PASSIVE_FORMS = PASSIVE_AUXILIARIES | {"worden"}


def _acts_by_speaking(tokens: list[Token], verb: Token) -> bool:
    """Whether the sentence reports the speech act itself: the verb with its particle, in the
    active voice ("ist für Montag angekündigt worden" reports the plan, not who announced it)."""
    words = {t.text.lower() for t in tokens}
    particle = NEEDS_PARTICLE.get(verb.text.lower())
    if particle is not None and not _clause_final(tokens, particle):
        return False
    preposition = NEEDS_PREPOSITION.get(verb.text.lower())
    if preposition is not None and preposition not in words:
        return False
    return not ("VerbForm=Part" in verb.morph and words & PASSIVE_FORMS)


def _clause_final(tokens: list[Token], word: str) -> bool:
    """Whether the word closes a clause, as a separable particle does ("warf ihm Betrug vor.")."""
    return any(
        t.text.lower() == word and (i + 1 == len(tokens) or tokens[i + 1].pos == "PUNCT") for i, t in enumerate(tokens)
    )


# Speech acts and stances made of a verb and the particle that closes its clause ("rief die
# Regierung zur Ruhe auf", "wies auf die Gefahr hin", "gab als Grund … an", "Die Polizei geht von
# Suizid aus"): verb form -> its particle and a word the clause must hold. Read off the Wikinews
# train split, where sentences with them are reported speech acts about twice as often as no
# quotation at all.
PARTICLE_ACTS: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(("rief", "riefen", "ruft", "rufen"), ("auf", None)),
    **dict.fromkeys(("wies", "wiesen", "weist", "weisen"), ("hin", None)),
    **dict.fromkeys(("gab", "gaben", "gibt", "geben"), ("an", None)),
    **dict.fromkeys(("geht", "gehen", "ging", "gingen"), ("aus", "von")),
}


def _particle_act(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """A speech act of PARTICLE_ACTS, recorded only when its subject can speak ("Von dem Gebäude
    geht keine Gefahr aus" reports nobody's words)."""
    tokens = sentence.tokens
    words = {t.text.lower() for t in tokens}
    verb = next((t for t in tokens if _particle_act_verb(tokens, t, words)), None)
    if verb is None:
        return False
    speaker, mention = speakers.subject_near(sentence.start, sentence.end)
    if not could_speak(speaker, mention):
        return False
    content = trimmed_span(text, sentence.start, sentence.end)
    state.add("speech_act", content, span_at(text, verb.start, verb.end), speaker, number, mention)
    state.recent_actor = (number, speaker, mention)
    return True


def _particle_act_verb(tokens: list[Token], verb: Token, words: set[str]) -> bool:
    act = PARTICLE_ACTS.get(verb.text.lower()) if verb.text[:1].islower() else None
    if act is None or not _clause_final(tokens, act[0]) or (act[1] is not None and act[1] not in words):
        return False
    return not words & PASSIVE_FORMS
