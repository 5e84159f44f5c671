"""Kept pages: the figure list, figure, story, trail, search and article pages are rendered once per
corpus state and address, and rendered afresh as soon as an article is added."""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("quellenlage.corpus")
pytest.importorskip("datasketch")

from fastapi.testclient import TestClient  # noqa: E402
from web_corpus import dev_corpus  # noqa: E402

from quellenlage.corpus import Corpus  # noqa: E402
from quellenlage.web import Settings, corpus_pages, create_app, linked_pages, page_cache  # noqa: E402

NEW_ARTICLE = {
    "id": "cache-1",
    "outlet": "Testblatt",
    "published": "2025-03-18T10:00:00+01:00",
    "title": "Sturmflut an der Küste",
    "text": "Sturmflut an der Küste\n\nBei der Sturmflut an der Nordseeküste haben nach Angaben der Polizei "
    "rund 300 Helfer die Deiche gesichert. „Wir sind auf alles vorbereitet“, sagte der Landrat Tjark Olsen.",
}


@pytest.fixture
def corpus_copy(tmp_path):
    path = tmp_path / "dev.db"
    shutil.copy(dev_corpus(), path)
    page_cache.forget()
    return str(path)


def counting(monkeypatch, module) -> list[str]:
    rendered: list[str] = []
    render = module.render

    def counted(request, template, *args, **kwargs):
        rendered.append(template)
        return render(request, template, *args, **kwargs)

    monkeypatch.setattr(module, "render", counted)
    return rendered


def test_a_page_is_kept_while_the_corpus_stays_the_same(corpus_copy, monkeypatch):
    rendered = counting(monkeypatch, corpus_pages)
    client = TestClient(create_app(Settings(db=corpus_copy)))
    first = client.get("/search", params={"q": "Sturmflut", "kind": ""})
    again = client.get("/search", params={"kind": "", "q": "Sturmflut"})  # the same page, asked otherwise
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert rendered == ["search.html"]
    assert "Content-Security-Policy" in again.headers and again.headers["content-type"].startswith("text/html")
    other = client.get("/search", params={"q": "Deich"})
    assert other.status_code == 200 and rendered == ["search.html"] * 2


def test_an_added_article_makes_every_kept_page_old(corpus_copy, monkeypatch, tmp_path):
    searches = counting(monkeypatch, corpus_pages)
    lists = counting(monkeypatch, linked_pages)
    client = TestClient(create_app(Settings(db=corpus_copy)))
    before = client.get("/search", params={"q": "Sturmflut"})
    figures = client.get("/figures", params={"counts": "Helfer"})
    assert "Tjark Olsen" not in before.text and figures.status_code == 200
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps(NEW_ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    with Corpus(corpus_copy) as corpus:
        assert corpus.ingest([source]).stored == 1
    after = client.get("/search", params={"q": "Sturmflut"})
    assert "Sturmflut an der Küste" in after.text
    client.get("/figures", params={"counts": "Helfer"})
    assert searches == ["search.html"] * 2 and lists == ["figures.html"] * 2


def test_an_article_page_is_kept_once_the_links_are_ready(corpus_copy, monkeypatch):
    rendered = counting(monkeypatch, corpus_pages)
    links_ready = {"yet": False}
    links_if_ready = corpus_pages._links_if_ready
    monkeypatch.setattr(corpus_pages, "_links_if_ready", lambda r: links_if_ready(r) if links_ready["yet"] else None)
    client = TestClient(create_app(Settings(db=corpus_copy)))
    article = client.get("/api/v1/articles", params={"limit": 1}).json()["items"][0]["id"]
    for _ in range(2):  # while the server links the corpus: rendered each time, never kept
        assert client.get(f"/articles/{article}").status_code == 200
    assert rendered == ["article.html"] * 2
    assert client.get("/figures").status_code == 200  # waits for the links
    links_ready["yet"] = True
    first, again = client.get(f"/articles/{article}"), client.get(f"/articles/{article}")
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert rendered == ["article.html"] * 3
    assert client.get(f"/articles/{article}", params={"revision": 1}).status_code == 200
    assert rendered == ["article.html"] * 4


def test_only_complete_pages_are_kept(corpus_copy, monkeypatch):
    rendered = counting(monkeypatch, linked_pages)
    client = TestClient(create_app(Settings(db=corpus_copy)), raise_server_exceptions=False)
    for _ in range(2):
        assert client.get("/figures", params={"since": "kein Datum"}).status_code == 422
    assert rendered == ["figures.html"] * 2
