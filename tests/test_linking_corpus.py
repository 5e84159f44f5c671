"""Linking analysed articles: one story of the own corpus (tests/fixtures/corpus, invented), from
the analysis through digests to links, views and the corpus-json export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quellenlage import analyze
from quellenlage.cli import streams
from quellenlage.cli.linking_view import print_figures, print_trails, time_chart
from quellenlage.linking import ArticleMeta, digest_article, link_articles
from quellenlage.linking.corpus_json import corpus_json
from quellenlage.linking.select import figures_matching, trail_by
from quellenlage.linking.speakers import speaker_profiles

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "articles.jsonl"
STORY = ["own-07", "own-14", "own-05", "own-13", "own-01"]  # job cuts at an invented car supplier


@pytest.fixture(scope="module")
def linked():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    digests = [
        digest_article(
            ArticleMeta(id=r["id"], outlet=r["outlet"], url=r["url"], published=r["published"], title=r["title"]),
            analyze(r["text"], r["published"][:10]),
        )
        for r in rows
        if r["id"] in STORY
    ]
    return digests, link_articles(digests)


def test_the_agency_text_is_one_wire_group(linked):
    _, links = linked
    [group] = links.wire_groups
    assert group.articles == ["own-07", "own-14", "own-05"]
    assert group.agency == "dpa"
    assert [s.articles for s in links.stories] == [STORY]


def test_the_chief_executive_quote_travels_and_is_altered_once(linked):
    _, links = linked
    [trail] = trail_by(links, "Kosten")
    assert [o.variant for o in trail.occurrences] == ["verbatim", "verbatim", "verbatim", "altered"]
    assert trail.origin == "dpa"
    assert trail.independent == 2  # the wire group counts once, the later report once


def test_job_cuts_are_one_figure_with_both_sides(linked):
    _, links = linked
    figure = figures_matching(links, ["Stellen"])[0]
    values = {(c.value, c.source) for c in figure.claims}
    assert {v for v, _ in values} == {"1.800", "2.300", "1.500"}  # not the 700 of one site, nor the 9.500 employed
    company = [s for v, s in values if v in ("1.800", "1.500")]
    assert company and all(s and ("Rexford" in s or "Unternehmen" in s) for s in company)
    # the union's 2.300 ("Nach ihren Berechnungen") keeps the words as source: the possessive is
    # not resolved to the union named in the sentence before
    assert {c.change for c in figure.claims} >= {"first", "repeat", "update"}


def test_speaker_profile_across_outlets(linked):
    digests, links = linked
    [profile] = [p for p in speaker_profiles(digests, links, "Albers") if p.quotes]
    assert len(profile.quotes) >= 3
    assert len(profile.outlets) >= 3
    assert all(q.trail for q in profile.quotes if q.kind == "direct")


def test_corpus_json_has_the_contract_fields(linked):
    _, links = linked
    out = corpus_json(links)
    assert set(out) == {"figures", "quotes", "wire_copies", "stories"}
    claim = out["figures"][0]["claims"][0]
    assert {"article", "value", "start", "qualifier", "source", "hedged"} <= set(claim)
    assert all({"article", "text"} <= set(o) for q in out["quotes"] for o in q["occurrences"])


def test_views_show_article_markup_as_text(linked):
    _, links = linked
    figure = figures_matching(links, ["Stellen"])[0].model_copy(deep=True)
    figure.claims[0].evidence = "[bold red]Eingeschleust[/bold red] :flag_de:"
    out = io.StringIO()
    console = streams.console(out)
    console.width = 200
    print_figures([figure], console)
    print_trails(links.trails[:1], console)
    assert "[bold red]Eingeschleust[/bold red] :flag_de:" in out.getvalue()


def test_time_chart_spans_the_values(linked):
    _, links = linked
    figure = figures_matching(links, ["Stellen"])[0]
    lines = time_chart(figure)
    assert len(lines) >= 8
    assert "2.300" in lines[0] and "1.500" in "\n".join(lines)


# ---- the same story in the corpus store, through the commands ------------------------------------


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    from quellenlage.cli import main

    folder = tmp_path_factory.mktemp("store")
    subset = folder / "story.jsonl"
    rows = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in STORY]
    subset.write_text("\n".join(rows) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'c.db'}"
    assert main(["ingest", "--db", url, "--quiet", str(subset)]) == 0
    return url


def test_export_and_commands_read_the_store(stored, capsys, tmp_path, monkeypatch):
    from quellenlage.cli import main

    monkeypatch.setenv("COLUMNS", "200")
    out = tmp_path / "links.json"
    assert main(["export", "--db", stored, "--format", "corpus-json", "--out", str(out)]) == 0
    links = json.loads(out.read_text(encoding="utf-8"))
    assert links["wire_copies"] == [["own-07", "own-14", "own-05"]]
    capsys.readouterr()
    assert main(["stories", "--db", stored, "--format", "json"]) == 0
    assert [s["articles"] for s in json.loads(capsys.readouterr().out)] == [STORY]
    assert main(["speaker", "--db", stored, "Grieser"]) == 0
    assert "Wir werden um jeden Arbeitsplatz" in capsys.readouterr().out
    assert main(["trail", "--db", stored, "kein solches Zitat"]) == 1
    assert "no quotation trail" in capsys.readouterr().err


def test_digests_are_made_once_per_revision(stored):
    from sqlalchemy import func, select

    from quellenlage.corpus import Corpus
    from quellenlage.corpus.database import read_connection
    from quellenlage.corpus.digests import link_digests
    from quellenlage.linking.store import corpus_digests

    with Corpus(stored) as corpus:
        first = corpus_digests(corpus)
        again = corpus_digests(corpus)
        with read_connection(corpus.engine) as connection:
            count = connection.execute(select(func.count()).select_from(link_digests)).scalar()
    assert [d.meta.id for d in first] == STORY  # publication order
    assert again == first
    assert count == len(STORY)


def test_links_are_kept_until_the_corpus_changes(stored, tmp_path):
    from quellenlage.corpus import Corpus
    from quellenlage.linking.store import corpus_links

    with Corpus(stored) as corpus:
        _, first = corpus_links(corpus)
        _, again = corpus_links(corpus)
        assert again is first
        extra = tmp_path / "extra.jsonl"
        row = next(json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines())
        added = {**row, "id": "extra-1", "url": "https://extra.example/1"}
        extra.write_text(json.dumps(added) + "\n", encoding="utf-8")
        corpus.ingest([str(extra)])
        digests, grown = corpus_links(corpus)
    assert grown is not first
    assert "extra-1" in {d.meta.id for d in digests}
