"""How far the phrase that names a speaker reaches: the article, adjectives and titles before the
name ("der ukrainische Präsident Wolodymyr Selenskyj"), an apposition before or after it ("Der Leiter
des Programms, Klaus Stöhr"), where the speaker works ("Moritz Wohlrab von der „Aktion Deutschland
hilft“") and the party after it ("Matthias Berninger (Grüne)"). The speaker is found elsewhere;
this only draws the borders of how the text names it.
"""

from __future__ import annotations

import re

from quellenlage.attribution.article_view import ArticleView
from quellenlage.attribution.speaker_nouns import ARTICLES
from quellenlage.model import Span

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
# A prepositional attribute of a role before the name in apposition: "der Fraktionsvorsitzende der
# Grünen im Landtag, Mathias Wagner", "die Branchenkoordinatorin für Busse und Bahnen, Katharina Wagner".
ROLE_ATTRIBUTE = re.compile(r"\s+(?:im|in|für|beim|bei|zu|zur|zum|am|an)\s+(?:[\w-]+\s+){0,4}?[\w-]+(?=,)")


def phrase_start(view: ArticleView, limit: int, start: int) -> int:
    """Where the phrase of a name at `start` begins, not before `limit`: with its article,
    adjectives and titles, and with an apposition before it."""
    head = NOUN_PHRASE_HEAD.search(view.text, max(limit, start - 80), start)
    if head and head[0].split()[0] not in NOT_IN_PHRASE:
        start = head.start()  # "der ukrainische Präsident Wolodymyr Selenskyj"
    before = APPOSITION_BEFORE.search(view.text, max(limit, start - 100), start)
    if before:
        start = before.start()  # "Der Leiter des Programms, Klaus Stöhr"
    return start


def with_marks(view: ArticleView, mention: Span, limit: int) -> Span:
    """The phrase with the quotation marks around a name („BBC News“) and the party after
    it ("Matthias Berninger (Grüne)"), which belong to how the speaker is named."""
    text = view.text
    start, end = mention.start, mention.end
    if start > 0 and text[start - 1] == "„" and text.startswith("“", end):
        start, end = start - 1, end + 1
    party = PARTY_AFTER.match(text, end)
    if party and party.end() <= limit:
        end = party.end()
    return mention if (start, end) == (mention.start, mention.end) else view.span(start, end)


def phrase_end(view: ArticleView, end: int, limit: int) -> int:
    """A speaker's phrase goes on with where the speaker works and who the speaker is:
    "Moritz Wohlrab von der „Aktion Deutschland hilft“", "Günther Platter, der
    Verteidigungsminister Österreichs,", within `limit`."""
    text = view.text
    attribute = ROLE_ATTRIBUTE.match(text, end)
    if attribute and attribute.end() <= limit and _person_starts(view, attribute.end()):
        end = attribute.end()  # "die Branchenkoordinatorin für Busse und Bahnen, Katharina Wagner"
    affiliation = AFFILIATION_AFTER.match(text, end)
    if affiliation is None and not _ends_with_person(view, end):  # "Romney in Arbutus": where he spoke
        affiliation = SEAT_AFTER.match(text, end)
    if affiliation and affiliation.end() <= limit:
        end = affiliation.end()
    after = APPOSITION_AFTER.match(text, end) or NAME_AFTER.match(text, end)
    if after and after.end() <= limit and not RELATIVE_CLAUSE_END.search(after["role"]):
        end = after.end("role")
    return end


COMMA = re.compile(r",\s+")


def _person_starts(view: ArticleView, position: int) -> bool:
    """Whether ", <a person's name>" follows at `position`."""
    comma = COMMA.match(view.text, position)
    if comma is None:
        return False
    following = view.mentions(comma.end(), comma.end() + 60, compounds=False)
    return any(m.start == comma.end() and e.type == "PER" for m, e in following)


def _ends_with_person(view: ArticleView, end: int) -> bool:
    """Whether the name of a person ends at `end`: a person has no seat, a body has one."""
    return any(m.end == end and e.type == "PER" for m, e in view.mentions(max(0, end - 60), end, compounds=False))
