"""Run the German spaCy pipeline over the segments of an article.

Each segment is processed on its own, so no sentence crosses a layout boundary (a caption never
runs into the body). The project's trained pipeline ships in `quellenlage/models/de_quellenlage`;
without it, a blank German tokenizer with rule-based sentence splitting keeps the chain running
(and `analyze` reports a warning).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from sys import intern

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.tokens import Token as SpacyToken

from quellenlage.language.packaging import assembled
from quellenlage.language.tokenizer import RunGuard
from quellenlage.model import Segment, Sentence, Token

MODEL_NAME = "de_quellenlage"
# Segments go to spaCy in batches of about this many characters: a ticker of 50,000 one-line
# segments in batches of 16 spent a third of the model's time on per-batch overhead, while a
# bounded batch keeps the peak memory of a 5 MB page near that of a normal article.
BATCH_CHARS = 20_000
# The longest sentence later stages read: longer runs (lists, tables, text without full stops) are
# cut at clause boundaries, so that work per sentence stays bounded (see bounded_sentences).
MAX_SENTENCE_CHARS = 1500
CLAUSE_MARKS = frozenset({";", ":", ",", "–", "—", "|"})
# Every field of a Token is set: one set of their names serves all tokens (see _sentence).
TOKEN_FIELDS = set(Token.model_fields)
COMMON_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX", "DET", "PRON", "ADP", "CCONJ", "SCONJ"})


@dataclass(frozen=True)
class NameSpan:
    """A name the statistical model found, labelled as in GermEval 2014: PER, ORG, LOC, OTH, or
    one of them + "deriv" for a word derived from a name ("nordkoreanische": LOCderiv)."""

    start: int
    end: int
    label: str

    @property
    def derived(self) -> bool:
        return self.label.endswith("deriv")


def model_path() -> Path:
    """The shipped model, or the pipeline directory named by QUELLENLAGE_MODEL (to try a retrained one)."""
    override = os.environ.get("QUELLENLAGE_MODEL")
    return Path(override) if override else Path(str(resources.files("quellenlage") / "models" / MODEL_NAME))


OPENING_QUOTE_FIX = "quellenlage_opening_quote"
OPENING_QUOTES = frozenset({"„", "‚"})
# Marks that open or close depending on the style (»…« and «…», "…" and “…”): one opens where it
# stands apart from the word before and clings to the word after ('sagte er. "Es sind …').
AMBIGUOUS_QUOTES = frozenset({'"', "»", "«", "“", "”"})


@Language.component(OPENING_QUOTE_FIX)
def opening_quote_starts_sentence(doc: Doc) -> Doc:
    """The rule sentencizer keeps punctuation after a full stop in the ending sentence, which is
    right for closing quotation marks but wrong for an opening one: in "sagte er. „Es sind …"
    and 'sagte er. "Es sind …' the mark begins the next sentence."""
    for token in doc[1:-1]:
        if _opens_quotation(token) and doc[token.i + 1].is_sent_start and not token.is_sent_start:
            token.is_sent_start = True
            doc[token.i + 1].is_sent_start = False
    return doc


def _opens_quotation(token: SpacyToken) -> bool:
    if token.text in OPENING_QUOTES:
        return True
    previous = token.doc[token.i - 1]
    return token.text in AMBIGUOUS_QUOTES and bool(previous.whitespace_) and not token.whitespace_


NUMBER_END_FIX = "quellenlage_number_ends_sentence"
ORDINAL_DIGITS = re.compile(r"^\d[\d.,:]*\.$")
# A number with thousands groups is a count, not an ordinal: "bisher nur 5.000. Mexikos Innenminister …".
THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+\.$")
# A type name with a number, or a unit after a number, that swallowed the full stop: "vom Typ
# MI-17. Der Hubschrauber …", "wiegt 165g. Das Gerät …"; neither is an ordinal.
NAMED_NUMBER = re.compile(r"^[^\W\d_][\w-]*\d\.$")
UNITS = frozenset({"g.", "kg.", "t.", "mm.", "cm.", "m.", "km.", "l.", "ml."})
QUOTE_OPENERS = frozenset({'"', "„", "»"})
# Words that open a clause, never a noun phrase after an ordinal ("am 3. Mai", "der 1. FC").
CLAUSE_OPENING_POS = frozenset({"DET", "PRON", "ADV", "ADP", "CCONJ", "SCONJ", "AUX", "VERB"})


@Language.component(NUMBER_END_FIX)
def number_ends_sentence(doc: Doc) -> Doc:
    """German tokenizers read "300." as an ordinal (and keep the stop in "MI-17." and "g."), so
    "Es kamen 300. Danach …" stays one sentence. An ordinal is followed by its noun ("3. Mai",
    "1. FC Köln", "20. Jahrhundert"); a capitalised article, pronoun, adverb, preposition or verb
    after the number opens a new sentence, and so does any capitalised word after a count with
    thousands groups ("5.000. Mexikos …"), and a quotation mark ("Halle 4. „Vielfalt …").
    Needs the part-of-speech tags, so it runs last."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        quoted = following.text in QUOTE_OPENERS and token.i + 2 < len(doc)  # "… in Halle 4. "Vielfalt ist …"
        word = doc[token.i + 2] if quoted else following
        if (
            _number_with_stop(token)
            and word.text[:1].isupper()
            and (quoted or word.pos_ in CLAUSE_OPENING_POS or THOUSANDS.match(token.text))
            and not following.is_sent_start
        ):
            following.is_sent_start = True
            if quoted:  # the quotation mark opens the sentence, not the word after it
                word.is_sent_start = False
    return doc


