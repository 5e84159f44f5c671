"""Source phrases: "nach US-Angaben", "laut Polizei", "Experten zufolge", "wie die Behörde
mitteilte", "Es gibt Berichte, wonach …". The clause a source phrase stands in is that source's
claim; the phrase names the source."""

from __future__ import annotations

import re

from quellenlage.attribution.actors import Actor, unnamed
from quellenlage.attribution.clauses import is_dependent_clause, main_clause_comma
from quellenlage.attribution.coreference import PERSON_OR_GROUP
from quellenlage.attribution.cue_spans import FINDING_VERBS
from quellenlage.attribution.cues import ACCORDING_TO, INFO_HEAD, OWN_ACCOUNT, is_finite_verb, is_reporting_verb
from quellenlage.attribution.frames import find_so_frame, so_source, span_at, trimmed_span, word_count
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.attribution.state import QuoteState
from quellenlage.entities.index import ref
from quellenlage.model import Sentence, Span, Token


def according_to(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> bool:
    """ "nach US-Angaben", "laut Polizei", "Experten zufolge", "wie die Behörde mitteilte": the
    sentence is the source's claim. A source that is no entity ("Angaben von Augenzeugen")
    keeps its words as speaker mention."""
    match = next(
        (m for m in ACCORDING_TO.finditer(text, sentence.start, sentence.end) if m["wie"] is None or _reports(m)), None
    )
    if not match or sentence.text.rstrip(' "“”»«').endswith("?"):
        return False  # a question claims nothing ("Welche Vorschläge lehnen Sie Ihrer Meinung nach ab?")
    if source_group(match) == "relative":
        return _relative_source(text, number, sentence, match, speakers, state)
    _add_according_to(text, number, sentence, match, speakers, state)
    return True


def further_sources(text: str, number: int, sentence: Sentence, speakers: SpeakerResolver, state: QuoteState) -> None:
    """A source phrase in a sentence that gave other words already ("…, die laut Amnesty
    International in einem unfairen Verfahren verurteilt wurden"): its own claim, when it
    stands outside the frames found so far."""
    found = state.in_sentence(number)
    frames = [q.frame for q in found if q.frame is not None]
    for match in ACCORDING_TO.finditer(text, sentence.start, sentence.end):
        if source_group(match) not in NAMED_SOURCE_GROUPS:
            continue
        if any(frame.start <= match.start() < frame.end for frame in frames):
            continue
        if any(q.kind == "direct" and q.content.start <= match.start() < q.content.end for q in found):
            continue  # the quoted words' own "laut"
        phrase = trimmed_span(text, match.start(), match.end())
        if _clause_around(text, sentence.tokens, phrase) is None:
            continue  # in the main clause: part of the words or frame found ("bestätigte X laut Reuters")
        _add_according_to(text, number, sentence, match, speakers, state)
        frames.extend(q.frame for q in state.quotes[-1:] if q.frame is not None)


# Source phrases that name their source in the phrase itself: "laut Polizei", "nach US-Angaben".
NAMED_SOURCE_GROUPS = frozenset({"comp", "info", "per", "laut", "zufolge"})


def _add_according_to(
    text: str, number: int, sentence: Sentence, match: re.Match[str], speakers: SpeakerResolver, state: QuoteState
) -> None:
    group = source_group(match)
    source_start, speaker, mention = source_of(text, sentence, match, group, speakers, state)
    content = trimmed_span(text, sentence.start, sentence.end)
    frame_start, frame_end = (source_start if group == "zufolge" else match.start()), match.end()
    if group in ("info", "per", "laut") and not text[sentence.start : match.start()].strip(' "„»'):
        # a frame opening the sentence fills the whole Vorfeld: it ends at the finite verb
        # ("Ersten Angaben vom Dienstag zufolge gehörte …", "Nach einer Studie der IADB sandten …")
        after = [t for t in sentence.tokens if t.start >= match.end()]
        comma = main_clause_comma(after) if after and after[0].text == "," else None
        # past a relative clause or apposition on the source: "Nach Angaben, die … können, sind …"
        verb = after[comma + 1] if comma is not None else _verb_after_field(after)
        if verb is not None and verb.start > match.end():
            frame_end = trimmed_span(text, match.start(), verb.start).end
            mention = span_at(text, match.start(group), frame_end)
            speaker = speakers.in_span(mention.start, mention.end) or speaker
    frame = trimmed_span(text, frame_start, frame_end)
    content = _clause_around(text, sentence.tokens, frame) or content
    state.add("according_to", content, frame, speaker, number, mention)


COORDINATORS = frozenset({"und", "oder", "sowie", "bzw.", "beziehungsweise", "als", "wie", "sondern", "noch"})


def _verb_after_field(after: list[Token]) -> Token | None:
    """The finite verb after a source phrase that fills the field: the tagger's, or a lowercase
    word it read as an adjective or a conjunction right after the phrase's noun ("Nach den Angaben
    des Herstellers misst das Gerät …", "… des Rundfunks käme es …"): after the field of a main
    clause comes its verb, and an attributive adjective never follows its noun."""
    for i, token in enumerate(after):
        if is_finite_verb(token):
            return token
        if (
            (i == 0 or after[i - 1].pos in ("NOUN", "PROPN"))  # the phrase before `after` ends in its noun
            and token.pos in ("ADJ", "CCONJ")
            and token.text[:1].islower()
            and token.text not in COORDINATORS
        ):
            return token
    return None


def source_group(match: re.Match[str]) -> str:
    return next(
        g for g in ("comp", "info", "per", "laut", "zufolge", "wie", "relative", "demnach", "meinung") if match[g]
    )


def source_of(
    text: str, sentence: Sentence, match: re.Match[str], group: str, speakers: SpeakerResolver, state: QuoteState
) -> tuple[int, Actor, Span | None]:
    """Where an "according to" source starts, who it is and the words that name it."""
    source_start = match.start(group)
    if group == "zufolge":
        source_start = source_before(sentence.tokens, source_start, match.end(group))
    speaker = speakers.in_span(source_start, match.end(group))
    mention: Span | None = span_at(text, source_start, match.end(group))
    if group == "demnach":  # "Demnach …": the source just named, else the "so"-frame closing the sentence
        speaker = state.last_document_speaker or state.last_speaker
        so_frame = find_so_frame(text, sentence, match.end(group)) if speaker is None else None
        if so_frame is not None:
            speaker, mention = so_source(text, so_frame, speakers, state)
        elif speaker is None:
            mention = None  # "Demnach" names nobody: no speaker rather than a pointer word as one
    elif group == "meinung":  # "Seiner Meinung nach …": the person last named; "nach" is the cue
        speaker = state.last_speaker
        mention = trimmed_span(text, source_start, text.rindex("nach", source_start, match.end(group)))
    elif group == "wie":  # "wie der Verband am Montag bekannt gab": the subject, not the clause;
        speaker, mention = speakers.subject_near(source_start, match.end(group))  # none in "wie bekannt wurde"
    elif group == "info" and POSSESSOR.match(match[group]):  # "Nach seinen Berechnungen": whom "sein" points to,
        owner = speakers.index.last_before(source_start, PERSON_OR_GROUP)  # the nearest person or body named
        speaker = ref(owner) if owner is not None else state.last_speaker
    elif group == "info" and OWN_ACCOUNT.match(match[group]):  # "nach eigenen Angaben": the subject
        speaker, mention = speakers.subject_near(sentence.start, sentence.end)
        speaker = speaker or state.last_speaker
    elif speaker is None:  # "… der Polizei" → Polizei; "laut dem Forscher" → the researcher named before
        words = _compound_source(INFO_HEAD.sub("", text[source_start : match.end(group)]))
        person = speakers.described_person(words, source_start)
        speaker = ref(person) if person is not None else unnamed(words)
    return source_start, speaker, mention


# "nach seinen Angaben", "Nach ihren Berechnungen": the source is whom the possessive points to,
# not the sentence's subject ("bräuchte es … Zuwächse von etwa 2,5 Prozent").
POSSESSOR = re.compile(r"^(?:seine[mnr]?|ihre[mnr]?|deren|dessen)\s+\S+$")
# A source joined to its information noun: "nach Polizeiangaben", "laut Regierungsangaben"
COMPOUND_SOURCE = re.compile(
    r"(?P<source>[A-ZÄÖÜ][a-zäöüß]{3,}?)(?:angaben|informationen|schätzungen|berichten|kreisen)"
)
LINKING_S_AFTER = ("ung", "heit", "keit", "tät", "ion", "tum", "schaft")


def _compound_source(words: str) -> str:
    """ "Polizeiangaben" → "Polizei", "Regierungsangaben" → "Regierung": the source in a
    compound with its information noun; other words as they are."""
    compound = COMPOUND_SOURCE.fullmatch(words.strip())
    if compound is None:
        return words
    source = compound["source"]
    if source.endswith("s") and source[:-1].endswith(LINKING_S_AFTER):
        source = source[:-1]
    return source


def _clause_around(text: str, tokens: list[Token], frame: Span) -> Span | None:
    """The relative or adverbial clause a frame stands in, when it is not the sentence's first
    ("Katar, der laut einer dpa-Meldung einsteigen will"): up to where the main clause resumes
    after a comma, else to the sentence end; None when the frame is in the main clause."""
    before = [i for i, t in enumerate(tokens[:-1]) if t.text == "," and t.end <= frame.start]
    semicolon = max((i for i, t in enumerate(tokens[:-1]) if t.text == ";" and t.end <= frame.start), default=None)
    if semicolon is not None and (not before or before[-1] < semicolon):  # "…; nach NASA-Angaben sind es …"
        end = next((i for i in range(semicolon + 1, len(tokens)) if tokens[i].text == ";"), len(tokens))
        return trimmed_span(text, tokens[semicolon + 1].start, tokens[end - 1].end)
    if not before or not is_dependent_clause(tokens[before[-1] + 1 :]) or _resumes_main_clause(tokens, before[-1]):
        return None
    start = before[-1] + 1
    after_frame = next((i for i, t in enumerate(tokens) if t.start >= frame.end), len(tokens))
    comma = main_clause_comma(tokens, after_frame)
    return trimmed_span(text, tokens[start].start, tokens[(len(tokens) if comma is None else comma) - 1].end)


def _resumes_main_clause(tokens: list[Token], comma: int) -> bool:
    """ "Ob … geholfen hat, das lässt sich laut X kaum überprüfen": after a clause, a
    demonstrative followed by the finite verb and more words opens the main clause (verb
    second), where a relative clause would end in its verb ("…, das er nannte,")."""
    after = tokens[comma + 1 :]
    if len(after) < 4 or after[0].text.lower() not in ("das", "dies", "der", "die") or not is_finite_verb(after[1]):
        return False
    return tokens[comma - 1].pos in ("VERB", "AUX") and after[2].text not in (",", ".", ";")


NOUN_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "X"})

GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})

SOURCE_MAX_TOKENS = 12

SOURCE_LINKS = frozenset({"von", "vom", "aus"})


def source_before(tokens: list[Token], fallback: int, end: int) -> int:
    """Where the noun phrase that ends at `end` begins, by word class (`fallback` when no token
    ends there). Before "zufolge" the pattern reads any inflected word as an adjective, so
    "waren offiziellen Angaben" and "nimmt die Organisation Schätzungen" are cut to "offiziellen
    Angaben" and "Schätzungen", and a genitive gets its head back ("Angaben des Ministeriums",
    where the pattern saw "des …")."""
    inside = [t for t in tokens if t.end <= end][-SOURCE_MAX_TOKENS:]
    keep = len(inside) - 1
    for i in range(len(inside) - 1, -1, -1):
        token = inside[i]
        after_noun = i > 0 and inside[i - 1].pos in ("NOUN", "PROPN")
        if token.text in SOURCE_LINKS and after_noun:
            continue  # "Angaben des Instituts von Athen", "Angaben vom Mittwoch"
        if token.pos not in NOUN_PHRASE_POS and token.text not in '„“"()':  # "des Verbandes (VDR)"
            break
        if token.pos == "NOUN" and i + 1 < len(inside) and inside[i + 1].pos == "NOUN":
            break  # two bare nouns: the second begins the source
        keep = i
        if token.pos == "DET":
            head = inside[i - 1] if i > 0 else None
            if head is None or head.pos not in ("NOUN", "PROPN") or token.text.lower() not in GENITIVE_ARTICLES:
                break
    return inside[keep].start if inside else fallback


