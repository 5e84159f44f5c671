"""Linking across articles on hand-made digests: wire copies, stories, quote trails, figures and
their lineage, and the value text and qualifier of the corpus contract."""

from __future__ import annotations

import math

import pytest

from quellenlage.linking import Linker
from quellenlage.linking.concepts import kind_near, measure
from quellenlage.linking.digest import _nominative, _with_relative_clause
from quellenlage.linking.figures import MERGE_AT, Item, affinity, cluster, counted_noun, noun_match
from quellenlage.linking.lineage import changes, timeline
from quellenlage.linking.model import ArticleDigest, ArticleMeta, DigestClaim, DigestQuote
from quellenlage.linking.trails import Entry, overlap, variant
from quellenlage.linking.values import corpus_qualifier, interval, value_text
from quellenlage.linking.words import shingles
from quellenlage.model import Claim, Offsets, Span

WIRE_TEXT = (
    "Berlin (dpa) - Bei einer der größten Demonstrationen der vergangenen Jahre haben in Berlin nach "
    "Polizeiangaben rund 160.000 Menschen für Demokratie und gegen Rechtsextremismus demonstriert. Die "
    "Veranstalter sprachen am Abend von 350.000 Teilnehmern. Der Protestzug zog am Nachmittag vom "
    "Reichstagsgebäude über die Straße des 17. Juni bis zum Großen Stern."
)


def meta(article: str, published: str = "2025-03-15T12:00:00+01:00") -> ArticleMeta:
    return ArticleMeta(id=article, outlet=f"Outlet {article}", published=published)


def digest(article: str, published: str = "2025-03-15T12:00:00+01:00", **fields) -> ArticleDigest:
    return ArticleDigest(meta=meta(article, published), **fields)


def claim(value: str, number: float | None, qualifier: str = "exact", **fields) -> DigestClaim:
    defaults = {"id": f"c{value}", "start": 0, "end": len(value), "measure": "count", "evidence": value}
    return DigestClaim(value=value, number=number, qualifier=qualifier, **{**defaults, **fields})


# ---- value text and qualifier of the corpus contract ---------------------------------------------


def analysis_claim(text: str, qualifier: str, value: float | None = None) -> Claim:
    return Claim(
        id="c1",
        value=value,
        qualifier=qualifier,
        number=Span(start=10, end=10 + len(text), text=text),
        evidence=text,
        evidence_span=Offsets(start=0, end=len(text)),
    )


@pytest.mark.parametrize(
    ("written", "qualifier", "core"),
    [
        ("rund 1,2 Milliarden Euro", "approx", "1,2 Milliarden"),
        ("mindestens 1,5 Millionen Euro", "at_least", "1,5 Millionen"),
        ("3 bis 3,5 Milliarden Euro", "range", "3 bis 3,5 Milliarden"),
        ("9 Prozent", "exact", "9"),
        ("Mehr als 12.000", "more_than", "12.000"),
        ("Drei", "exact", "Drei"),
        ("Zehntausende", "vague", "Zehntausende"),
    ],
)
def test_value_text_is_the_numeric_core(written, qualifier, core):
    found, start = value_text("x" * 10 + written, analysis_claim(written, qualifier))
    assert found == core
    assert start == 10 + written.index(core)


@pytest.mark.parametrize(
    ("written", "ours", "theirs"),
    [
        ("rund 160.000", "approx", "about"),
        ("knapp 3.500", "approx", "less_than"),
        ("Fast 300", "approx", "less_than"),
        ("gut 100", "approx", "more_than"),
        ("bis zu 140", "at_most", "up_to"),
        ("mindestens vier", "at_least", "at_least"),
    ],
)
def test_qualifier_in_the_corpus_vocabulary(written, ours, theirs):
    assert corpus_qualifier(analysis_claim(written, ours)) == theirs


def test_intervals_of_qualified_values():
    assert interval(100_000, None, "more_than", None) == (100_000, math.inf)
    assert interval(30_000, None, "up_to", None) == (0.0, 30_000)
    assert interval(None, None, "vague", "tens of thousands") == (2e4, 99999.0)
    assert interval(3.5e9, 3e9, "range", None) == (3e9, 3.5e9)


