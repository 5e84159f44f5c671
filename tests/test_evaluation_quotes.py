"""Tests for the Wikinews quotation scorer (quellenlage.evaluation: quotes, wikinews, quote_mapping, quote_scoring)."""

from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from quellenlage.errors import QuellenlageError
from quellenlage.evaluation.assignment import max_weight_assignment
from quellenlage.evaluation.quote_mapping import predict
from quellenlage.evaluation.quote_scoring import align_quotations, score
from quellenlage.evaluation.quotes import format_quotes_report
from quellenlage.evaluation.wikinews import PredictedQuotation, parse_wikinews, read_wikinews, write_predictions
from quellenlage.model import Analysis, Entity, Mention, Quote, SourceRef, Span

TEXT = "Merkel sagte: „Wir schaffen das.“ Der Minister erklärte, die Lage sei ernst. Es regnet."
TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens_of(text: str) -> list[dict[str, Any]]:
    return [
        {"id": i, "charBegin": m.start(), "charEnd": m.end(), "text": m.group(), "sentence": 1, "word": i + 1}
        for i, m in enumerate(TOKEN.finditer(text))
    ]


def role(ids: list[int]) -> dict[str, Any]:
    return {"spans": [], "text": "", "tokenIds": ids}


def annotation(
    quote: list[int],
    cue: list[int] = (),
    speaker: list[int] = (),
    frame: list[int] = (),
    kind: str = "Direct",
    medium: str = "Speech",
) -> dict[str, Any]:
    return {
        "addressee": role([]),
        "cue": role(list(cue)),
        "frame": role(list(frame)),
        "hasNested": False,
        "id": 0,
        "isNested": False,
        "medium": medium,
        "quote": role(list(quote)),
        "speaker": role(list(speaker)),
        "type": kind,
    }


def article_dict(annotations: list[dict[str, Any]], text: str = TEXT, name: str = "doc") -> dict[str, Any]:
    return {
        "annotations": annotations,
        "documentName": name,
        "originalText": text,
        "sentences": [],
        "tokens": tokens_of(text),
    }


# Token ids of TEXT:
# 0 Merkel 1 sagte 2 : 3 „ 4 Wir 5 schaffen 6 das 7 . 8 “ 9 Der 10 Minister 11 erklärte 12 , 13 die
# 14 Lage 15 sei 16 ernst 17 . 18 Es 19 regnet 20 .
DIRECT = annotation([3, 4, 5, 6, 7, 8], cue=[1], speaker=[0], frame=[0, 1, 2], kind="Direct")
INDIRECT = annotation([13, 14, 15, 16], cue=[11], speaker=[9, 10], frame=[9, 10, 11, 12], kind="Indirect")


def gold_article(*annotations: dict[str, Any]) -> Any:
    return parse_wikinews(article_dict(list(annotations)))


def pred(quote: list[int], cue: list[int] = (), speaker: list[int] = (), kind: str = "Direct") -> PredictedQuotation:
    return PredictedQuotation(type=kind, quote=tuple(quote), cue=tuple(cue), speaker=tuple(speaker))


def test_tokens_of_fixture_text() -> None:
    texts = [t["text"] for t in tokens_of(TEXT)]
    assert texts[3] == "„" and texts[8] == "“" and texts[11] == "erklärte" and texts[13] == "die"


def test_perfect_prediction_scores_one() -> None:
    article = gold_article(DIRECT, INDIRECT)
    result = score([article], [list(article.quotations)])
    for row in ("quote", "cue", "speaker", "frame", "roles", "joint"):
        assert result["micro"][row]["f1"] == pytest.approx(1.0), row
        assert result["macro"][row]["f1"] == pytest.approx(1.0), row
    assert result["type"]["accuracy"] == 1.0
    assert result["type"]["official"]["f1"] == 1.0
    assert result["per_type"]["Direct"]["detection_recall"] == 1.0