def _number_with_stop(token: SpacyToken) -> bool:
    """A token that ends in a full stop after a number: "300.", "MI-17.", "165g." (as "g.")."""
    if ORDINAL_DIGITS.match(token.text) or NAMED_NUMBER.match(token.text):
        return True
    return token.text in UNITS and token.i > 0 and token.doc[token.i - 1].like_num


@cache
def load_pipeline(*, trained_sentences: bool = False) -> Language:
    """The shipped model when present, else the blank fallback. Loaded once per process.

    News sentences end at punctuation far more reliably than a sentence model trained on 2,000
    UD sentences can tell, and scraped text is full of debris that statistical splitters stumble
    over; so `analyze` splits with spaCy's rule-based sentencizer and keeps the trained `senter`
    for evaluation (`trained_sentences=True`).
    """
    path = model_path()
    if not (path / "config.cfg").is_file():
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(OPENING_QUOTE_FIX, after="sentencizer")
        nlp.tokenizer = RunGuard(nlp.tokenizer)
        return nlp
    path = assembled(path)
    if trained_sentences:
        return spacy.load(path)
    nlp = spacy.load(path, exclude=["senter"])
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe(OPENING_QUOTE_FIX, after="sentencizer")
    nlp.add_pipe(NUMBER_END_FIX, last=True)
    nlp.tokenizer = RunGuard(nlp.tokenizer)  # no time in the square of a run of punctuation
    return nlp


def has_trained_model() -> bool:
    return "ner" in load_pipeline().pipe_names


# Compound nouns that describe an organisation before its name ("Bahnunternehmen Güterbahn Mitte",
# "Bildungsgewerkschaft GEW", "Nachrichtensender CNN").
ORGANISATION_DESCRIPTION = re.compile(
    r"\w+(?:unternehmen|konzern|anbieter|hersteller|händler|gewerkschaft|sender|dienstleister)", re.IGNORECASE
)


def _without_leading_description(ent: Span) -> Span:
    """A model name without the common noun before it: the role of a person ("Ex-Geschäftsführer
    Ahlborn" is Ahlborn) or a compound describing an organisation ("Bahnunternehmen Güterbahn
    Mitte"); the rest must start with a capitalised word."""
    k = 0
    if ent.label_ == "PER":
        while k < len(ent) - 1 and ent[k].pos_ == "NOUN" and ent[k + 1].pos_ == "PROPN":
            k += 1
    elif ent.label_ == "ORG" and len(ent) > 1 and ORGANISATION_DESCRIPTION.fullmatch(ent[0].text):
        k = 1
    if k == 0 or not ent[k].text[:1].isupper():
        return ent
    return Span(ent.doc, ent.start + k, ent.end, label=ent.label_)


def _plausible_name(ent: Span) -> bool:
    """The small NER model also tags capitalised common nouns ("Video") and noun phrases
    ("Reaktion der Verbündeten"). A name starts with a capital; a one-word name is no word the
    tagger calls a common noun, verb or adjective; a longer one has a proper noun, or is
    capitalised throughout and does not end in a common noun ("Knappes Rennen"). A word derived
    from a name ("nordkoreanische", "Berliner") is one alphabetic word; a word with a name as
    its part ("Nato-Erklärung") names nothing by itself (the knowledge base reads compounds)."""
    if ent.label_.endswith("part"):
        return False
    if ent.label_.endswith("deriv"):
        return len(ent) == 1 and ent[0].is_alpha
    if not ent.text[:1].isupper():
        return False
    if len(ent) == 1:  # an acronym ("RMV") is a name whatever the tagger calls it
        return ent[0].pos_ not in COMMON_POS or (len(ent.text) > 1 and ent.text.isalpha() and ent.text.isupper())
    capitalised = all(t.text[:1].isupper() or not t.is_alpha for t in ent)
    return any(t.pos_ == "PROPN" for t in ent) or (capitalised and ent[-1].pos_ != "NOUN")