# ---- wire copies and stories ---------------------------------------------------------------------


def test_wire_copies_are_grouped_and_independent_reports_are_not():
    edited = WIRE_TEXT.replace("am Abend", "am Samstagabend") + " Auch in Rostock gingen Menschen auf die Straße."
    other = "Die Polizei zählte am Mittag mehr als 100.000 Menschen, die Veranstalter sprachen von 250.000 in Berlin."
    linker = Linker()
    linker.add(digest("a", shingles=shingles(WIRE_TEXT), agency="dpa"))
    linker.add(digest("b", "2025-03-15T13:00:00+01:00", shingles=shingles(edited), agency="dpa"))
    linker.add(digest("c", shingles=shingles(other)))
    [group] = linker.wire_groups()
    assert group.articles == ["a", "b"]
    assert group.agency == "dpa"
    assert 0.33 <= group.similarity < 1


def test_stories_group_articles_on_one_event_within_the_time_window():
    flood = {"hochwasser": 3, "passau": 2, "@loc:niederbayern": 2, "pegel": 1, "stadler": 1}
    strike = {"warnstreik": 3, "verdi": 2, "@org:verdi": 2, "nahverkehr": 1, "düsseldorf": 1}
    linker = Linker()
    linker.add(digest("f1", "2025-05-24T08:00:00+02:00", terms=flood))
    linker.add(digest("s1", "2025-05-24T09:00:00+02:00", terms=strike))
    linker.add(digest("f2", "2025-05-26T08:00:00+02:00", terms={**flood, "versicherer": 2}))
    linker.add(digest("f3", "2025-07-30T08:00:00+02:00", terms=flood))  # weeks later: another event
    stories = {tuple(s.articles) for s in linker.stories()}
    assert stories == {("f1", "f2"), ("s1",), ("f3",)}


def test_a_story_goes_on_for_weeks():
    shortage = {"lehrermangel": 3, "@loc:sachsen": 2, "kultusministerium": 2, "lehrkräft": 2, "stell": 1}
    linker = Linker()
    linker.add(digest("a", "2025-08-04T06:30:00+02:00", terms=shortage))
    linker.add(digest("b", "2025-08-12T11:00:00+02:00", terms={**shortage, "seiteneinsteig": 1}))
    linker.add(digest("c", "2025-08-29T08:00:00+02:00", terms={**shortage, "sonderprogramm": 2}))
    assert [s.articles for s in linker.stories()] == [["a", "b", "c"]]


def test_undated_articles_join_their_story():
    flood = {"hochwasser": 3, "passau": 2, "@loc:niederbayern": 2, "pegel": 1, "stadler": 1}
    strike = {"warnstreik": 3, "verdi": 2, "@org:verdi": 2, "nahverkehr": 1, "düsseldorf": 1}
    linker = Linker()
    linker.add(digest("f1", "", terms=flood))
    linker.add(digest("s1", "", terms=strike))
    linker.add(digest("f2", "2025-05-26T08:00:00+02:00", terms={**flood, "versicherer": 2}))
    linker.add(digest("f3", "", terms={**flood, "pegelstand": 1}))
    assert {tuple(sorted(s.articles)) for s in linker.stories()} == {("f1", "f2", "f3"), ("s1",)}


def test_the_work_per_undated_article_does_not_grow_with_the_corpus(monkeypatch):
    """Undated articles pass every time window: without a cap of their own, the 600th undated
    article on a topic was compared with the 400 before it, the 200th with 199 (linking grew
    superlinearly)."""
    from quellenlage.linking import stories

    topic = {"haushalt": 3, "@org:bundestag": 2, "schuldenbremse": 2, "etat": 1}
    index = stories.StoryIndex()
    compared: list[int] = []
    candidates = stories.StoryIndex._candidates

    def counting(self, article):
        found = candidates(self, article)
        compared.append(len(found))
        return found

    monkeypatch.setattr(stories.StoryIndex, "_candidates", counting)
    for n in range(600):
        index.add(digest(f"a{n}", "", terms={**topic, f"wort{n}": 1}))
    assert 0 < compared[199] == compared[599] <= len(topic) * stories.UNDATED_POSTINGS