def test_half_overlap() -> None:
    # gold message 13..16, predicted 15..18: 2 shared, 2 predicted-only, 2 gold-only tokens
    article = gold_article(INDIRECT)
    result = score([article], [[pred([15, 16, 17, 18], cue=[11], speaker=[10], kind="Indirect")]])
    message = result["micro"]["quote"]
    assert (message["tp"], message["fp"], message["fn"]) == (2, 2, 2)
    assert message["precision"] == pytest.approx(0.5)
    assert message["recall"] == pytest.approx(0.5)
    assert message["f1"] == pytest.approx(0.5)
    assert result["micro"]["cue"]["f1"] == pytest.approx(1.0)
    speaker = result["micro"]["speaker"]  # 1 of 2 gold speaker tokens
    assert (speaker["precision"], speaker["recall"]) == (pytest.approx(1.0), pytest.approx(0.5))
    # frame: 4 gold tokens, none predicted
    roles = result["micro"]["roles"]  # cue 1/0/0 + speaker 1/0/1 + frame 0/0/4
    assert (roles["tp"], roles["fp"], roles["fn"]) == (2, 0, 5)
    joint = result["micro"]["joint"]
    assert (joint["tp"], joint["fp"], joint["fn"]) == (4, 2, 7)
    assert joint["f1"] == pytest.approx(2 * (4 / 6) * (4 / 11) / (4 / 6 + 4 / 11))


def test_unmatched_prediction_lowers_precision_only() -> None:
    article = gold_article(INDIRECT)
    exact = pred([13, 14, 15, 16], cue=[11], speaker=[9, 10], kind="Indirect")
    extra = pred([18, 19, 20], cue=[1], kind="Reported")
    result = score([article], [[extra, exact]])
    message = result["micro"]["quote"]
    assert (message["tp"], message["fp"], message["fn"]) == (4, 3, 0)
    assert message["precision"] == pytest.approx(4 / 7)
    assert message["recall"] == 1.0
    assert result["micro"]["cue"]["precision"] == pytest.approx(0.5)
    assert result["matched_quotations"] == 1
    assert result["type"]["accuracy"] == 1.0
    official = result["type"]["official"]  # the extra prediction's type is a false positive
    assert (official["tp"], official["fp"], official["fn"]) == (1, 1, 0)
    # macro: message precision averages 1.0 (pair) and 0.0 (unmatched prediction)
    assert result["macro"]["quote"]["precision"] == pytest.approx(0.5)
    assert result["macro"]["quote"]["recall"] == pytest.approx(1.0)


def test_missed_gold_counts_all_tokens_as_false_negatives() -> None:
    article = gold_article(DIRECT, INDIRECT)
    result = score([article], [[pred([3, 4, 5, 6, 7, 8], cue=[1], speaker=[0])]])
    message = result["micro"]["quote"]
    assert (message["tp"], message["fp"], message["fn"]) == (6, 0, 4)
    assert result["per_type"]["Indirect"]["detection_recall"] == 0.0
    assert result["per_type"]["Direct"]["token_recall"] == 1.0
    assert result["micro"]["frame"]["fn"] == 3 + 4


def test_assignment_is_one_to_one_and_prefers_larger_overlap() -> None:
    article = gold_article(annotation([0, 1, 2, 3]), annotation([4, 5, 6, 7]))
    both = pred([2, 3, 4, 5, 6, 7])  # overlaps both gold quotations, the second one more
    small = pred([0, 1])
    pairs = align_quotations(article.quotations, [both, small])
    assert sorted(p for p in pairs if None not in p) == [(0, 1), (1, 0)]
    result = score([article], [[both, small]])
    assert result["micro"]["quote"]["tp"] == 6  # 2 + 4: the shared tokens 2, 3 are not counted twice
    assert result["micro"]["quote"]["fp"] == 2


def test_type_tie_breaker_and_confusion() -> None:
    article = gold_article(annotation([13, 14, 15, 16], kind="Indirect"))
    result = score([article], [[pred([13, 14, 15, 16], kind="Reported")]])
    assert result["type"]["accuracy"] == 0.0
    assert result["type"]["confusion"] == {"Indirect": {"Reported": 1}}
    # with two equally overlapping predictions the one of the gold type wins the pair
    wrong, right = pred([13, 14], kind="Reported"), pred([15, 16], kind="Indirect")
    pairs = align_quotations(article.quotations, [wrong, right])
    assert (0, 1) in pairs


def test_predictions_keyed_by_name_and_missing_documents() -> None:
    article = gold_article(DIRECT)
    result = score([article], {"other": [pred([0])]})
    assert result["micro"]["quote"]["recall"] == 0.0
    assert result["predicted_quotations"] == 0


