"""Resolve the speaker of a quotation to entities of the article.

Without a dependency parser, the subject of a reporting frame is found the way a reader skims
it: the actor mentions in the frame that are not inside a prepositional phrase or a genitive
("gegen die Ukraine", "Russlands Präsident"), with coordinated actors ("Der Westen, die Ukraine
und Südkorea") kept together as one group speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from quellenlage.attribution.actors import Actor
from quellenlage.attribution.clauses import (
    ARTICLE_FORMS,
    FOCUS_PARTICLES,
    PASSIVE_AUXILIARIES,
    RELATIVE_WORDS,
    main_clause_comma,
)
from quellenlage.attribution.cues import is_finite_verb, is_reporting_verb
from quellenlage.attribution.not_speakers import without_possessors
from quellenlage.dates.resolve import MONTHS, WEEKDAYS
from quellenlage.entities.index import ACTOR_FORMS, EntityIndex, ref
from quellenlage.model import Entity, EntityRef, Mention, Sentence, Span, Token
from quellenlage.spans import containing

PREPOSITION_BEFORE = re.compile(
    r"\b(?:gegen|für|mit|von|vom|an|am|auf|in|im|ins|nach|zu|zur|zum|über|durch|aus|bei|beim|vor|unter|zwischen"
    r"|neben|seit|ohne|um|wegen|trotz|laut|gegenüber)\s+(?:(?:de[mnrs]|die|das|einer?|einem|einen|eines|ihre[mnrs]?|"
    r"seine[mnrs]?)\s+)?(?:[a-zäöüß]+\s+){0,2}$",
)
ARTICLE_BEFORE = re.compile(r"(?P<word>\w+)\s+(?:der|des)\s+(?:[a-zäöüß]+\s+){0,2}$")
COORDINATION = re.compile(r"^\s*(?:,|und|sowie|oder)?\s*(?:,\s*)?(?:und\s+|sowie\s+)?(?:de[rmns]|die|das)?\s*$")
SPEAKER_TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})
PERSON = frozenset({"PER"})
PERSON_OR_GROUP = frozenset({"PER", "ORG"})
ARTICLES = r"(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|Der|Die|Das|Ein|Eine)"
# What precedes a name inside its noun phrase: article, adjectives, titles ("der ukrainische Präsident ").
NOUN_PHRASE_HEAD = re.compile(
    rf"\b{ARTICLES}\s+(?:[\w-]*[a-zäöüß](?:e|en|er|es)\s+)*(?:[A-ZÄÖÜ][\w-]*\s+){{0,2}}\Z|(?:[A-ZÄÖÜ][\w-]*\s+){{1,2}}\Z"
)
# Capitalised words before a name that open the sentence, not the noun phrase ("Auch Hassemer").
NOT_IN_PHRASE = frozenset(
    {
        "Auch",
        "Doch",
        "Nun",
        "So",
        "Dann",
        "Zudem",
        "Außerdem",
        "Dabei",
        "Damit",
        "Daher",
        "Jetzt",
        "Später",
        "Zuvor",
        "Bereits",
        "Schon",
        "Nur",
        "Noch",
        "Aber",
        "Und",
        "Oder",
        "Als",
        "Wie",
        "Laut",
        "Nach",
        "Aus",
        "Für",
        "Gegen",
        "Obwohl",
        "Während",
        "Weil",
        "Da",
        "Nachdem",
        "Wenn",
        "Bevor",
        "Seit",
        "Dass",
        "Deshalb",
        "Allerdings",
        "Jedoch",
        "Zwar",
        "Inzwischen",
        "Unterdessen",
        "Heute",
        "Gestern",
        "Am",
        "Im",
        "Bei",
        "Beim",
        "Mit",
        "Von",
        "Vom",
        "In",
        "An",
        "Auf",
        "Über",
        "Unter",
        "Vor",
        "Zum",
        "Zur",
    }
)
UNNAMED_ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem"}
    | {"dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes", "jenem", "jenen"}
)
# Where a speaking body sits: "die Provinzregierung in Helmand", "die Ärztezeitung in ihrer Onlineausgabe";
# not "in der Debatte" or "im Interview", which say where the words fell.
SEAT_AFTER = re.compile(r"\s+in\s+(?:(?:ihrer|seiner)\s+)?[A-ZÄÖÜ][\w-]+(?=\s+[a-zäöüß])")
# A short parenthesis after a name: the party or its abbreviation ("(SPD)", "(Grüne)").
PARTY_AFTER = re.compile(r"\s*\([A-ZÄÖÜ][\w/.-]{1,15}\)")
# A description set off by a comma before or after a name: "Der Leiter der WHO, Klaus Stöhr".
APPOSITION_BEFORE = re.compile(rf"\b{ARTICLES}\s+[^,.;:!?„“\"]{{3,80}},\s+\Z")
APPOSITION_AFTER = re.compile(
    rf",\s+(?P<role>(?:{ARTICLES}\s+|[A-ZÄÖÜ]|[a-zäöüß]+(?:e|er|en|es)\s+[A-ZÄÖÜ])[^,.;:!?„“\"]{{3,80}}?)"
    r"(?=,|\s*[.!?:](?:\s|$))"
)
# A clause, not an apposition, after a name: it ends in a verb ("Deiss, der sich dazu entschlossen hatte,").
RELATIVE_CLAUSE_END = re.compile(
    r"\s(?:[a-zäöüß]+(?:t|te|ten|en|n)|war|ist|hat|wird|wurde|wurden|waren|sind|hatte|hatten|haben)\Z"
)
# The name after a role, closing the sentence: "…, erklärte die Geschäftsführerin, Manuela Roßbach."
NAME_AFTER = re.compile(
    r",\s+(?P<role>[A-ZÄÖÜ][\w.-]+(?:\s+(?:von|van|de|al|el|[A-ZÄÖÜ][\w.-]*)){1,3})(?=\s*[.!?](?:\s|$))"
)
# Where a named speaker works: "Moritz Wohlrab von der „Aktion Deutschland hilft“", "Metzges vom Netzwerk Campact".
AFFILIATION_AFTER = re.compile(
    r"\s+(?:vom|von\s+(?:der|dem|den))\s+(?:„[^“]{1,60}“|(?:[\w-]+\s+){0,2}?[A-ZÄÖÜ][\w-]*(?:\.[\w-]+)*"
    r"(?:\s+[A-ZÄÖÜ][\w-]*(?:\.[\w-]+)*)?)"  # a full stop only inside a name ("ver.di"), never at its end
    r"|\s+von\s+[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ0-9][\w.-]*){0,2}(?=[\s,.:;])"  # "die Premierministerin von Queensland"
    r"|\s+aus\s+(?:de[mr]\s+)?[A-ZÄÖÜ][\w-]*(?=[\s,.:;])"  # "ein IWF-Sprecher aus Washington"
)
# Media addressed by name: "sagte der Deutschen Presse-Agentur", "sagte dem Sender „ntv“".
ADDRESSEE = re.compile(
    r"(?:\bgegenüber\s+|\bInterview\s+mit\s+|\bvor\s+(?=de[mnr]\s+(?:versammelten\s+)?(?:Presse|Journalisten|Reportern))"
    r"|\b(?:sagte|erklärte|berichtete|teilte|bestätigte|schrieb|sagt|erklärt)\s+(?:[\w-]+\s+){0,3}?)"
    r"(?P<who>(?:de[mnr]\s+|eine[mr]?\s+)?(?:(?!gegenüber)[\w-]+(?:e|en|er)\s+){0,2}(?:„[^“]{1,40}“|[\w-]*(?:Zeitung|[Ss]ender"
    r"|[Aa]gentur|[Mm]agazin|Zeitschrift|Journalisten|Reporter[n]?|Presse|Medien|Blatt|Parlament|Abgeordneten"
    r"|Nachrichtenportal)(?![\w-])(?:\s+„[^“]{1,40}“|\s+(?:dpa|AFP|AP|Reuters|[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})(?=\s*[,.:;]))?"
    r"|CNN|BBC|ARD|ZDF|dpa|AFP|Reuters))"
)
# Addressees in a prepositional phrase of their verb: "appellierte an die Lehrkräfte", "forderte
# von der Regierung".
ADDRESSEE_PHRASE = re.compile(
    r"\b(?:(?:appellier|wandt|wend|richt)\w*(?:\s+sich)?\b[^,.;:]*?\ban"
    r"|(?:forder|verlang)\w*\b[^,.;:]*?\bvon)"
    r"\s+(?P<who>(?:(?:die|den|das|der|dem|seine|ihre|seinen|ihren)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]+)"
)
PRONOUN = re.compile(r"\b(?:er|sie|Er|Sie)\b|\b[Dd]iese[r]?\Z")  # a demonstrative only as the whole subject
# Head nouns of speakers that are no named entity (the end of a compound counts: "Bahnsprecher").
SPEAKER_NOUN = (
    r"[\w-]*(?:[Ss]precher(?:in)?|[Mm]inister(?:in|ium)?|[Ee]xpert(?:e|en|in)|[Bb]ehörden?|[Pp]olizei|[Rr]egierung"
    r"|[Gg]ericht|[Ss]taatsanwalt(?:schaft)?|[Aa]nwalt|[Aa]nwältin|[Vv]erband|[Pp]artei|[Gg]ewerkschaft|[Kk]ommission"
    r"|[Ii]nstitut|[Aa]gentur|[Zz]eitung|[Ee]rmittler(?:in)?|[Ff]orscher(?:in)?|[Ww]issenschaftler(?:in)?|[Aa]utor(?:en|in)?"
    r"|[Aa]nalyst(?:en|in)?|[Öö]konom(?:en|in)?|[Pp]räsident(?:in)?|[Kk]anzler(?:in)?|[Cc]hef(?:in)?|[Vv]orsitzende[rn]?"
    r"|[Bb]ürgermeister(?:in)?|[Ff]euerwehr|[Nn]otenbank|[Kk]onzern|[Uu]nternehmen|[Ff]irma|[Vv]erwaltung|[Bb]otschafter(?:in)?"
    r"|[Mm]eteorolog(?:e|in|en)|[Ww]etterdienst|[Oo]pposition|[Kk]ritiker(?:in)?|[Bb]eobachter(?:in)?|[Zz]eug(?:e|en|in)"
    r"|[Bb]ewohner(?:in)?|[Aa]nwohner(?:in)?|[Vv]eranstalter(?:in)?|[Ää]rzt(?:e|in)?|[Aa]rzt|[Dd]irektor(?:in)?|[Ll]eiter(?:in)?"
    r"|[Ss]tudie|[Bb]ericht|[Uu]mfrage|[Vv]ertreter(?:in)?|[Mm]itarbeiter(?:in)?|[Ss]oldat(?:en|in)?|[Tt]rainer(?:in)?"
    r"|[Ff]ührung|[Bb]ank|[Bb]ahn|[Kk]reise[n]?|[Qq]uellen?|[Mm]edien|[Dd]iplomat(?:en|in)?|[Bb]ündnis|[Rr]at"
    r"|[Ll]eitung|[Ss]taat|[Kk]räfte|[Hh]elfer(?:in)?|[Aa]ktivist(?:en|in)?|[Gg]egner(?:in)?|[Bb]efürworter(?:in)?"
    r"|[Pp]olitiker(?:in)?|[Aa]bgeordnete[rn]?|[Oo]rganisation(?:en)?|[Gg]ruppe|[Ff]raktion|[Vv]erein)"
)
# An unnamed speaker: "Der Staatsanwalt", "die Polizei", "ein Sprecher des Ministeriums".
DESCRIPTION = re.compile(
    rf"\b{ARTICLES}\s+(?:[a-zäöüß][\w-]*(?:e|en|er|es)\s+)*{SPEAKER_NOUN}\b"
    rf"(?:\s+(?:des|der|eines|einer)\s+(?:[a-zäöüß][\w-]*(?:e|en|er|es)\s+)*[A-ZÄÖÜ][\w-]+){{0,2}}"
    r"(?:\s+(?![A-ZÄÖÜ][a-zäöüß]+(?:te|ten)\b)[A-ZÄÖÜ][\w-]+(?:\s+(?:ohne|für)\s+[A-ZÄÖÜ][\w-]+)?)?"
)
# Compounds whose head names people acting for the entity: "die Nato-Verbündeten", "Kreml-Sprecher".
AGENT_COMPOUND = re.compile(
    r"-(?:Verbündete[n]?|Truppen|Soldaten|Regierung|Führung|Spitze|Sprecher(?:in)?|Chef(?:in)?|Staaten|Partner"
    r"|Außenminister(?:in)?|Verteidigungsminister(?:in)?|Delegation|Vertreter(?:in)?|Behörden?|Streitkräfte)$"
)


# A frame longer than this is a clause whose verb the tagger missed, not a name before a colon.
NAMING_FRAME_MAX = 8


class SpeakerResolver:
    def __init__(self, text: str, index: EntityIndex, sentences: Sequence[Sentence] = ()):
        self.text = text
        self.index = index
        self.sentences = sentences
        self._sentence_starts = [s.start for s in sentences]  # sorted, not overlapping: bisect
        self._sentence_ends = [s.end for s in sentences]
        self._roles: dict[str, tuple[list[int], list[Entity]]] | None = None

    def first_in_span(self, start: int, end: int) -> Actor:
        """The first entity an attribution line names ("Jana Reimers, Meteorologin beim
        Deutschen Wetterdienst" is Jana Reimers, not Germany)."""
        mentions = [e for m, e in self._mentions(start, end, compounds=True) if m.form not in ("adjective", "genitive")]
        person = next((e for e in mentions if e.type == "PER"), None)  # "Kölns Trainer Stefan Albrecht"
        return ref(person or mentions[0]) if mentions else None

    def in_span(self, start: int, end: int) -> Actor:
        """Every entity named in a source phrase ("nach US-Angaben", attribution line)."""
        entities = _distinct(entity for _, entity in self._mentions(start, end, compounds=True))
        return _actor(entities)

    def subject_near(self, start: int, end: int) -> tuple[Actor, Span | None]:
        """The likely subject among the actor mentions in [start, end): the first that is not
        in a prepositional phrase, a genitive attribute or a dative object. In German main
        clauses the subject stands before or right after the finite verb, so it is the first
        actor in the clause far more often than not."""
        subject = self._parsed_subject(start, end) or self._nominal_subject(start, end)
        if subject is not None:  # the parser's subject phrase: look for the speaker inside it only
            speaker, _ = self._subject_in(subject.start, subject.end)
            if speaker is None and (person := self.described_person(subject.text, subject.start)) is not None:
                speaker = ref(person)  # "twitterte der 35 Jahre alte Aufbauspieler": the player just named
            return speaker or unnamed(subject.text), self._with_marks(subject, end)
        speaker, mention = self._subject_in(start, end)
        return speaker, self._with_marks(mention, end) if mention else None

    def named_by_frame(self, start: int, end: int) -> tuple[Actor, Span | None]:
        """The speaker of a frame before a colon: the whole frame when it is a noun phrase
        without a verb ("Ein Beamter der Nationalpolizei: „…“"), else the subject."""
        words = self._tokens_in(start, end)
        verbless = not any(t.pos in ("VERB", "AUX") for t in words)
        if words and len(words) <= NAMING_FRAME_MAX and verbless and _is_noun_phrase(words):
            phrase = self._span(words[0].start, words[-1].end)
            speaker, _ = self._subject_in(phrase.start, phrase.end)
            return speaker or unnamed(phrase.text), phrase
        return self.subject_near(start, end)

    def _with_marks(self, mention: Span, limit: int) -> Span:
        """The phrase with the quotation marks around a name („BBC News“) and the party after
        it ("Matthias Berninger (Grüne)"), which belong to how the speaker is named."""
        start, end = mention.start, mention.end
        if start > 0 and self.text[start - 1] == "„" and self.text.startswith("“", end):
            start, end = start - 1, end + 1
        party = PARTY_AFTER.match(self.text, end)
        if party and party.end() <= limit:
            end = party.end()
        return mention if (start, end) == (mention.start, mention.end) else self._span(start, end)

    def _subject_in(self, start: int, end: int) -> tuple[Actor, Span | None]:
        candidates = [
            (m, e) for m, e in self._mentions(start, end, compounds=False) if self._may_be_subject(m, e, start)
        ]
        candidates = without_possessors(self.text, candidates)  # "Liverpools Trainer Jürgen Klopp"
        if not candidates:
            return self._unnamed_subject(start, end)
        group = self._coordinated_groups(candidates)[0]
        phrase_start = group[0][0].start
        head = NOUN_PHRASE_HEAD.search(self.text, max(start, phrase_start - 80), phrase_start)
        if head and head[0].split()[0] not in NOT_IN_PHRASE:
            phrase_start = head.start()  # "der ukrainische Präsident Wolodymyr Selenskyj"
        phrase_end = group[-1][0].end
        before = APPOSITION_BEFORE.search(self.text, max(start, phrase_start - 100), phrase_start)
        if before:
            phrase_start = before.start()  # "Der Leiter des Programms, Klaus Stöhr"
        return _actor(_distinct(e for _, e in group)), self._span(phrase_start, self._phrase_end(phrase_end, end))

    def _phrase_end(self, phrase_end: int, limit: int) -> int:
        """A speaker's phrase goes on with where the speaker works and who the speaker is:
        "Moritz Wohlrab von der „Aktion Deutschland hilft“", "Günther Platter, der
        Verteidigungsminister Österreichs,", within `limit`."""
        attribute = ROLE_ATTRIBUTE.match(self.text, phrase_end)
        if attribute and attribute.end() <= limit and self._person_starts(attribute.end()):
            phrase_end = attribute.end()  # "die Branchenkoordinatorin für Busse und Bahnen, Katharina Wagner"
        affiliation = AFFILIATION_AFTER.match(self.text, phrase_end)
        if affiliation is None and not self._ends_with_person(phrase_end):  # "Romney in Arbutus": where he spoke
            affiliation = SEAT_AFTER.match(self.text, phrase_end)
        if affiliation and affiliation.end() <= limit:
            phrase_end = affiliation.end()
        after = APPOSITION_AFTER.match(self.text, phrase_end) or NAME_AFTER.match(self.text, phrase_end)
        if after and after.end() <= limit and not RELATIVE_CLAUSE_END.search(after["role"]):
            phrase_end = after.end("role")
        return phrase_end

    def _person_starts(self, position: int) -> bool:
        """Whether ", <a person's name>" follows at `position`."""
        comma = re.compile(r",\s+").match(self.text, position)
        if comma is None:
            return False
        return any(
            m.start == comma.end() and e.type == "PER"
            for m, e in self._mentions(comma.end(), comma.end() + 60, compounds=False)
        )

    def _ends_with_person(self, end: int) -> bool:
        """Whether the name of a person ends at `end`: a person has no seat, a body has one."""
        return any(m.end == end and e.type == "PER" for m, e in self._mentions(max(0, end - 60), end, compounds=False))

    def _parsed_subject(self, start: int, end: int) -> Span | None:
        """The subject phrase in [start, end) by the dependency parse: the subtree of the first
        nominal subject (of a reporting verb, if one has a subject there); None unparsed."""
        sentence = self._sentence_at(start)
        if sentence is None or not sentence.tokens or sentence.tokens[0].head is None:
            return None
        tokens = sentence.tokens
        subjects = [i for i, t in enumerate(tokens) if t.dep.startswith("nsubj") and start <= t.start < end]
        if not subjects:
            return None
        reporting = [i for i in subjects if is_reporting_verb(tokens[tokens[i].head or 0].text)]
        words = _subtree(tokens, (reporting or subjects)[0])
        first, last = tokens[min(words)], tokens[max(words)]
        if first.start < start or last.end > end:
            return None
        return self._span(first.start, last.end)

    def _nominal_subject(self, start: int, end: int) -> Span | None:
        """The subject phrase in [start, end) by word classes and case, where no parse is at
        hand: in a German main clause the subject either fills the field before the finite
        verb ("Ärzte ohne Grenzen teilte mit") or is the first nominative phrase after it
        ("Am Montag sagte der Sprecher der Polizei"); in a clause opened by "wie" or "dass" it
        is the first nominative phrase after the conjunction."""
        sentence = self._sentence_at(start)
        if sentence is None:
            return None
        to_sentence_end = [t for t in sentence.tokens if start <= t.start]
        # "C.Y. Leung, der … war, sagte": the relative clause's verb is not the clause's
        tokens = _without_relative_clauses([t for t in to_sentence_end if t.end <= end])
        verb = _finite_verb_index(tokens)
        if verb is None:
            return None
        agent = _passive_agent(to_sentence_end, to_sentence_end.index(tokens[verb]))
        if agent:  # "Die al-Shabaab wurde von Kenias Regierung beschuldigt": the agent speaks
            return self._span(agent[0].start, self._phrase_end(agent[-1].end, end))
        field = tokens[:verb]
        while field and (field[0].pos == "PUNCT" or field[0].text.lower() in FOCUS_PARTICLES):
            field = field[1:]  # "Auch Feinstein argumentierte": the particle belongs to the subject's field
        main_verb = _main_clause_verb(tokens, verb) if field and field[0].pos == "SCONJ" else None
        if main_verb is not None:  # "Als ein Fluggast zu Hilfe eilte, biss der Randalierer …"
            phrase = _first_nominative_phrase(tokens[main_verb + 1 :])
        elif field and field[0].pos == "SCONJ" or (field and field[0].text.lower() == "wie"):
            # where case gives none, the first noun phrase (the tagger may read "der Focus" as a genitive)
            phrase = _first_nominative_phrase(field[1:]) or _first_nominative_phrase(field[1:], any_case=True)
        elif field and _is_noun_phrase(field) and _agrees(field, tokens[verb]):
            phrase = field
        else:
            phrase = _first_nominative_phrase(tokens[verb + 1 :])
        while phrase and (
            (phrase[-1].pos == "PUNCT" and not _closes_inside(phrase)) or phrase[-1].text in TRAILING_ADVERBS
        ):
            phrase = phrase[:-1]
        if not phrase:
            return None
        if len(phrase) == 1 and phrase[0].pos == "PRON":  # "forderte er vom Ausschuss": a pronoun has no affiliation
            return self._span(phrase[0].start, phrase[0].end)
        return self._span(phrase[0].start, self._phrase_end(phrase[-1].end, end))

    def quoted_person(self, frame: Span, cue: Span, subject: Span | None) -> tuple[Actor, Span | None]:
        """Whom an active "zitiert" quotes: its object, the first noun phrase outside the
        subject and outside prepositional phrases ("zitiert Welt-Online den Minister")."""
        words = [
            t
            for t in self._tokens_in(frame.start, frame.end)
            if t.start >= cue.end and not (subject is not None and subject.start <= t.start < subject.end)
        ]
        phrase = _first_nominative_phrase(words, any_case=True)
        if not phrase:
            return None, None
        span = self._span(phrase[0].start, phrase[-1].end)
        return self.in_span(span.start, span.end) or unnamed(span.text), span

    def addressee_in(self, frame: Span, speaker: Span | None, directive: bool = False) -> Span | None:
        """Whom a frame addresses: the phrase after "gegenüber", else the first noun phrase in
        the dative outside a prepositional phrase ("sagte der Zeitung", "teilte den
        Abgeordneten mit"), or in the accusative after a verb of demanding or accusing
        ("forderte die Regierung auf"); never the speaker's own words."""
        media = ADDRESSEE.search(self.text, frame.start, frame.end) or ADDRESSEE_PHRASE.search(
            self.text, frame.start, frame.end
        )
        if media is not None:
            return self._span(media.start("who"), media.end("who"))
        tokens = [
            t
            for t in self._tokens_in(frame.start, frame.end)
            if not (speaker is not None and speaker.start <= t.start < speaker.end)
        ]
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t.text == "gegenüber" and (phrase := _noun_phrase_at(tokens, i + 1)):
                return self._span(phrase[0].start, phrase[-1].end)
            if t.pos == "ADP":
                i = _after_prepositional_phrase(tokens, i)
                continue
            if not _nominal(t):
                i += 1
                continue
            phrase = _noun_phrase_at(tokens, i)
            cases = {"Dat", "Acc"} if directive else {"Dat"}
            if directive and speaker is not None and _nominative_or_accusative(phrase):
                cases = cases | {"Nom"}  # "Er forderte die SPD auf": the tagger may guess either case
            if (
                phrase
                and all(_case(w) in cases for w in phrase if w.pos in ("DET", "NOUN"))
                and any(w.pos == "DET" for w in phrase)
            ):
                return self._span(phrase[0].start, phrase[-1].end)
            i += max(1, len(phrase))
        return None

    def _unnamed_subject(self, start: int, end: int) -> tuple[Actor, Span | None]:
        """A pronoun ("sagte er") stands for the last person or organisation named; a
        description ("Der Staatsanwalt", "die Polizei") is kept as the speaker's words
        without an entity."""
        pronoun = PRONOUN.search(self.text, start, end)
        description = DESCRIPTION.search(self.text, start, end)
        if pronoun and (description is None or pronoun.start() < description.start()):
            types = PERSON if pronoun[0].lower() in ("er", "dieser") else PERSON_OR_GROUP
            entity = self.index.last_before(pronoun.start(), types)
            return (ref(entity) if entity else None), self._span(pronoun.start(), pronoun.end())
        if description:
            bearer = self.described_person(description[0], description.start())
            speaker = ref(bearer) if bearer else unnamed(description[0])
            return speaker, self._span(description.start(), description.end())
        return None, None

    def described_person(self, description: str, position: int) -> Entity | None:
        """The person a definite role description at `position` stands for: "der Leseforscher"
        is the person the text introduces as "Der Osnabrücker Leseforscher Christian
        Dawidowski" or "Tim Stein, Pressesprecher der MVB" (or whose roles the entity stage
        recorded), the nearest one before, else the first one after (a headline names the role
        before the text names the person); for a role the text gave nobody, the one person just
        named. None for an indefinite or plural description ("ein Sprecher", "die Forscher")."""
        head = _role_head(description)
        if head is None:
            return None
        key = head.casefold()
        starts: list[int] = []
        people: list[Entity] = []
        for role, (role_starts, role_people) in self._role_mentions().items():
            if role.endswith(key):
                starts.extend(role_starts)
                people.extend(role_people)
        if starts:
            order = sorted(range(len(starts)), key=starts.__getitem__)
            starts, people = [starts[i] for i in order], [people[i] for i in order]
            i = bisect_left(starts, position)
            return people[i - 1] if i else people[0]
        return self._salient_person(position) if PERSON_ROLE.search(head) else None

    def _role_mentions(self) -> dict[str, tuple[list[int], list[Entity]]]:
        """Every role word the text or the entity stage gives a person, with the positions of
        that person's mentions (computed once per article)."""
        if self._roles is None:
            self._roles = {}
            for entity in self.index.entities:
                if entity.type != "PER":
                    continue
                given = {r.split()[-1].casefold() for r in entity.roles if r.split()}
                for mention in entity.mentions:
                    given |= self._roles_at(mention)
                for role in given:
                    starts, people = self._roles.setdefault(role, ([], []))
                    for mention in entity.mentions:
                        starts.append(mention.start)
                        people.append(entity)
        return self._roles

    def _roles_at(self, mention: Mention) -> set[str]:
        """The role words around a person's name: before it ("Leseforscher Christian Dawidowski")
        or in an apposition after it ("Tim Stein, Pressesprecher der MVB")."""
        words = [w.strip(",.;:()") for w in self.text[max(0, mention.start - 60) : mention.start].split()[-2:]]
        found = {w.casefold() for w in words if w[:1].isupper()}
        apposition = ROLE_APPOSITION.match(self.text, mention.end)
        if apposition is not None:
            found.add(apposition["role"].casefold())
        return found

    def _salient_person(self, position: int) -> Entity | None:
        """The one person named in the sentence before `position` or in its own sentence up to
        it ("Streeck äußerte Sorge. „…“, sagte der CDU-Politiker."); None when none or several."""
        number = containing(self._sentence_starts, self._sentence_ends, position)
        if number is None:
            return None
        start = self.sentences[number - 1].start if number else self.sentences[number].start
        people = {e.id: e for m, e in self.index.within(start, position) if e.type == "PER" and m.form in ACTOR_FORMS}
        return next(iter(people.values())) if len(people) == 1 else None

    def _sentence_at(self, position: int) -> Sentence | None:
        number = containing(self._sentence_starts, self._sentence_ends, position)
        return self.sentences[number] if number is not None else None

    def _tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens of the sentence at `start` that lie inside [start, end)."""
        sentence = self._sentence_at(start)
        return [t for t in sentence.tokens if start <= t.start and t.end <= end] if sentence else []

    def _span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

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

    def _mentions(self, start: int, end: int, *, compounds: bool) -> list[tuple[Mention, Entity]]:
        """Actor mentions; a source phrase also counts compounds ("nach US-Angaben"), a subject
        only compounds of agents ("die Nato-Verbündeten")."""
        return [
            (m, e)
            for m, e in self.index.within(start, end)
            if e.type in SPEAKER_TYPES
            and (compounds or m.form in ACTOR_FORMS or (m.form == "compound" and AGENT_COMPOUND.search(m.text)))
        ]

    def _coordinated_groups(self, candidates: list[tuple[Mention, Entity]]) -> list[list[tuple[Mention, Entity]]]:
        groups = [[candidates[0]]]
        for pair in candidates[1:]:
            between = self.text[groups[-1][-1][0].end : pair[0].start]
            if COORDINATION.match(between):
                groups[-1].append(pair)
            else:
                groups.append([pair])
        return groups


NOMINAL = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"})
# Prepositions that stay inside a name or an affiliation: "Ärzte ohne Grenzen", "Müller von der Caritas".
NAME_PREPOSITIONS = frozenset({"ohne", "für", "von", "vom", "in", "im", "aus", "beim"})  # "Ein Gericht in Virginia"
# Nouns that make a field before the verb a time or an adverbial, not a subject ("Ende Januar
# verkündete der DFB", "Des Weiteren verwies Steinbrück").
TIME_NOUNS = frozenset(
    {"Ende", "Anfang", "Mitte", "Beginn", "Weiteren", "Jahr", "Woche", "Tag", "Abend", "Morgen", "Nacht", *WEEKDAYS}
    | set(MONTHS.replace("\\", "").split("|"))
)


def _nominal(token: Token) -> bool:
    """A word of a noun phrase; names the tagger takes for punctuation ("ver.di") count."""
    return token.pos in NOMINAL or _lettered_punct(token)


def _lettered_punct(token: Token) -> bool:
    return token.pos == "PUNCT" and any(c.isalpha() for c in token.text)


BRACKETS = {")": "(", "“": "„", '"': '"'}


def _closes_inside(phrase: Sequence[Token]) -> bool:
    """Whether the phrase ends with a bracket or quotation mark it opened: "(SPD)", "„The Guardian“"."""
    opener = BRACKETS.get(phrase[-1].text)
    return opener is not None and any(t.text == opener for t in phrase[:-1])


def _feature(token: Token, name: str) -> str:
    """The value of one morphological feature of the token ("Case", "Number"), or ""."""
    prefix = f"{name}="
    return next((f[len(prefix) :] for f in token.morph.split("|") if f.startswith(prefix)), "")


def _case(token: Token) -> str:
    return _feature(token, "Case")


def _finite_verb_index(tokens: Sequence[Token]) -> int | None:
    """Where the finite verb is: the tagger's, or a verb in the plural present that the tagger
    read as an infinitive ("Beobachter befürchten, dass …", "Analysten erwarten") right after a
    noun phrase."""
    named = _in_quoted_names(tokens)  # „Aktion Deutschland hilft“, „Jungle World“: names, not verbs
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
            and _is_noun_phrase(tokens[:i])
        ),
        None,
    )


# The most words a name in quotation marks holds („Aktion Deutschland hilft“).
QUOTED_NAME_MAX = 6


def _in_quoted_names(tokens: Sequence[Token]) -> set[int]:
    """Indices of the words inside short quotation marks, which name something („Jungle World“)."""
    inside: set[int] = set()
    for i, token in enumerate(tokens):
        if token.text in ("„", '"') and (closing := _closing_quote(tokens, i)) is not None:
            inside.update(range(i + 1, closing))
    return inside


def _closing_quote(words: Sequence[Token], opening: int) -> int | None:
    """Index of the quotation mark that closes a short quoted name opened at `opening`, if any."""
    limit = min(opening + QUOTED_NAME_MAX + 2, len(words))
    return next((j for j in range(opening + 1, limit) if words[j].text in ("“", '"')), None)


# Conjunctions whose clause is itself the frame ("wie der Sprecher sagte", "dass X erklärte").
FRAMING_CONJUNCTIONS = frozenset({"wie", "dass", "ob"})


def _main_clause_verb(tokens: Sequence[Token], verb: int) -> int | None:
    """The finite verb of the main clause after an adverbial clause that fills the field before
    it ("Nachdem …, sagte der Minister"): the first finite verb right after a comma that closes
    the clause of `verb`; None for clauses that frame ("wie …", "dass …")."""
    if tokens[0].text.lower() in FRAMING_CONJUNCTIONS:
        return None
    comma = main_clause_comma(tokens, verb + 1)
    return None if comma is None else comma + 1


# A neuter demonstrative before the verb is what is said, not who says it ("Dies bestätigte Stoiber").
NEUTER_DEMONSTRATIVES = frozenset({"dies", "dieses"})


# Adverbs after a subject in the field before the verb, which do not name it ("Die Befürworter hingegen betrachten").
TRAILING_ADVERBS = frozenset(
    {"hingegen", "dagegen", "jedoch", "aber", "indessen", "allerdings", "wiederum", "ihrerseits"}
)


AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch"})


def _passive_agent(tokens: Sequence[Token], verb: int) -> list[Token]:
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
    phrase = _noun_phrase_at(clause, agents[-1] + 1)
    return _with_genitives(clause, agents[-1] + 1 + len(phrase), phrase)


RELATIVE_OPENERS = ARTICLE_FORMS | RELATIVE_WORDS


def _without_relative_clauses(tokens: list[Token]) -> list[Token]:
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


def _number(token: Token) -> str:
    return _feature(token, "Number")


def _agrees(field: Sequence[Token], verb: Token) -> bool:
    """Whether a noun phrase before the verb can be its subject by number: an article and noun
    of the other number than the verb's make it the object ("Die Äußerungen … bezeichnete
    Wiefelspütz als …", "Das Gutachten bezeichneten die Grünen als …"); names ("Ärzte ohne
    Grenzen teilte mit") and coordinations are left alone."""
    head = next((t for t in field if t.pos in ("NOUN", "PROPN")), None)
    if head is None or head.pos != "NOUN" or field[0].pos != "DET" or _number(field[0]) != _number(head):
        return True
    if _number(head) == "Sing" and any(t.text in ("und", "sowie") for t in field):
        return True  # "Die Polizei und die Feuerwehr teilten mit"
    return not _number(verb) or _number(verb) == _number(head)


def _nominative_or_accusative(phrase: Sequence[Token]) -> bool:
    """Whether a phrase reads as nominative or accusative alike and names a group or a name:
    "die SPD", "die Huthi-Rebellen" (not "der Kandidat", not "die Hilfe")."""
    head = next((w for w in reversed(phrase) if w.pos in ("NOUN", "PROPN")), None)
    return (
        bool(phrase)
        and phrase[0].text.lower() in ("die", "das")
        and head is not None
        and (head.pos == "PROPN" or "Number=Plur" in head.morph)
    )


# Words that pick one out of a group in the genitive: "Einer der Feuerwehrmänner".
PARTITIVES = frozenset({"einer", "eine", "eines"})


def _is_noun_phrase(words: Sequence[Token]) -> bool:
    """Whether a field before the verb is one noun phrase in the nominative (with genitives,
    appositions and coordinations inside), not an adverbial ("Am Montag", "Dabei")."""
    if not _nominal(words[0]) and not (words[0].pos == "PRON" and _case(words[0]) == "Nom"):
        return False
    if words[0].text.lower() == "es":
        return False  # "Es wird befürchtet": no one
    if len(words) == 1 and "PronType=Dem" in words[0].morph:  # "Dieser behauptete, …", not "Dies bestätigte Key"
        return _case(words[0]) == "Nom" and words[0].text.lower() not in NEUTER_DEMONSTRATIVES
    if len(words) > 2 and words[0].text.lower() in PARTITIVES and words[1].text in ("der", "des"):
        return all(_nominal(t) or t.pos == "PUNCT" for t in words[1:])  # "Einer der 13 Feuerwehrmänner"
    nouns = [t for t in words if t.pos in ("NOUN", "PROPN", "PRON")]
    article_case = _case(words[0]) if words[0].pos == "DET" else ""
    if not nouns or nouns[0].text in TIME_NOUNS or "Dat" in (_case(nouns[0]), article_case) or article_case == "Acc":
        return False
    # a nominative article outweighs a noun read as accusative ("Der 23-jährige Sportler")
    # (a bare plural is nominative as often as accusative: "Vertraute der Insassen berichteten")
    bare_plural = not article_case and "Number=Plur" in nouns[0].morph
    if _case(nouns[0]) == "Acc" and article_case != "Nom" and not bare_plural:
        return False
    return all(_nominal(t) or t.pos in ("PUNCT", "CCONJ", "PRON") or t.text in NAME_PREPOSITIONS for t in words)


def _first_nominative_phrase(words: Sequence[Token], any_case: bool = False) -> list[Token]:
    """The first noun phrase that is not in the dative or accusative ("sagte dem Spiegel der
    Sprecher der Polizei"), with its genitive attributes."""
    i = 0
    while i < len(words):
        t = words[i]
        if t.pos == "PUNCT" and t.text not in ("„", '"'):
            return []
        if t.pos == "ADP":
            i = _after_prepositional_phrase(words, i)
            continue
        if t.pos == "PRON":
            if _case(t) == "Nom" and "PronType=Prs" in t.morph and t.text.lower() != "es":  # "heißt es": no one
                return [t]
            i += 1
            continue
        if not _nominal(t) or (t.pos == "ADJ" and i + 1 < len(words) and words[i + 1].pos == "DET"):
            i += 1  # an adjective before an article is an adverb: "teilte später der Direktor mit"
            continue
        phrase = _noun_phrase_at(words, i)
        head = next((w for w in reversed(phrase) if w.pos in ("NOUN", "PROPN")), None)
        # a nominative article outweighs a noun read as accusative ("berichtet die Website")
        nominative = phrase and phrase[0].pos == "DET" and _case(phrase[0]) == "Nom"
        if head is not None and (any_case or nominative or _case(head) not in ("Dat", "Acc", "Gen")):
            return _with_genitives(words, i + len(phrase), phrase)
        i += max(1, len(phrase))
    return []


def _after_prepositional_phrase(words: Sequence[Token], i: int) -> int:
    """Index after the preposition at `i` and its noun phrase with genitives ("in einem Brief")."""
    phrase = _noun_phrase_at(words, i + 1)
    return i + 1 + len(_with_genitives(words, i + 1 + len(phrase), phrase)) if phrase else i + 1


def _noun_phrase_at(words: Sequence[Token], i: int) -> list[Token]:
    phrase: list[Token] = []
    while i < len(words) and words[i].pos in ("DET", "ADJ", "NUM"):
        phrase.append(words[i])
        i += 1
    while i < len(words) and (words[i].pos in ("NOUN", "PROPN", "X") or (phrase and _lettered_punct(words[i]))):
        phrase.append(words[i])
        i += 1
    measure = len(phrase) >= 2 and phrase[-1].pos == "NOUN" and phrase[-2].pos == "NUM"
    if measure and i < len(words) and words[i].pos == "ADJ":  # "der 35 Jahre alte Aufbauspieler": no head
        rest = _noun_phrase_at(words, i)
        phrase.extend(rest)
        i += len(rest)
    if phrase and i + 2 < len(words) and words[i].text == "(" and words[i + 2].text == ")":
        phrase.extend(words[i : i + 3])  # "Franz Müntefering ( SPD )"
    elif phrase and i < len(words) and words[i].text in ("„", '"'):  # "die Tageszeitung „The Guardian“"
        closing = _closing_quote(words, i)
        if closing is not None:
            phrase.extend(words[i : closing + 1])
    return phrase if any(w.pos in ("NOUN", "PROPN", "X") for w in phrase) else []


def _with_genitives(words: Sequence[Token], i: int, phrase: list[Token]) -> list[Token]:
    """Extend a noun phrase by the genitives after it: "der Sprecher des Auswärtigen Amtes"."""
    while i < len(words) and words[i].pos == "DET" and _case(words[i]) == "Gen":
        attribute = _noun_phrase_at(words, i)
        if not attribute:
            break
        phrase = phrase + attribute
        i += len(attribute)
    return phrase


def _subtree(tokens: Sequence[Token], root: int) -> set[int]:
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


# ... and nouns of agents, which name people far more often than things: "die Richter", "Demonstranten",
# "Polizisten", "Ingenieure".
PEOPLE_NOUN = r"\b[A-ZÄÖÜ][\w-]{2,}(?:er|erin|ern|ent|enten|entin|ist|isten|istin|eur|eure|eurin)\b"
SPEAKING_WORD = re.compile(rf"{SPEAKER_NOUN}\b|{PRONOUN.pattern}|{PEOPLE_NOUN}")


def could_speak(speaker: Actor, mention: Span | None) -> bool:
    """Whether a subject can be someone who speaks: a named entity, a pronoun or a noun of
    people and bodies ("die Richter", "Beobachter"), not a thing ("Der Sprengsatz explodierte")."""
    first = speaker[0] if isinstance(speaker, list) else speaker
    if first is None:
        return False
    if first.id is not None:
        return True
    return mention is not None and SPEAKING_WORD.search(mention.text) is not None


# An apposition after a name that gives its role: ", Pressesprecher der MVB", ", die Sprecherin des Amtes".
ROLE_APPOSITION = re.compile(r",\s+(?:(?:der|die|des|dem|den)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}(?P<role>[A-ZÄÖÜ][\w-]+)")
# A prepositional attribute of a role before the name in apposition: "der Fraktionsvorsitzende der
# Grünen im Landtag, Mathias Wagner", "die Branchenkoordinatorin für Busse und Bahnen, Katharina Wagner".
ROLE_ATTRIBUTE = re.compile(r"\s+(?:im|in|für|beim|bei|zu|zur|zum|am|an)\s+(?:[\w-]+\s+){0,4}?[\w-]+(?=,)")
# Role nouns that name one person (the end of a compound counts: "CDU-Politiker", "Aufbauspieler").
PERSON_ROLE = re.compile(
    r"(?:[Pp]olitiker|[Ss]pieler|[Tt]rainer|[Ss]precher|[Ff]orscher|[Ee]xperte|[Mm]inister|[Pp]räsident|[Cc]hef"
    r"|[Vv]orsitzende|[Ll]eiter|[Dd]irektor|[Aa]nwalt|[Aa]nwältin|[Aa]utor|[Kk]oordinator|[Bb]eauftragte|[Aa]bgeordnete"
    r"|[Ss]tar|[Kk]apitän|[Kk]andidat|[Bb]ürgermeister|[Ss]änger|[Mm]usiker|[Ss]chauspieler|[Aa]rzt|[Ää]rztin|[Rr]ichter"
    r"|[Öö]konom|[Ww]issenschaftler|[Pp]rofessor|[Kk]anzler|[Gg]eschäftsführer|[Mm]anager|[Ss]ekretär|[Bb]otschafter"
    r"|[Gg]ouverneur|[Ss]enator|[Bb]ischof|[Pp]farrer|[Rr]egisseur|[Kk]ünstler|[Aa]ktivist|[Jj]ournalist|[Oo]ffizier"
    r"|[Gg]eneral|[Kk]ommissar|[Tt]orwart|[Ss]türmer|[Vv]erteidiger|[Mm]ittelfeldspieler|[Pp]sychologe|[Ss]oziologe"
    r"|[Pp]olitologe|[Hh]istoriker|[Vv]eteran|[Ff]unktionär)(?:in)?$"
)
# Articles of a definite description of one person: "der Forscher", "die Sprecherin" (not "die Forscher").
SINGULAR_ARTICLES = frozenset({"der", "dem", "des", "den"})


def _role_head(description: str) -> str | None:
    """The role noun of a definite description of one person ("der Osnabrücker Leseforscher"
    → Leseforscher, "die Sprecherin des Amtes" → Sprecherin), None for other descriptions."""
    words = description.split()
    if len(words) < 2 or {"und", "sowie", "oder"} & set(words):
        return None  # "Der Sprecher des Weißen Hauses und andere Mitarbeiter": several people
    article = words[0].lower()
    phrase = []
    for word in words[1:]:
        if word.lower() in GENITIVE_WORDS:
            break
        phrase.append(word)
    head = next((w for w in reversed(phrase) if w[:1].isupper()), None)
    if head is None:
        return None
    if article in SINGULAR_ARTICLES or (article == "die" and head.endswith("in")):
        return head
    return None


GENITIVE_WORDS = frozenset({"des", "der", "eines", "einer", "von", "vom"})


def unnamed(phrase: str) -> EntityRef:
    """A speaker no entity stands for, named by its own words without the article."""
    words = phrase.split()
    if words and words[0].lower() in UNNAMED_ARTICLES:
        words = words[1:]
    return EntityRef(id=None, name=" ".join(words))


def _distinct(entities: Iterable[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.id, entity)
    return list(seen.values())


def _actor(entities: list[Entity]) -> Actor:
    if not entities:
        return None
    refs: list[EntityRef] = [ref(e) for e in entities]
    return refs[0] if len(refs) == 1 else refs