def _relative_source(
    text: str, number: int, sentence: Sentence, match: re.Match[str], speakers: SpeakerResolver, state: QuoteState
) -> bool:
    """ "Es gibt eine Schätzung, wonach …", "Gerüchte, nach denen …": what follows the relative
    word is the claim, the clause before it names the source (the noun phrase before the comma)."""
    after = [t for t in sentence.tokens if t.start >= match.end()]
    comma = main_clause_comma(after, indicative=True)  # the main clause goes on: "…, wonach …, wurde dementiert"
    content = trimmed_span(text, match.end(), sentence.end if comma is None else after[comma].start)
    if word_count(content.text) < 3:
        return False
    comma = match.start()
    source_start = source_before(sentence.tokens, sentence.start, comma)
    named = any(t.end == comma and t.pos in NOUN_PHRASE_POS | {"PUNCT"} for t in sentence.tokens)
    mention = span_at(text, source_start, comma) if source_start < comma and named else None  # not "…zurückgewiesen,"
    speaker = (speakers.in_span(mention.start, mention.end) or unnamed(mention.text)) if mention else None
    frame = trimmed_span(text, sentence.start, match.end("relative"))
    state.add("according_to", content, frame, speaker, number, mention, cue=_relative_cue(text, match))
    return True


def _relative_cue(text: str, match: re.Match[str]) -> Span:
    """The source word of a relative source: "wonach", the "nach" of "nach denen", "zufolge"."""
    word = next(w for w in re.finditer(r"\w+", match["relative"]) if w[0] in ("wonach", "nach", "laut", "zufolge"))
    start = match.start("relative") + word.start()
    return span_at(text, start, start + len(word[0]))


def _reports(match: re.Match[str]) -> bool:
    """ "wie die Polizei mitteilte": a wie-clause is a source frame only with a reporting verb
    ("wie erwartet" is none)."""
    return is_reporting_verb(match["wie_verb"]) or match["wie_verb"] in FINDING_VERBS | {"bekannt"}
