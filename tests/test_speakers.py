"""Speaker phrases: with a dependency parse, the subject phrase is the nsubj subtree."""

from __future__ import annotations

from quellenlage import analyze
from quellenlage.attribution.speakers import SpeakerResolver
from quellenlage.entities.index import EntityIndex

TEXT = "Ein Sprecher der Regierung in Berlin sagte am Montag, die Lage sei ruhig."
# a parse of TEXT (token index of the head, relation); "in Berlin" belongs to the subject
PARSE = [
    (1, "det"), (6, "nsubj"), (3, "det"), (1, "nmod"), (5, "case"), (1, "nmod"), (6, "ROOT"), (8, "case"),
    (6, "obl"), (6, "punct"), (11, "det"), (13, "nsubj"), (13, "cop"), (6, "ccomp"), (6, "punct"),
]  # fmt: skip


def resolver_and_frame_end(parsed: bool) -> tuple[SpeakerResolver, int]:
    analysis = analyze(TEXT, force=True)
    [sentence] = analysis.sentences
    assert len(sentence.tokens) == len(PARSE)
    if parsed:
        for token, (head, dep) in zip(sentence.tokens, PARSE, strict=True):
            token.head, token.dep = head, dep
    resolver = SpeakerResolver(analysis.text, EntityIndex(analysis.entities), analysis.sentences)
    return resolver, analysis.text.index(" sagte")


def test_parsed_subject_phrase_is_the_whole_subtree() -> None:
    resolver, end = resolver_and_frame_end(parsed=True)
    speaker, mention = resolver.subject_near(0, end)
    assert mention is not None and mention.text == "Ein Sprecher der Regierung in Berlin"
    assert speaker is not None and not isinstance(speaker, list) and speaker.id is None


def test_without_a_parse_the_description_ends_at_its_genitive() -> None:
    resolver, end = resolver_and_frame_end(parsed=False)
    _, mention = resolver.subject_near(0, end)
    assert mention is not None and mention.text == "Ein Sprecher der Regierung"
