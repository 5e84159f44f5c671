"""Who a pronoun or a role description stands for: "sagte er" is the last person named, "der
Leseforscher" the person the text introduced as "Der Osnabrücker Leseforscher Christian
Dawidowski" or "Tim Stein, Pressesprecher der MVB", else the one person just named.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from quellenlage.attribution.actors import Actor, unnamed
from quellenlage.attribution.article_view import ArticleView
from quellenlage.attribution.speaker_nouns import DESCRIPTION, PERSON_ROLE, PRONOUN
from quellenlage.entities.index import ACTOR_FORMS, ref
from quellenlage.model import Entity, Mention, Span

PERSON = frozenset({"PER"})
PERSON_OR_GROUP = frozenset({"PER", "ORG"})
# An apposition after a name that gives its role: ", Pressesprecher der MVB", ", die Sprecherin des Amtes".
ROLE_APPOSITION = re.compile(r",\s+(?:(?:der|die|des|dem|den)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}(?P<role>[A-ZÄÖÜ][\w-]+)")
# Articles of a definite description of one person: "der Forscher", "die Sprecherin" (not "die Forscher").
SINGULAR_ARTICLES = frozenset({"der", "dem", "des", "den"})
# A sentence opening with a man as its subject: "Der Mann hatte …", "Der 41-Jährige wurde …"
MAN_OPENING = re.compile(
    r"(?:Der|Ein)\s+(?:[a-zäöüß][\w-]*\s+){0,2}"
    r"(?P<noun>[\w-]*(?:[Mm]ann|[Jj]ährige|[a-zäöüß](?:er|ent|ist|or|eur|ling|ant)))\s+[a-zäöüß]"
)
PRONOUN_REACH = 3  # sentences back


def role_head(description: str) -> str | None:
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


class Coreference:
    """The people and bodies a pronoun or a role description of one article refers to."""

    def __init__(self, view: ArticleView):
        self.view = view
        self._roles: dict[str, tuple[list[int], list[Entity]]] | None = None
        self._described: dict[str, tuple[list[int], list[Entity]]] = {}  # by role head, in text order

    def unnamed_subject(self, start: int, end: int) -> tuple[Actor, Span | None]:
        """A pronoun ("sagte er") stands for the last person or organisation named; a
        description ("Der Staatsanwalt", "die Polizei") is kept as the speaker's words
        without an entity."""
        pronoun = PRONOUN.search(self.view.text, start, end)
        description = DESCRIPTION.search(self.view.text, start, end)
        if pronoun and (description is None or pronoun.start() < description.start()):
            types = PERSON if pronoun[0].lower() in ("er", "dieser") else PERSON_OR_GROUP
            entity = self.view.index.last_before(pronoun.start(), types)
            speaker: Actor = ref(entity) if entity else None
            if speaker is None and pronoun[0].lower() == "er":  # "Der Mann hatte … gespendet. Er gab an, …"
                speaker = self._described_man_before(pronoun.start())
            return speaker, self.view.span(pronoun.start(), pronoun.end())
        if description:
            bearer = self.described_person(description[0], description.start())
            speaker = ref(bearer) if bearer else unnamed(description[0])
            return speaker, self.view.span(description.start(), description.end())
        return None, None

    def _described_man_before(self, position: int) -> Actor:
        """Where no person is named, "er" stands for the man a recent sentence opens with as its
        subject ("Der Mann", "Der 41-Jährige"), kept as those words: a pronoun is no speaker."""
        number = self.view.sentence_number(position)
        if number is None:
            return None
        for sentence in reversed(self.view.sentences[max(0, number - PRONOUN_REACH) : number + 1]):
            opening = MAN_OPENING.match(self.view.text, sentence.start, min(sentence.end, position))
            if opening is not None:
                return unnamed(opening["noun"])
        return None

    def described_person(self, description: str, position: int) -> Entity | None:
        """The person a definite role description at `position` stands for: "der Leseforscher"
        is the person the text introduces as "Der Osnabrücker Leseforscher Christian
        Dawidowski" or "Tim Stein, Pressesprecher der MVB" (or whose roles the entity stage
        recorded), the nearest one before, else the first one after (a headline names the role
        before the text names the person); for a role the text gave nobody, the one person just
        named. None for an indefinite or plural description ("ein Sprecher", "die Forscher")."""
        head = role_head(description)
        if head is None:
            return None
        starts, people = self._described_by(head.casefold())
        if starts:
            i = bisect_left(starts, position)
            return people[i - 1] if i else people[0]
        return self._salient_person(position) if PERSON_ROLE.search(head) else None

    def _described_by(self, key: str) -> tuple[list[int], list[Entity]]:
        """Where the people with a role ending in `key` are mentioned, in text order (computed
        once per role head: a long text asks for the same heads thousands of times)."""
        if key not in self._described:
            starts: list[int] = []
            people: list[Entity] = []
            for role, (role_starts, role_people) in self._role_mentions().items():
                if role.endswith(key):
                    starts.extend(role_starts)
                    people.extend(role_people)
            order = sorted(range(len(starts)), key=starts.__getitem__)
            self._described[key] = [starts[i] for i in order], [people[i] for i in order]
        return self._described[key]

    def _role_mentions(self) -> dict[str, tuple[list[int], list[Entity]]]:
        """Every role word the text or the entity stage gives a person, with the positions of
        that person's mentions (computed once per article)."""
        if self._roles is None:
            self._roles = {}
            for entity in self.view.index.entities:
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
        words = [w.strip(",.;:()") for w in self.view.text[max(0, mention.start - 60) : mention.start].split()[-2:]]
        found = {w.casefold() for w in words if w[:1].isupper()}
        apposition = ROLE_APPOSITION.match(self.view.text, mention.end)
        if apposition is not None:
            found.add(apposition["role"].casefold())
        return found

    def _salient_person(self, position: int) -> Entity | None:
        """The one person named in the sentence before `position` or in its own sentence up to
        it ("Streeck äußerte Sorge. „…“, sagte der CDU-Politiker."); None when none or several."""
        number = self.view.sentence_number(position)
        if number is None:
            return None
        sentences = self.view.sentences
        start = sentences[number - 1].start if number else sentences[number].start
        within = self.view.index.within(start, position)
        people = {e.id: e for m, e in within if e.type == "PER" and m.form in ACTOR_FORMS}
        return next(iter(people.values())) if len(people) == 1 else None
