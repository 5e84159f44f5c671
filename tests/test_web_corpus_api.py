"""The corpus pages and API v1 over a small stored corpus, through FastAPI's test client: the
same records as the corpus queries, pagination, filters as bound parameters, storing with the
ingest token only."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("quellenlage.corpus")

from fastapi.testclient import TestClient  # noqa: E402
from web_corpus import dev_corpus  # noqa: E402

from quellenlage.corpus import Corpus  # noqa: E402
from quellenlage.web import Settings, create_app  # noqa: E402

TOKEN = "ingest-" + "t" * 20


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus(dev_corpus())


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    import shutil

    copy = tmp_path_factory.mktemp("web") / "corpus.db"  # a copy: the store test writes
    shutil.copy(dev_corpus(), copy)
    return TestClient(create_app(Settings(db=str(copy), ingest_token=TOKEN)), raise_server_exceptions=False)


def test_lists_are_the_corpus_queries_paginated(client, corpus):
    first = client.get("/api/v1/articles", params={"limit": 5}).json()
    second = client.get("/api/v1/articles", params={"limit": 5, "offset": 5}).json()
    assert [a["id"] for a in first["items"] + second["items"]] == [a.id for a in corpus.articles(limit=10)]
    assert first["next_offset"] == 5
    quotes = client.get("/api/v1/quotes", params={"speaker": "Stadler", "kind": "direct"}).json()["items"]
    assert quotes == [q.as_dict() for q in corpus.quotes(speaker="Stadler", kind="direct", limit=50)]
    assert quotes and all(q["kind"] == "direct" for q in quotes)
    claims = client.get("/api/v1/claims", params={"counts": "Teilnehmer"}).json()["items"]
    assert claims == [c.as_dict() for c in corpus.claims(counts="Teilnehmer", limit=50)]
    entities = client.get("/api/v1/entities", params={"order": "quotes", "limit": 3}).json()["items"]
    assert [e["name"] for e in entities] == [e.name for e in corpus.entities(order="quotes", limit=3)]
    hits = client.get("/api/v1/search", params={"q": "Polizei"}).json()["items"]
    assert hits and {h["article_id"] for h in hits} == {h.article_id for h in corpus.search("Polizei")}


def test_one_article_and_its_analysis(client, corpus):
    stored = corpus.article("dev-01")
    body = client.get("/api/v1/articles/dev-01").json()
    assert body["article"]["outlet"] == stored.article.outlet and body["analysis"]["quotes"]
    analysis = client.get("/api/v1/articles/dev-01/analysis")
    assert analysis.json() == stored.analysis.model_dump(mode="json", exclude={"sentences": {"__all__": {"tokens"}}})
    assert client.get("/api/v1/articles/gibt-es-nicht").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"speaker": "'; DROP TABLE quotes; --"},
        {"speaker": "%", "words": "_"},
        {"outlet": "x' OR '1'='1"},
        {"words": "\\"},
    ],
    ids=["drop-table", "wildcards", "or-true", "backslash"],
)
def test_filters_are_data_not_sql(client, corpus, params):
    response = client.get("/api/v1/quotes", params=params)
    assert response.status_code == 200 and response.json()["items"] == []
    assert corpus.stats().quotes > 0  # still there


def test_bad_filters_are_problems(client):
    for path, params in (
        ("/api/v1/quotes", {"since": "gestern"}),
        ("/api/v1/articles", {"limit": 10_000}),
        ("/api/v1/entities", {"order": "random"}),
    ):
        response = client.get(path, params=params)
        assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"


def test_storing_needs_the_token_and_lands_in_the_corpus(client):
    article = {
        "text": "Berlin. „Wir haben 1.200 neue Stellen geschaffen“, sagte Wirtschaftsministerin Anna Beispiel am "
        "Montag. Die Gewerkschaft sprach dagegen von höchstens 800 Stellen.",
        "outlet": "Testblatt",
        "url": "https://testblatt.example/stellen",
        "published": "2025-06-02",
    }
    assert client.post("/api/v1/articles", json=article).status_code == 401
    wrong = client.post("/api/v1/articles", json=article, headers={"authorization": "Bearer falsch"})
    assert wrong.status_code == 401
    stored = client.post("/api/v1/articles", json=article, headers={"authorization": f"Bearer {TOKEN}"})
    assert stored.status_code == 201, stored.text
    location = stored.headers["location"]
    assert client.get(location).json()["article"]["outlet"] == "Testblatt"
    page = client.get("/articles/" + stored.json()["id"])
    assert page.status_code == 200 and "Anna Beispiel" in page.text


def test_pages_over_the_corpus(client):
    overview = client.get("/").text
    assert re.search(r"\b1[45] Artikel", overview) and "Meistzitiert" in overview  # 15 after the store test
    article = client.get("/articles/dev-01")
    assert article.status_code == 200 and 'class="q ' in article.text and "/entities/" in article.text
    assert client.get("/entities/Korbinian%20Stadler").status_code == 200
    assert client.get("/entities/Niemand%20Sonst").status_code == 404
    search = client.get("/search", params={"q": "Polizei", "kind": "direct", "status": "reported"})
    assert search.status_code == 200
    listing = client.get("/figures", params={"counts": "Teilnehmer"})
    assert listing.status_code == 200
    first = re.search(r'href="(/figures/[^"/?]+)"', listing.text)
    assert first, "the figures counting participants, linked across articles"
    figure = client.get(first.group(1))
    assert figure.status_code == 200 and '<svg class="chart' in figure.text
    assert client.get("/api/v1/figures").json()["total"] >= 1


def test_the_analyse_page_stores_on_request_and_hostile_text_stays_inert(client):
    hostile = (
        "Berlin. „<script>window.pwned = 1</script> Wir bleiben dabei“, sagte Senatorin Erika Probe am Dienstag. "
        '<img src=x onerror="window.pwned=2"> Nach Angaben der Polizei kamen mehr als 2.000 Menschen.'
    )
    preview = client.post("/analyse", data={"text": hostile})
    assert preview.status_code == 200 and 'action="/analyse/store"' in preview.text
    assert client.post("/analyse/store", data={"text": hostile, "token": "falsch"}).status_code == 401
    stored = client.post(
        "/analyse/store",
        data={"text": hostile, "token": TOKEN, "outlet": "Testblatt", "published": "2025-06-03"},
        follow_redirects=False,
    )
    assert stored.status_code == 303 and stored.headers["location"].startswith("/articles/")
    page = client.get(stored.headers["location"])
    assert page.status_code == 200 and "Erika Probe" in page.text
    assert "<script>window" not in page.text and "<img src" not in page.text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page.text


def test_entity_links_go_to_the_corpus_entity_and_the_overview_names_outlets_and_time(client, corpus):
    stored = corpus.article("dev-01")
    page = client.get("/articles/dev-01").text
    linked = {int(ref) for ref in re.findall(r'href="/entities/(\d+)"', page)}
    assert linked and linked == set(stored.entity_ids.values())  # every entity, by its corpus id
    speaker = corpus.entities(order="quotes", limit=1)[0]
    entity_page = client.get(f"/entities/{speaker.id}")
    assert entity_page.status_code == 200 and f"<h1>{speaker.name}</h1>" in entity_page.text
    assert f"{speaker.quotes} Zitate" in entity_page.text
    by_name = client.get("/entities/" + speaker.name)
    assert by_name.status_code == 200 and f"<h1>{speaker.name}</h1>" in by_name.text
    overview = client.get("/").text
    assert f'href="/entities/{speaker.id}"' in overview
    span = re.search(r"erschienen zwischen (\d{4}-\d\d-\d\d) und (\d{4}-\d\d-\d\d)", overview)
    assert span and span[1] == "2025-03-12" and span[2] >= "2025-05-28"  # the dev articles, and what tests stored
    assert re.search(r"<td>Tagesblick</td><td>3</td><td>2025-03-14 – 2025-05-27</td>", overview)
    api = client.get(f"/api/v1/entities/{speaker.id}").json()
    assert api == corpus.entity(speaker.id).as_dict()
    outlets = client.get("/api/v1/outlets").json()  # the client's corpus: the dev articles and what tests stored
    assert {o.outlet for o in corpus.outlets()} <= {o["outlet"] for o in outlets["items"]}
    assert outlets["stats"]["outlets"] == len(outlets["items"])
    assert sum(o["articles"] for o in outlets["items"]) == outlets["stats"]["articles"]
    quotes = client.get("/api/v1/quotes", params={"speaker_id": speaker.id, "limit": 200}).json()["items"]
    assert len(quotes) == speaker.quotes