def test_hungarian_matches_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(0, 5), rng.randint(0, 5)
        matrix = [[rng.choice([0.0, 0.0, 0.5, 1.0, rng.random()]) for _ in range(m)] for _ in range(n)]
        pairs = max_weight_assignment(matrix)
        assert len(pairs) == min(n, m)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        best = 0.0
        if n <= m:
            for perm in itertools.permutations(range(m), n):
                best = max(best, sum(matrix[i][perm[i]] for i in range(n)))
        else:
            for perm in itertools.permutations(range(n), m):
                best = max(best, sum(matrix[perm[j]][j] for j in range(m)))
        assert sum(matrix[i][j] for i, j in pairs) == pytest.approx(best)


def test_broken_files_name_the_file(tmp_path: Path) -> None:
    bad_json = tmp_path / "kaputt.json"
    bad_json.write_text("{not json", encoding="utf-8")
    with pytest.raises(QuellenlageError, match="kaputt.json"):
        read_wikinews(bad_json)
    missing = tmp_path / "ohne-tokens.json"
    missing.write_text(json.dumps({"originalText": "x", "annotations": []}), encoding="utf-8")
    with pytest.raises(QuellenlageError, match="ohne-tokens.json.*tokens"):
        read_wikinews(missing)
    out_of_range = tmp_path / "range.json"
    out_of_range.write_text(json.dumps(article_dict([annotation([99])])), encoding="utf-8")
    with pytest.raises(QuellenlageError, match="range.json.*out of range"):
        read_wikinews(out_of_range)


def test_write_predictions_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "in" / "doc.json"
    source.parent.mkdir()
    source.write_text(json.dumps(article_dict([DIRECT, INDIRECT])), encoding="utf-8")
    article = read_wikinews(source)
    predicted = [pred([3, 4, 5, 6, 7, 8], cue=[1], speaker=[0]), pred([13, 14, 16], cue=[11], kind="Indirect")]
    written = write_predictions(article, predicted, tmp_path / "out")
    assert written.name == "doc.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["originalText"] == TEXT and data["tokens"] == article.raw["tokens"]
    second = data["annotations"][1]
    assert second["quote"]["tokenIds"] == [13, 14, 16]
    assert second["quote"]["spans"] == [
        {"begin": 13, "end": 15, "charBegin": article.tokens[13].start, "charEnd": article.tokens[14].end},
        {"begin": 16, "end": 17, "charBegin": article.tokens[16].start, "charEnd": article.tokens[16].end},
    ]
    assert second["quote"]["text"] == "die Lage ernst"
    assert second["medium"] == "none" and second["type"] == "Indirect"  # the dataset's word for no medium
    reread = read_wikinews(written)
    again = score([article], [reread.quotations])
    expected = score([article], [predicted])
    assert again["micro"] == expected["micro"]


# How the dataset's own scorer (eval/eval.py of uhh-lt/german-news-quotation-attribution-2024 @74e7bd6d)
# reads a prediction file and tallies a group's labels, re-implemented: a label outside these lists,
# None included when both sides have none, ends its run with a KeyError.
OFFICIAL_TYPES = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
OFFICIAL_MEDIA = ("Speech", "Thought", "Writing", "ST", "SW", "TW", "none")


def official_groups(path: Path) -> list[tuple[list[int], dict[str, list[int]], Any, Any]]:
    """eval.py's Document.parse_tags: message ids, role ids, type and medium of every annotation."""
    data = json.loads(path.read_text(encoding="utf-8"))
    groups = []
    for annotation in data["annotations"]:
        message = sorted(annotation["quote"]["tokenIds"])
        roles = {r: sorted(annotation.get(r, {}).get("tokenIds", [])) for r in ("addressee", "cue", "frame", "speaker")}
        groups.append((message, roles, annotation.get("type", None), annotation.get("medium", None)))
    return groups


def official_tally(predicted: Any, gold: Any, labels: tuple[str, ...]) -> None:
    """eval.py's evaluate_group for one label (type or medium)."""
    tp: dict[str, list[int]] = {label: [] for label in labels}
    fp: dict[str, list[int]] = {label: [] for label in labels}
    fn: dict[str, list[int]] = {label: [] for label in labels}
    if predicted == gold:
        tp[gold].append(1)
    else:
        if predicted is not None:
            fp[predicted].append(1)
        if gold is not None:
            fn[gold].append(1)


