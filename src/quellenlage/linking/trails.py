"""Quote trails: one statement by one speaker as it travels through the corpus, verbatim,
shortened or altered.

Quotations are compared word by word on stems, so that an inflected misquote ("von einem
„unübersehbaren Zeichen“") still meets its original ("ein unübersehbares Zeichen"). A new
quotation is compared only with quotations that share one of its content words (an inverted
index); it joins the trail of the best match when most of the shorter text stands in the longer
one, in order. A named speaker must be the same person; a quotation whose speaker the article
does not name ("ein Polizeisprecher") may join a trail of the same story.

Variants are labelled against the trail's earliest full form (FORMAT §4.7): the same words are
`verbatim`, the same words with some left out are `shortened`, anything else is `altered`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from quellenlage.linking.model import DigestQuote
from quellenlage.linking.words import FUNCTION_WORDS, TOKEN, stem

MIN_SHARE = 0.6  # of the shorter quotation's words, found in the longer one in order
MIN_SHARED_WORDS = 2
FULL_FORM_SHARE = 0.8  # a form this long relative to the longest is a full form
POSTINGS_LIMIT = 500
PERSON_KEYS = ("person:", "per:")


@dataclass
class Entry:
    """A quotation of one article, ready to compare."""

    article: str
    quote: DigestQuote
    story: str | None
    time: float | None
    words: list[str] = field(default_factory=list)  # case-folded as written
    stems: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, article: str, quote: DigestQuote, story: str | None, time: float | None) -> Entry:
        words = [w.casefold() for w in TOKEN.findall(quote.text)]
        return cls(article, quote, story, time, words, [stem(w) for w in words])

    @property
    def content(self) -> set[str]:
        return {s for s, w in zip(self.stems, self.words, strict=True) if w not in FUNCTION_WORDS}


class TrailIndex:
    def __init__(self) -> None:
        self.trails: list[list[Entry]] = []
        self._trail_of: dict[int, int] = {}  # id(entry) -> trail
        self._postings: dict[str, list[Entry]] = {}

    def add(self, entry: Entry) -> int:
        """File the quotation under a trail; return the trail's index."""
        best: tuple[float, int] | None = None
        seen: set[int] = set()
        for word in sorted(entry.content):  # sorted: the same trails in every run
            for other in self._postings.get(word, [])[-POSTINGS_LIMIT:]:
                if id(other) in seen:
                    continue
                seen.add(id(other))
                share = overlap(entry, other)
                trail = self._trail_of[id(other)]
                if (
                    share is not None
                    and _same_speaker(entry, other)
                    and (best is None or (share, -trail) > (best[0], -best[1]))
                ):
                    best = (share, trail)
        if best is None:
            trail = len(self.trails)
            self.trails.append([])
        else:
            trail = best[1]
        self.trails[trail].append(entry)
        self._trail_of[id(entry)] = trail
        for word in entry.content:
            self._postings.setdefault(word, []).append(entry)
        return trail


def overlap(a: Entry, b: Entry) -> float | None:
    """The share of the shorter quotation's words found in order in the longer one, when it is
    enough to call them one statement."""
    short, long_ = (a, b) if len(a.stems) <= len(b.stems) else (b, a)
    if not short.stems:
        return None
    matcher = SequenceMatcher(None, short.stems, long_.stems, autojunk=False)
    matched = [m.a + k for m in matcher.get_matching_blocks() for k in range(m.size)]
    content = [i for i in matched if short.words[i] not in FUNCTION_WORDS]
    share = len(matched) / len(short.stems)
    if share >= MIN_SHARE and len(matched) >= MIN_SHARED_WORDS and content:
        return share
    return None


def _same_speaker(a: Entry, b: Entry) -> bool:
    """Whether two quotations may be one person's: the same speaker, or one named more fully
    ("Lena Hartwig von der Bühne"), or, within one story, a speaker the article leaves unnamed."""
    ka, kb = a.quote.speaker_key, b.quote.speaker_key
    if ka and kb and ka == kb:
        return True
    same_story = a.story is not None and a.story == b.story
    if is_person(ka) and is_person(kb):
        return _name_within(a.quote.speaker, b.quote.speaker) or (
            same_story and _surname_of(a.quote.speaker, b.quote.speaker)
        )
    return same_story


def is_person(key: str | None) -> bool:
    return key is not None and key.startswith(PERSON_KEYS)


def _name_within(a: str | None, b: str | None) -> bool:
    words_a, words_b = (a or "").split(), (b or "").split()
    short, long_ = sorted((words_a, words_b), key=len)
    return len(short) >= 2 and any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _surname_of(a: str | None, b: str | None) -> bool:
    """Whether one name is the other's surname alone ("Ahlborn", "Jens Ahlborn"): an article that
    names a person only by surname means the one its story names in full."""
    words_a, words_b = (a or "").split(), (b or "").split()
    short, long_ = sorted((words_a, words_b), key=len)
    return len(short) == 1 and len(long_) >= 2 and short[0] == long_[-1]


def variant(entry: Entry, reference: Entry) -> str:
    if entry.words == reference.words:
        return "verbatim"
    if _is_subsequence(entry.words, reference.words):
        return "shortened"
    return "altered"


def full_form(entries: list[Entry]) -> Entry:
    """The earliest of the longest forms."""
    longest = max(len(e.words) for e in entries)
    full = [e for e in entries if len(e.words) >= FULL_FORM_SHARE * longest]
    return min(full, key=lambda e: (e.time is None, e.time or 0.0, e.quote.start))


def _is_subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(word in it for word in short)