# ---- quote trails --------------------------------------------------------------------------------


def entry(text: str, speaker: str | None = "Lena Hartwig", key: str | None = "per:lena hartwig") -> Entry:
    quote = DigestQuote(id="q1", text=text, start=0, end=len(text), kind="direct", speaker=speaker, speaker_key=key)
    return Entry.of("a", quote, "s1", 0.0)


FULL = "Diese Stadt gehört nicht denen, die spalten wollen, sondern uns allen"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (FULL, "verbatim"),
        ("Diese Stadt gehört uns allen", "shortened"),
        ("Diese Stadt gehört nicht den Spaltern, sie gehört uns allen.", "altered"),
    ],
)
def test_quote_variants(text, label):
    assert overlap(entry(text), entry(FULL)) is not None
    assert variant(entry(text), entry(FULL)) == label


def test_inflected_fragment_meets_its_original():
    original = entry("Die Beschäftigten haben heute ein unübersehbares Zeichen gesetzt")
    assert overlap(entry("unübersehbaren Zeichen"), original) == 1.0
    assert variant(entry("unübersehbaren Zeichen"), original) == "altered"


def test_function_words_alone_make_no_trail():
    assert overlap(entry("und das ist so"), entry("Das ist so und nicht anders, sagte sie")) is None


def test_two_named_speakers_keep_their_trails_apart():
    linker = Linker()
    text = "Wir werden um jeden Arbeitsplatz kämpfen"
    quote_a = DigestQuote(
        id="q1", text=text, start=0, end=40, kind="direct", speaker="Uwe Grieser", speaker_key="per:uwe grieser"
    )
    quote_b = quote_a.model_copy(update={"speaker": "Sevgi Aydın", "speaker_key": "per:sevgi aydın"})
    linker.add(digest("a", terms={"rexford": 2}, quotes=[quote_a]))
    linker.add(digest("b", terms={"rexford": 2}, quotes=[quote_a]))
    linker.add(digest("c", terms={"rexford": 2}, quotes=[quote_b]))
    trails = sorted(len(t.occurrences) for t in linker.trails({}))
    assert trails == [1, 2]


def test_a_surname_alone_is_the_person_its_story_names_in_full():
    text = "Wir haben bis zuletzt um jeden Arbeitsplatz gekämpft"
    full = DigestQuote(
        id="q1",
        text=text,
        start=0,
        end=len(text),
        kind="direct",
        speaker="Jens Ahlborn",
        speaker_key="per:jens ahlborn",
    )
    surname = full.model_copy(update={"speaker": "Ahlborn", "speaker_key": "per:ahlborn"})
    airline = {"@org:weser airways": 3, "insolvenz": 2, "passagier": 2}
    same_story, other_story = Linker(), Linker()
    for linker, later in ((same_story, "2025-03-17T12:00:00+01:00"), (other_story, "2026-09-01T12:00:00+02:00")):
        linker.add(digest("a", terms=airline, quotes=[full]))
        terms = airline if linker is same_story else {"bundesliga": 3, "trainer": 2}
        linker.add(digest("b", later, terms=terms, quotes=[surname]))
    assert [len(t.occurrences) for t in same_story.trails({})] == [2]
    assert [len(t.occurrences) for t in other_story.trails({})] == [1, 1]


# ---- figures and lineage -------------------------------------------------------------------------


def item(article: str, hours: float, c: DigestClaim) -> Item:
    return Item(article, hours * 3600, c)


def _average_linkage(items: list[Item]) -> list[list[Item]]:
    """The clustering's definition, all pairs of groups at every step (cubic, for reference)."""
    groups = [[i] for i in items]
    while True:
        best = None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                pairs = [affinity(x, y) for x in groups[a] for y in groups[b]]
                mean = sum(pairs) / len(pairs)
                if mean >= MERGE_AT and (best is None or mean > best[0]):
                    best = (mean, a, b)
        if best is None:
            return groups
        groups[best[1]].extend(groups.pop(best[2]))