def bounded_sentences(words: list[SpacyToken], segment_text: str) -> list[list[SpacyToken]]:
    """The words of one sentence, cut into sentences of at most MAX_SENTENCE_CHARS.

    News sentences stay far below the limit; a "sentence" beyond it is a list, a table, a ticker
    or text without full stops, and every later stage reads sentence by sentence. It is cut at
    its last line break, semicolon, colon, dash or comma that leaves at least half the limit,
    else at its last word that fits."""
    if not words or words[-1].idx + len(words[-1].text) - words[0].idx <= MAX_SENTENCE_CHARS:
        return [words] if words else []
    pieces = []
    first = 0
    # a single word beyond the limit (a segment cut out of a 13,600-character word) stays whole
    while first < len(words) - 1 and words[-1].idx + len(words[-1].text) - words[first].idx > MAX_SENTENCE_CHARS:
        limit = words[first].idx + MAX_SENTENCE_CHARS
        clause = fits = first + 1
        for i in range(first + 1, len(words)):
            previous = words[i - 1]
            if previous.idx + len(previous.text) > limit:
                break
            fits = i
            gap = segment_text[previous.idx + len(previous.text) : words[i].idx]
            if previous.text in CLAUSE_MARKS or "\n" in gap:
                clause = i
        cut = clause if words[clause].idx - words[first].idx >= MAX_SENTENCE_CHARS // 2 else fits
        pieces.append(words[first:cut])
        first = cut
    pieces.append(words[first:])
    return pieces


# One token as the model read it: start in the segment, text, lemma, POS, morphology, head, relation.
TokenFields = tuple[int, str, str, str, str, int | None, str]


@dataclass(frozen=True)
class _Read:
    """What the model read in one segment, with offsets into the segment: its sentences as lists
    of token fields (start, text, lemma, pos, morph, head, dep) and its names."""

    sentences: list[list[TokenFields]]
    names: list[tuple[int, int, str]]


def _read(doc: Doc, segment_text: str) -> _Read:
    sentences: list[list[TokenFields]] = []
    parsed = doc.has_annotation("DEP")
    for sent in doc.sents:
        for words in bounded_sentences([t for t in sent if not t.is_space], segment_text):
            position = {t.i: n for n, t in enumerate(words)}
            sentences.append(
                [
                    (
                        t.idx,
                        t.text,
                        intern(t.lemma_ or t.text),  # tag strings are interned, so each exists once
                        intern(t.pos_),
                        intern(str(t.morph)),
                        position.get(t.head.i) if parsed else None,
                        intern(t.dep_) if parsed else "",
                    )
                    for t in words
                ]
            )
    names = [
        (ent.start_char, ent.end_char, ent.label_.replace("MISC", "OTH"))
        for ent in map(_without_leading_description, doc.ents)
        if _plausible_name(ent)
    ]
    return _Read(sentences, names)


def _sentence(text: str, base: int, segment: int, words: list[TokenFields]) -> Sentence:
    """One sentence with its tokens, offsets shifted from the segment into `text`."""
    tokens = [
        # Built without validation (spaCy's values have the declared types) and with one shared
        # set of field names: pydantic's per-instance set alone cost 728 bytes a token, half the
        # memory of a 5 MB article.
        Token.model_construct(
            TOKEN_FIELDS,
            start=base + idx,
            end=base + idx + len(word),
            text=word,
            lemma=lemma,
            pos=pos,
            morph=morph,
            head=head,
            dep=dep,
        )
        for idx, word, lemma, pos, morph, head, dep in words
    ]
    start, end = tokens[0].start, tokens[-1].end
    return Sentence(start=start, end=end, text=text[start:end], segment=segment, tokens=tokens)


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for segment_text in texts:
        batch.append(segment_text)
        size += len(segment_text)
        if size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def annotate(text: str, segments: list[Segment]) -> tuple[list[Sentence], list[NameSpan]]:
    """Sentences with tokens, and the model's names, with offsets into `text`.

    A segment whose text came before (a ticker's repeated time stamps and headers, an agency
    feed's boilerplate) is read by the model once: the model reads every segment on its own, so
    the same text gives the same sentences and names wherever it stands."""
    nlp = load_pipeline()
    texts = [segment.text for segment in segments]
    first: dict[str, int] = {}
    firsts = [i for i, segment_text in enumerate(texts) if first.setdefault(segment_text, i) == i]
    repeated = {segment_text for segment_text, count in Counter(texts).items() if count > 1}
    docs = (doc for batch in _batches(texts[i] for i in firsts) for doc in nlp.pipe(batch, batch_size=len(batch)))
    seen: dict[str, _Read] = {}
    sentences: list[Sentence] = []
    names: list[NameSpan] = []
    for index, segment_text in enumerate(texts):
        if first[segment_text] == index:
            read = _read(next(docs), segment_text)
            if segment_text in repeated:
                seen[segment_text] = read
        else:
            read = seen[segment_text]
        base = segments[index].start
        sentences.extend(_sentence(text, base, index, words) for words in read.sentences)
        names.extend(NameSpan(base + start, base + end, label) for start, end, label in read.names)
    return sentences, names
