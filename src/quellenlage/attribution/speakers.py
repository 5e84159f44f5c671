"""Resolve the speaker of a quotation to entities of the article.

Without a dependency parser, the subject of a reporting frame is found the way a reader skims
it: the actor mentions in the frame that are not inside a prepositional phrase or a genitive
("gegen die Ukraine", "Russlands Präsident"), with coordinated actors ("Der Westen, die Ukraine
und Südkorea") kept together as one group speaker.

The resolver asks focused modules: `article_view` (sentences and mentions by position),
`noun_phrases` and `subject_clauses` (where a subject stands), `speaker_phrases` (how far the
phrase that names a speaker reaches), `coreference` (pronouns and role descriptions),
`addressees` (whom a frame addresses) and `speaker_nouns` (which words can name a speaker).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quellenlage.attribution import addressees
from quellenlage.attribution.actors import Actor, actor_of, distinct, unnamed
from quellenlage.attribution.article_view import ArticleView
from quellenlage.attribution.clauses import FOCUS_PARTICLES
from quellenlage.attribution.coreference import Coreference
from quellenlage.attribution.cues import is_reporting_verb
from quellenlage.attribution.not_speakers import without_possessors
from quellenlage.attribution.noun_phrases import (
    agrees_in_number,
    closes_inside,
    first_nominative_phrase,
    is_noun_phrase,
)
from quellenlage.attribution.speaker_phrases import phrase_end, phrase_start, with_marks
from quellenlage.attribution.subject_clauses import (
    TRAILING_ADVERBS,
    finite_verb_index,
    main_clause_verb,
    passive_agent,
    subtree,
    without_relative_clauses,
)
from quellenlage.entities.index import EntityIndex, ref
from quellenlage.model import Entity, Mention, Sentence, Span, Token

PREPOSITION_BEFORE = re.compile(
    r"\b(?:gegen|für|mit|von|vom|an|am|auf|in|im|ins|nach|zu|zur|zum|über|durch|aus|bei|beim|vor|unter|zwischen"
    r"|neben|seit|ohne|um|wegen|trotz|laut|gegenüber)\s+(?:(?:de[mnrs]|die|das|einer?|einem|einen|eines|ihre[mnrs]?|"
    r"seine[mnrs]?)\s+)?(?:[a-zäöüß]+\s+){0,2}$",
)
ARTICLE_BEFORE = re.compile(r"(?P<word>\w+)\s+(?:der|des)\s+(?:[a-zäöüß]+\s+){0,2}$")
COORDINATION = re.compile(r"^\s*(?:,|und|sowie|oder)?\s*(?:,\s*)?(?:und\s+|sowie\s+)?(?:de[rmns]|die|das)?\s*$")

# A frame longer than this is a clause whose verb the tagger missed, not a name before a colon.
NAMING_FRAME_MAX = 8


def _predicative_field(field: Sequence[Token], tokens: Sequence[Token], verb: int) -> bool:
    """ "Als Grund gab die Behörde … an", "Als Beispiel nannte die NASA …": "als" with a noun
    phrase and no verb before the finite verb, which more words follow, is the field of a main
    clause (verb second), not a clause of its own ("…, als der Minister sagte"); its noun is what
    is named, and the subject follows the verb."""
    if len(field) < 2 or field[0].text.lower() != "als" or verb + 1 >= len(tokens):
        return False
    return tokens[verb + 1].pos != "PUNCT" and not any(t.pos in ("VERB", "AUX") for t in field)


class SpeakerResolver(ArticleView):
    """The speakers, sources and addressees one article names, found in stretches of its text."""

    def __init__(self, text: str, index: EntityIndex, sentences: Sequence[Sentence] = ()):
        super().__init__(text, index, sentences)
        self.coreference = Coreference(self)

    def first_in_span(self, start: int, end: int) -> Actor:
        """The first entity an attribution line names ("Jana Reimers, Meteorologin beim
        Deutschen Wetterdienst" is Jana Reimers, not Germany)."""
        mentions = [e for m, e in self.mentions(start, end, compounds=True) if m.form not in ("adjective", "genitive")]
        person = next((e for e in mentions if e.type == "PER"), None)  # "Kölns Trainer Stefan Albrecht"
        return ref(person or mentions[0]) if mentions else None

    def in_span(self, start: int, end: int) -> Actor:
        """Every entity named in a source phrase ("nach US-Angaben", attribution line)."""
        entities = distinct(entity for _, entity in self.mentions(start, end, compounds=True))
        return actor_of(entities)

    def subject_near(self, start: int, end: int) -> tuple[Actor, Span | None]:
        """The likely subject among the actor mentions in [start, end): the first that is not
        in a prepositional phrase, a genitive attribute or a dative object. In German main
        clauses the subject stands before or right after the finite verb, so it is the first
        actor in the clause far more often than not."""
        subject = self._parsed_subject(start, end) or self._nominal_subject(start, end)
        if subject is not None:  # the parser's subject phrase: look for the speaker inside it only
            speaker, _ = self._subject_in(subject.start, subject.end)
            description = self._headline_role(subject, end) or subject.text
            if speaker is None and (person := self.described_person(description, subject.start)) is not None:
                speaker = ref(person)  # "twitterte der 35 Jahre alte Aufbauspieler": the player just named
            return speaker or unnamed(subject.text), with_marks(self, subject, end)
        speaker, mention = self._subject_in(start, end)
        return speaker, with_marks(self, mention, end) if mention else None

    def _headline_role(self, subject: Span, end: int) -> str | None:
        """A role noun without article before a verb in the singular, as headlines write it
        ("Forscher aus Osnabrück warnt: …"): one person, described as "der Forscher" would be,
        whom the text names ("Der Osnabrücker Leseforscher Christian Dawidowski")."""
        words = self.tokens_in(subject.start, end)
        if len(words) < 2 or words[0].pos != "NOUN" or not words[0].text[:1].isupper():
            return None
        verb = next((t for t in words if t.start >= subject.end and t.pos in ("VERB", "AUX")), None)
        if verb is None or "Number=Sing" not in verb.morph or "Person=3" not in verb.morph:
            return None
        return f"der {words[0].text}"

    def named_by_frame(self, start: int, end: int) -> tuple[Actor, Span | None]:
        """The speaker of a frame before a colon: the whole frame when it is a noun phrase
        without a verb ("Ein Beamter der Nationalpolizei: „…“"), else the subject."""
        words = self.tokens_in(start, end)
        verbless = not any(t.pos in ("VERB", "AUX") for t in words)
        if words and len(words) <= NAMING_FRAME_MAX and verbless and is_noun_phrase(words):
            phrase = self.span(words[0].start, words[-1].end)
            speaker, _ = self._subject_in(phrase.start, phrase.end)
            return speaker or unnamed(phrase.text), phrase
        return self.subject_near(start, end)

    def _subject_in(self, start: int, end: int) -> tuple[Actor, Span | None]:
        candidates = [
            (m, e) for m, e in self.mentions(start, end, compounds=False) if self._may_be_subject(m, e, start)
        ]
        candidates = without_possessors(self.text, candidates)  # "Liverpools Trainer Jürgen Klopp"
        if not candidates:
            return self.coreference.unnamed_subject(start, end)
        group = self._coordinated_groups(candidates)[0]
        begin = phrase_start(self, start, group[0][0].start)
        finish = phrase_end(self, group[-1][0].end, end)
        return actor_of(distinct(e for _, e in group)), self.span(begin, finish)

    def _parsed_subject(self, start: int, end: int) -> Span | None:
        """The subject phrase in [start, end) by the dependency parse: the subtree of the first
        nominal subject (of a reporting verb, if one has a subject there); None unparsed."""
        sentence = self.sentence_at(start)
        if sentence is None or not sentence.tokens or sentence.tokens[0].head is None:
            return None
        tokens = sentence.tokens
        subjects = [i for i, t in enumerate(tokens) if t.dep.startswith("nsubj") and start <= t.start < end]
        if not subjects:
            return None
        reporting = [i for i in subjects if is_reporting_verb(tokens[tokens[i].head or 0].text)]
        words = subtree(tokens, (reporting or subjects)[0])
        first, last = tokens[min(words)], tokens[max(words)]
        if first.start < start or last.end > end:
            return None
        return self.span(first.start, last.end)

    def _nominal_subject(self, start: int, end: int) -> Span | None:
        """The subject phrase in [start, end) by word classes and case, where no parse is at
        hand: in a German main clause the subject either fills the field before the finite
        verb ("Ärzte ohne Grenzen teilte mit") or is the first nominative phrase after it
        ("Am Montag sagte der Sprecher der Polizei"); in a clause opened by "wie" or "dass" it
        is the first nominative phrase after the conjunction."""
        sentence = self.sentence_at(start)
        if sentence is None:
            return None
        to_sentence_end = [t for t in sentence.tokens if start <= t.start]
        # "C.Y. Leung, der … war, sagte": the relative clause's verb is not the clause's
        tokens = without_relative_clauses([t for t in to_sentence_end if t.end <= end])
        verb = finite_verb_index(tokens)
        if verb is None:
            return None
        agent = passive_agent(to_sentence_end, to_sentence_end.index(tokens[verb]))
        if agent:  # "Die al-Shabaab wurde von Kenias Regierung beschuldigt": the agent speaks
            return self.span(agent[0].start, phrase_end(self, agent[-1].end, end))
        field = tokens[:verb]
        while field and (field[0].pos == "PUNCT" or field[0].text.lower() in FOCUS_PARTICLES):
            field = field[1:]  # "Auch Feinstein argumentierte": the particle belongs to the subject's field
        main_verb = main_clause_verb(tokens, verb) if field and field[0].pos == "SCONJ" else None
        if main_verb is None and _predicative_field(field, tokens, verb):
            phrase = first_nominative_phrase(tokens[verb + 1 :])  # "Als Grund nannte die NASA …"
        elif main_verb is not None:  # "Als ein Fluggast zu Hilfe eilte, biss der Randalierer …"
            phrase = first_nominative_phrase(tokens[main_verb + 1 :])
        elif field and field[0].pos == "SCONJ" or (field and field[0].text.lower() == "wie"):
            # where case gives none, the first noun phrase (the tagger may read "der Focus" as a genitive)
            phrase = first_nominative_phrase(field[1:]) or first_nominative_phrase(field[1:], any_case=True)
        elif field and is_noun_phrase(field) and agrees_in_number(field, tokens[verb]):
            phrase = field
        else:
            phrase = first_nominative_phrase(tokens[verb + 1 :])
        while phrase and (
            (phrase[-1].pos == "PUNCT" and not closes_inside(phrase)) or phrase[-1].text in TRAILING_ADVERBS
        ):
            phrase = phrase[:-1]
        if not phrase:
            return None
        if len(phrase) == 1 and phrase[0].pos == "PRON":  # "forderte er vom Ausschuss": a pronoun has no affiliation
            return self.span(phrase[0].start, phrase[0].end)
        return self.span(phrase[0].start, phrase_end(self, phrase[-1].end, end))

    def quoted_person(self, frame: Span, cue: Span, subject: Span | None) -> tuple[Actor, Span | None]:
        """Whom an active "zitiert" quotes: its object, the first noun phrase outside the
        subject and outside prepositional phrases ("zitiert Welt-Online den Minister")."""
        words = [
            t
            for t in self.tokens_in(frame.start, frame.end)
            if t.start >= cue.end and not (subject is not None and subject.start <= t.start < subject.end)
        ]
        phrase = first_nominative_phrase(words, any_case=True)
        if not phrase:
            return None, None
        span = self.span(phrase[0].start, phrase[-1].end)
        return self.in_span(span.start, span.end) or unnamed(span.text), span

    def addressee_in(self, frame: Span, speaker: Span | None, directive: bool = False) -> Span | None:
        """Whom a frame addresses (see `addressees.addressee_in`)."""
        return addressees.addressee_in(self, frame, speaker, directive)

    def described_person(self, description: str, position: int) -> Entity | None:
        """The person a definite role description at `position` stands for (see
        `Coreference.described_person`)."""
        return self.coreference.described_person(description, position)

    def _may_be_subject(self, mention: Mention, entity: Entity, start: int) -> bool:
        """Not in a prepositional phrase, not a genitive attribute ("die Entscheidungen der
        Russischen Föderation"), not a feminine country in the dative ("sichert der Ukraine")."""
        before = self.text[max(start, mention.start - 40) : mention.start]
        if mention.form == "genitive" or PREPOSITION_BEFORE.search(before) or before.endswith("("):
            return False  # "(Reuters)" before a paragraph is its source line, not the subject
        article = ARTICLE_BEFORE.search(before)
        if article is None:
            return True
        return not (article["word"][0].isupper() or entity.type == "LOC")

    def _coordinated_groups(self, candidates: list[tuple[Mention, Entity]]) -> list[list[tuple[Mention, Entity]]]:
        groups = [[candidates[0]]]
        for pair in candidates[1:]:
            between = self.text[groups[-1][-1][0].end : pair[0].start]
            if COORDINATION.match(between):
                groups[-1].append(pair)
            else:
                groups.append([pair])
        return groups