@pytest.mark.parametrize("seed", range(12))
def test_clustering_merges_as_average_linkage_defines_it(seed):
    """The clustering keeps its means up to date instead of recomputing every pair of groups per
    merge; the groups and their order must be those of the definition, ties included."""
    import random

    rng = random.Random(seed)
    units = ["Menschen", "Teilnehmer", "Tote", None]
    claims = [
        claim(
            f"v{n}",
            rng.choice([100, 120, 300, 1000, 5000]),
            rng.choice(["exact", "about", "more_than"]),
            id=f"c{n}",
            kind=rng.choice(["participants", "deaths", None]),
            unit=rng.choice(units),
            terms=rng.sample(["demo", "polizei", "stadt", "zug", "marsch"], 2),
            source_key=rng.choice(["src:polizei", "src:veranstalter", None]),
        )
        for n in range(rng.randint(5, 30))
    ]
    items = [item(f"a{n % 4}", n, c) for n, c in enumerate(claims)]
    expected = [[i.claim.id for i in g] for g in _average_linkage(items)]
    assert [[i.claim.id for i in g] for g in cluster(items)] == expected


def test_different_kinds_scopes_places_and_sizes_are_never_one_figure():
    deaths = claim("vier", 4, kind="deaths", unit="Tote")
    missing = claim("fünf", 5, kind="missing", unit="Menschen")
    insured = claim("1,2 Milliarden", 1.2e9, "about", measure="money", kind="damage", scope=["insured"])
    total = claim("4 Milliarden", 4e9, "up_to", measure="money", kind="damage", scope=["total"])
    berlin = claim("300", 300, "about", kind="participants", places=["place:berlin"])
    rostock = claim("Hunderte", None, "vague", magnitude="hundreds", kind="participants", places=["place:rostock"])
    crowd = claim("160.000", 160_000, "about", kind="participants")
    assert affinity(item("a", 0, deaths), item("b", 0, missing)) == -math.inf
    assert affinity(item("a", 0, insured), item("b", 0, total)) == -math.inf
    assert affinity(item("a", 0, berlin), item("b", 0, rostock)) == -math.inf
    assert affinity(item("a", 0, berlin), item("b", 0, crowd)) == -math.inf


def test_divergent_values_of_one_crowd_are_one_figure():
    police = claim("160.000", 160_000, "about", kind="participants", unit="Menschen", source_key="src:polizei")
    organisers = claim("350.000", 350_000, kind="participants", unit="Teilnehmern", source_key="src:veranstalter")
    vague = claim("Zehntausende", None, "vague", magnitude="tens of thousands", kind="participants")
    groups = cluster([item("a", 0, police), item("a", 0, organisers), item("b", 1, vague)])
    assert len(groups) == 1


def test_lineage_tells_updates_from_divergences():
    toll = [
        item("a", 0, claim("vier", 4, "at_least", kind="deaths", source_key="src:polizei")),
        item("b", 30, claim("sechs", 6, kind="deaths", source_key="src:polizei")),
        item("b", 30, claim("acht", 8, kind="deaths", source_key="src:medien")),
        item("c", 100, claim("neun", 9, kind="deaths", source_key="src:ministerium")),
    ]
    assert changes(timeline(toll)) == ["first", "update", "divergence", "update"]
    # six, a day later, is the count going on; eight from another source the same hour cannot
    # hold beside six; nine, days later, goes on again.


def test_a_number_reported_again_is_a_repeat_whatever_its_qualifier():
    first = item("a", 0, claim("160.000", 160_000, kind="participants", source_key="src:polizei"))
    again = item("a", 0, claim("160.000", 160_000, "about", kind="participants", source_key="src:polizei"))
    assert changes(timeline([first, again])) == ["first", "repeat"]