def test_the_dataset_scorer_reads_our_predictions(tmp_path: Path) -> None:
    text = (
        "„Wir werden das gemeinsam schaffen, davon bin ich fest überzeugt“, sagte Angela Merkel am Montag. "
        "Der Minister erklärte, die Lage sei ernst. Laut Polizei gab es drei Verletzte. "
        "In einer Mitteilung schrieb die Firma, man prüfe den Fall."
    )
    source = tmp_path / "in" / "doc.json"
    source.parent.mkdir()
    source.write_text(json.dumps(article_dict([], text=text)), encoding="utf-8")
    article = read_wikinews(source)
    predicted = predict(article)
    assert len(predicted) >= 3
    groups = official_groups(write_predictions(article, predicted, tmp_path / "out"))
    assert len(groups) == len(predicted)
    for message, roles, kind, medium in groups:
        assert message and set(roles) == {"addressee", "cue", "frame", "speaker"}
        assert kind in OFFICIAL_TYPES and medium in OFFICIAL_MEDIA
        official_tally(kind, None, OFFICIAL_TYPES)  # an unmatched prediction: gold side empty
        official_tally(medium, None, OFFICIAL_MEDIA)
        official_tally(medium, "Speech", OFFICIAL_MEDIA)


def _fake_analysis(text: str, quotes: list[Quote], entities: list[Entity] = ()) -> Analysis:
    return Analysis(text=text, quotes=quotes, entities=list(entities))


def _span(text: str, fragment: str, start: int = 0) -> Span:
    position = text.index(fragment, start)
    return Span(start=position, end=position + len(fragment), text=fragment)


def test_predict_maps_character_spans_to_token_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXT.replace("Es regnet.", "Laut Polizei regnet es.")
    article = parse_wikinews(article_dict([], text=text))
    quotes = [
        Quote(
            id="q1",
            kind="direct",
            content=_span(text, "Wir schaffen das."),
            cue=_span(text, "sagte"),
            speaker=SourceRef(id="e1", name="Merkel", mention=_span(text, "Merkel")),
        ),
        Quote(
            id="q2",
            kind="indirect",
            content=_span(text, "die Lage sei ernst"),
            cue=_span(text, "erklärte"),
            speaker=SourceRef(id=None, name="Minister", mention=_span(text, "Der Minister")),
        ),
        Quote(
            id="q3",
            kind="according_to",
            content=_span(text, "Laut Polizei regnet es"),
            cue=_span(text, "Laut"),
            frame=_span(text, "Laut Polizei"),
            speaker=SourceRef(id=None, name="Polizei", mention=_span(text, "Polizei")),
        ),
        Quote(
            id="q4",
            kind="indirect",
            content=_span(text, "Lage sei"),
            cue=None,
            speaker=SourceRef(id="e1", name="Merkel"),
            mood="Sub",
        ),
        Quote(
            id="q5",
            kind="indirect",
            content=_span(text, "regnet es"),
            cue=None,
            speaker=SourceRef(id="e1", name="Merkel"),
        ),
    ]
    merkel = Entity(
        id="e1", key="PER:Merkel", name="Merkel", type="PER", mentions=[Mention(start=0, end=6, text="Merkel")]
    )
    monkeypatch.setattr(
        "quellenlage.pipeline.analyze", lambda source, *a, **k: _fake_analysis(source, quotes, [merkel])
    )
    direct, indirect, according, free, hearsay = predict(article)
    assert direct.quote == (3, 4, 5, 6, 7, 8)  # the quotation marks are added, as in the data
    assert (direct.cue, direct.speaker, direct.type) == ((1,), (0,), "Direct")
    assert indirect.quote == (13, 14, 15, 16) and indirect.cue == (11,) and indirect.speaker == (9, 10)
    assert according.type == "Indirect"
    assert according.quote == (20, 21) and according.cue == (18,) and according.speaker == (19,)
    assert according.frame == (18, 19)
    assert free.type == "IndirectFreeIndirect" and free.speaker == (0,)  # speaker's last mention before
    assert hearsay.type == "FreeIndirect"  # a continuation without subjunctive ("Der Club soll …")
    assert hearsay.quote == (20, 21, 22)  # a free indirect sentence keeps its full stop, as in the data
    assert indirect.quote == (13, 14, 15, 16)  # an indirect one does not


