"""Speakers across the corpus: for each person or body, their quotations over time, the figures
they supplied, the outlets that quote them, and their role.

A speaker is known by the key its articles give it (the knowledge base's, else type and name,
`per:lena hartwig`), so the same person quoted by five outlets is one speaker. The role is the
knowledge base's where it knows one (party and office of members of the Bundestag), else the title
the articles put before the name ("Polizeisprecher Martin Seifert").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pydantic import Field

from quellenlage.linking.model import ArticleDigest, CorpusLinks
from quellenlage.linking.stories import timestamp
from quellenlage.model import Record


class SpeakerQuote(Record):
    article: str
    outlet: str | None
    published: str | None
    text: str
    kind: str
    status: str
    trail: str | None = None


class SpeakerFigure(Record):
    article: str
    outlet: str | None
    published: str | None
    value: str
    qualifier: str
    unit: str | None
    status: str
    figure: str | None = None


class SpeakerProfile(Record):
    key: str
    name: str
    roles: list[str] = Field(default_factory=list, description="as the articles name them, most frequent first")
    party: str | None = Field(None, description="party, where the knowledge base knows it (members of the Bundestag)")
    bundestag_terms: list[int] = Field(default_factory=list, description="Wahlperioden as member of the Bundestag")
    offices: list[str] = Field(default_factory=list, description="functions in the last term (knowledge base)")
    quotes: list[SpeakerQuote] = Field(default_factory=list, description="timeline order")
    figures: list[SpeakerFigure] = Field(default_factory=list, description="timeline order")
    outlets: dict[str, int] = Field(default_factory=dict, description="outlet -> quotations and figures there")


def speaker_profiles(
    digests: Iterable[ArticleDigest], links: CorpusLinks, query: str | None = None
) -> list[SpeakerProfile]:
    """Every speaker whose name contains `query` (all when None), most quoted first."""
    trail_of = {(o.article, o.quote): t.id for t in links.trails for o in t.occurrences}
    figure_of = {(c.article, c.claim): f.id for f in links.figures for c in f.claims}
    profiles: dict[str, SpeakerProfile] = {}
    roles: dict[str, Counter[str]] = {}
    needle = query.casefold() if query else None
    for digest in digests:
        meta = digest.meta
        for quote in digest.quotes:
            if not quote.speaker_key or not quote.speaker or not _matches(needle, quote.speaker):
                continue
            profile = profiles.setdefault(quote.speaker_key, SpeakerProfile(key=quote.speaker_key, name=quote.speaker))
            profile.quotes.append(
                SpeakerQuote(
                    article=meta.id,
                    outlet=meta.outlet,
                    published=meta.published,
                    text=quote.text,
                    kind=quote.kind,
                    status=quote.status,
                    trail=trail_of.get((meta.id, quote.id)),
                )
            )
            if quote.role:
                roles.setdefault(quote.speaker_key, Counter())[quote.role] += 1
            _count(profile, meta.outlet)
        for claim in digest.claims:
            if not claim.source_key or not claim.source or not _matches(needle, claim.source):
                continue
            profile = profiles.setdefault(claim.source_key, SpeakerProfile(key=claim.source_key, name=claim.source))
            profile.figures.append(
                SpeakerFigure(
                    article=meta.id,
                    outlet=meta.outlet,
                    published=meta.published,
                    value=claim.value,
                    qualifier=claim.qualifier,
                    unit=claim.unit,
                    status=claim.status,
                    figure=figure_of.get((meta.id, claim.id)),
                )
            )
            _count(profile, meta.outlet)
    for key, profile in profiles.items():
        profile.roles = [role for role, _ in roles.get(key, Counter()).most_common()]
        _known_role(profile)
        profile.quotes.sort(key=lambda q: (timestamp(q.published) or 0.0, q.article))
        profile.figures.sort(key=lambda f: (timestamp(f.published) or 0.0, f.article))
    return sorted(profiles.values(), key=lambda p: (-len(p.quotes) - len(p.figures), p.name))


def _known_role(profile: SpeakerProfile) -> None:
    """Party, terms and offices of a member of the Bundestag, from the knowledge base."""
    from quellenlage.entities.knowledge_base import load_knowledge_base

    entry = load_knowledge_base().by_key(profile.key) if profile.key.startswith("person:") else None
    if entry is None:
        return
    profile.party = entry.extra.get("party")
    profile.bundestag_terms = list(entry.extra.get("bundestag_terms", []))
    profile.offices = list(entry.extra.get("offices", []))


def _matches(needle: str | None, name: str) -> bool:
    return needle is None or needle in name.casefold()


def _count(profile: SpeakerProfile, outlet: str | None) -> None:
    if outlet:
        profile.outlets[outlet] = profile.outlets.get(outlet, 0) + 1