def test_the_same_text_a_year_later_is_no_wire_copy():
    linker = Linker()
    linker.add(digest("a", "2024-03-15T12:00:00+01:00", shingles=shingles(WIRE_TEXT)))
    linker.add(digest("b", "2025-03-15T12:00:00+01:00", shingles=shingles(WIRE_TEXT)))
    assert linker.wire_groups() == []


def test_a_member_of_the_bundestag_has_party_and_terms_from_the_knowledge_base():
    from quellenlage.linking.speakers import speaker_profiles

    quote = DigestQuote(
        id="q1",
        text="Wir schaffen das",
        start=0,
        end=16,
        kind="direct",
        speaker="Olaf Scholz",
        speaker_key="person:Q61053",
    )
    linker = Linker()
    linker.add(digest("a", quotes=[quote]))
    [profile] = speaker_profiles(linker.digests.values(), linker.links(), "Scholz")
    assert profile.party == "SPD"
    assert profile.bundestag_terms[:2] == [14, 15]
    assert len(profile.quotes) == 1


def test_two_events_of_one_kind_are_two_stories_without_a_shared_name():
    landing = {"notlandung": 2, "flughafen": 1, "flugzeug": 1}
    rome = {"@place:rom": 2, "triebwerk": 2, "alitalia": 1, "fiumicino": 2, "vogelschlag": 1, "startbahn": 1}
    hamburg = {"@place:hamburg": 2, "fahrwerk": 2, "condor": 1, "fuhlsbüttel": 2, "hydraulik": 1, "feuerwehr": 1}
    linker = Linker()
    linker.add(digest("rom", terms={**landing, **rome}))
    linker.add(digest("hamburg", terms={**landing, **hamburg}))
    linker.add(digest("rom2", terms={**landing, **rome, "ermittlung": 1}))
    assert {tuple(s.articles) for s in linker.stories()} == {("rom", "rom2"), ("hamburg",)}


@pytest.mark.parametrize(
    ("unit", "kind"),
    [("Liter", "volume"), ("Litern", "volume"), ("Metern", "length"), ("Prozent", "percent"), ("Anwohnern", "count")],
)
def test_units_say_their_measure_in_any_case(unit, kind):
    assert measure(unit) == kind


def test_counted_nouns_meet_across_gender_compounds_and_general_words():
    assert counted_noun("Anwohnerinnen") == counted_noun("Anwohner")
    assert noun_match(counted_noun("Lehrerstellen"), counted_noun("Stellen")) == 1.0
    assert noun_match(counted_noun("Menschen"), counted_noun("Passagiere")) == 0.5
    assert noun_match(counted_noun("Maschinen"), counted_noun("Passagiere")) == 0.0
    assert noun_match(counted_noun("Lehrkräfte"), counted_noun("Einsatzkräfte")) == 0.0


@pytest.mark.parametrize(
    ("genitive", "nominative"),
    [
        ("Polizeipräsidiums", "Polizeipräsidium"),
        ("Landkreises", "Landkreis"),
        ("Verbandes", "Verband"),
        ("Bündnisses", "Bündnis"),
        ("Komitees", "Komitee"),
        ("Flughafens", "Flughafen"),
    ],
)
def test_a_source_named_in_the_genitive_is_named_in_the_nominative(genitive, nominative):
    assert _nominative(genitive) == nominative


def test_a_relative_clause_says_what_happened_to_the_counted():
    text = "Alle 450 Menschen, die ihre Häuser verlassen mussten, konnten zurückkehren, teilte der Landkreis mit."
    clause_end = text.index(",")
    assert kind_near(text, 0, clause_end, 5, 8) is None
    assert kind_near(text, 0, _with_relative_clause(text, clause_end, len(text)), 5, 8) == "evacuated"


def test_the_word_naming_the_source_is_not_what_is_counted():
    text = "Nach Unternehmensangaben sitzen rund 4.500 Passagiere fest."
    number = text.index("4.500")
    assert kind_near(text, 0, len(text), number, number + 5) == "companies"
    assert kind_near(text, 0, len(text), number, number + 5, skip=(5, 24)) is None
