"""What the learned sentence classifier sees of a sentence the rules left without a quotation:
its verbs and their mood, hearsay modals ("soll … haben"), words of reporting and of sources,
whether its subject could speak, and where it stands after the last quotation.

One function serves training (`training/train_attribution.py`, on the Wikinews train split) and
run time (`attribution/learned_sentences.py`), so the two can never drift apart. No feature names
an entity label: a new language model with other labels changes nothing here.
"""

from __future__ import annotations

import re

from quellenlage.attribution.clauses import HEARSAY_MODALS, PASSIVE_AUXILIARIES, has_subjunctive, is_subjunctive
from quellenlage.attribution.cues import ACCORDING_TO, SPEECH_ACT, is_finite_verb, is_reporting_verb
from quellenlage.attribution.features import Features, bucket
from quellenlage.attribution.marks import quoted_spans
from quellenlage.attribution.speaker_nouns import could_speak
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.model import Sentence

# The last words before the full stop that make "soll" report hearsay rather than a plan
# ("soll … geholfen haben", "sollen … eingetroffen sein").
PERFECT_INFINITIVES = frozenset({"haben", "sein", "worden"})
# Words that mark a sentence as someone's account, beyond the verbs: sources, stances, hedges.
ACCOUNT_WORDS = frozenset(
    {"laut", "zufolge", "angaben", "angeblich", "mutmaßlich", "offenbar", "demnach", "berichten", "meinung"}
    | {"ansicht", "auffassung", "vorwurf", "vorwürfe", "kritik", "forderung", "warnung", "dementi", "aussage"}
)
PRONOUNS = frozenset({"er", "sie", "es", "dieser", "diese", "man", "wir", "ich"})
WORD = re.compile(r"[\w-]+")


def sentence_features(
    text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState
) -> Features:
    """The features of one sentence, read in order: `state` holds the quotations before it."""
    tokens = sentence.tokens
    words = [t.text.lower() for t in tokens]
    features: Features = {"bias": 1.0, f"length={bucket(sum(t.pos != 'PUNCT' for t in tokens))}": 1.0}
    features[f"position={bucket(number)}"] = 1.0
    for token in tokens:
        if token.pos in ("VERB", "AUX"):
            features[f"verb={token.lemma.lower()}"] = 1.0
            if is_reporting_verb(token.text.lower(), token.lemma.lower()):
                features["reporting_verb"] = 1.0
        elif token.pos == "NOUN":
            features[f"noun={token.lemma.lower()}"] = 1.0
        if token.pos == "ADP" or token.dep == "svp" or token.pos == "PART":
            features[f"particle={token.text.lower()}"] = 1.0
        if is_subjunctive(token):
            features["subjunctive"] = 1.0
    if has_subjunctive(tokens):
        features["subjunctive_clause"] = 1.0
    finite = [t for t in tokens if is_finite_verb(t)]
    if finite:
        verb = finite[0]
        features[f"first_finite={verb.lemma.lower()}"] = 1.0
        features[f"finite_form={verb.text.lower()}"] = 1.0
        features[f"tense={_morph(verb.morph, 'Tense')}"] = 1.0
        particle = next((t.text.lower() for t in tokens if t.dep == "svp"), None)
        if particle is not None:  # "kündigte … an", "wies … hin"
            features[f"verb_particle={verb.lemma.lower()} {particle}"] = 1.0
    _hearsay(features, words)
    if set(words) & PASSIVE_AUXILIARIES and any("VerbForm=Part" in t.morph for t in tokens):
        features["passive"] = 1.0
    for word in set(words) & ACCOUNT_WORDS:
        features[f"account={word}"] = 1.0
    if SPEECH_ACT.search(text, sentence.start, sentence.end):
        features["speech_act_word"] = 1.0
    if ACCORDING_TO.search(text, sentence.start, sentence.end):
        features["according_to"] = 1.0
    if ":" in words:
        features["colon"] = 1.0
    if quoted_spans(text, sentence.start, sentence.end):
        features["quoted_words"] = 1.0
    if words and words[-1] == "?":
        features["question"] = 1.0
    if words:
        features[f"opens={words[0]}"] = 1.0
    _subject(features, sentence, speakers)
    _context(features, number, sentence, state)
    for cue in ("reporting_verb", "hearsay_modal", "verb=wollen", "subjunctive_clause"):
        if cue in features:  # what a cue means depends on who the subject is and what came before
            for context in ("subject_could_speak", "previous_quoted", "after_actor"):
                if context in features:
                    features[f"{cue}|{context}"] = 1.0
    return features


def _hearsay(features: Features, words: list[str]) -> None:
    modals = [w for w in words if w in HEARSAY_MODALS]
    if not modals:
        return
    features["hearsay_modal"] = 1.0
    tail = [w for w in words[-4:] if WORD.fullmatch(w)]
    if tail and tail[-1] in PERFECT_INFINITIVES:
        features["hearsay_perfect"] = 1.0
    elif tail and tail[-1] in PASSIVE_AUXILIARIES:  # "soll … eingespart werden": a plan someone made
        features["hearsay_passive"] = 1.0


def _subject(features: Features, sentence: Sentence, speakers: SpeakerResolver) -> None:
    speaker, mention = speakers.subject_near(sentence.start, sentence.end)
    if speaker is None:
        features["subject=none"] = 1.0
        return
    first = speaker[0] if isinstance(speaker, list) else speaker
    features["subject=named" if first.id is not None else "subject=unnamed"] = 1.0
    if could_speak(speaker, mention):
        features["subject_could_speak"] = 1.0
    if mention is not None:
        mention_words = WORD.findall(mention.text.lower())
        if len(mention_words) == 1 and mention_words[0] in PRONOUNS:
            features["subject_pronoun"] = 1.0
        elif mention_words and first.id is None:
            features[f"subject_head={mention_words[-1]}"] = 1.0
        if mention.start - sentence.start < 3:
            features["subject_opens"] = 1.0


def _context(features: Features, number: int, sentence: Sentence, state: QuoteState) -> None:
    """Where the sentence stands after the quotations before it."""
    last = state.quotes[-1] if state.quotes else None
    if last is None or last.sentence is None:
        features["after=nothing"] = 1.0
        return
    distance = number - last.sentence
    features[f"after={last.kind}|distance={bucket(distance)}"] = 1.0
    features[f"after={last.kind}"] = 1.0
    if state.previous_quoted:
        features["previous_quoted"] = 1.0
    if last.content.end <= sentence.start and state.previous_unit is not None:
        same_paragraph = state.previous_unit.segment == sentence.segment
        features[f"same_paragraph={same_paragraph}"] = 1.0
    if state.recent_actor is not None and state.recent_actor[0] == number - 1:
        features["after_actor"] = 1.0
    if state.last_speaker is None:
        features["no_speaker_yet"] = 1.0
    elif distance <= 2:
        features["speaker_just_named"] = 1.0


def _morph(morph: str, name: str) -> str:
    for part in morph.split("|"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return ""