def test_predict_maps_offsets_of_normalised_text(monkeypatch: pytest.MonkeyPatch) -> None:
    original = "\ufeffVorspann\r\n\r\nMerkel sagte, es sei gut."
    article = parse_wikinews(article_dict([], text=original))
    analysed = original.lstrip("\ufeff").replace("\r\n", "\n")
    quote = Quote(id="q1", kind="indirect", content=_span(analysed, "es sei gut"), cue=_span(analysed, "sagte"))
    monkeypatch.setattr("quellenlage.pipeline.analyze", lambda source, *a, **k: _fake_analysis(analysed, [quote]))
    (predicted,) = predict(article)
    assert [article.tokens[i].text for i in predicted.quote] == ["es", "sei", "gut"]
    assert [article.tokens[i].text for i in predicted.cue] == ["sagte"]


def test_predict_with_the_real_pipeline() -> None:
    text = "„Wir werden das gemeinsam schaffen, davon bin ich fest überzeugt“, sagte Angela Merkel am Montag."
    article = parse_wikinews(article_dict([], text=text))
    predicted = predict(article)
    assert predicted, "the pipeline found no quotation"
    first = predicted[0]
    words = [article.tokens[i].text for i in first.quote]
    assert words[0] == "„" and words[-1] == "“" and "überzeugt" in words
    assert "sagte" in [article.tokens[i].text for i in first.cue]
    assert [article.tokens[i].text for i in first.speaker] == ["Angela", "Merkel"]
    assert first.type == "Direct"


def test_report_lists_all_rows() -> None:
    article = gold_article(DIRECT, INDIRECT)
    report = format_quotes_report(score([article], [[pred([3, 4, 5])]]))
    for label in ("message", "cue", "speaker", "addressee", "frame", "joint", "type accuracy", "Indirect"):
        assert label in report


def test_predict_removes_a_frame_inside_the_message() -> None:
    text = "Der Präsident sei, so Gamkrelidse, schuld daran, dass Georgien die Kontrolle verloren habe."
    article = parse_wikinews(article_dict([], text=text))
    [first] = predict(article)
    assert [article.tokens[i].text for i in first.frame] == [",", "so", "Gamkrelidse", ","]
    assert "Gamkrelidse" not in [article.tokens[i].text for i in first.quote]


def test_predict_keeps_the_full_stop_before_a_closing_quotation_mark() -> None:
    text = "Der Minister sagte am Montag: „Wir werden die Ukraine weiter unterstützen.“ Dann ging er."
    article = parse_wikinews(article_dict([], text=text))
    [first] = predict(article)
    assert [article.tokens[i].text for i in first.quote][-3:] == ["unterstützen", ".", "“"]


def test_predict_keeps_the_verb_of_a_speech_act_in_its_message() -> None:
    text = "Seit Tagen warnt die Ukraine vor einem baldigen Einsatz von nordkoreanischen Soldaten."
    article = parse_wikinews(article_dict([], text=text))
    [first] = predict(article)
    assert first.type == "Reported" and not first.frame and not first.cue
    assert "warnt" in [article.tokens[i].text for i in first.quote]


def test_predict_gives_verbatim_words_of_a_continuation_the_frame_that_introduced_the_speaker() -> None:
    # the data annotate „…“ inside a frameless continuation with the frame of the speaker's last quote
    text = (
        "Die Hausverwaltung versicherte, dass die Gedenktafel noch existiere. "
        "Eine „offene architektonische Frage“ sei der Grund für die Verzögerung."
    )
    article = parse_wikinews(article_dict([], text=text))
    predicted = predict(article)
    [nested] = [p for p in predicted if p.kind == "verbatim"]
    words = [article.tokens[i].text for i in nested.frame]
    assert words[:3] == ["Die", "Hausverwaltung", "versicherte"]
    assert [article.tokens[i].text for i in nested.cue] == ["versicherte"]


def test_predict_counts_the_pointer_back_as_part_of_the_message() -> None:
    text = "Der Minister tritt zurück. Dies bestätigte der Parteivorsitzende am Abend in Berlin."
    article = parse_wikinews(article_dict([], text=text))
    [first] = predict(article)
    assert [article.tokens[i].text for i in first.quote][-1] == "Dies"
    assert [article.tokens[i].text for i in first.frame][:2] == ["bestätigte", "der"]
