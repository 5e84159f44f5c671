"""Figures, stories and quotation trails across articles in the API and the pages, over the dev
corpus through FastAPI's test client: the same links as `quellenlage.linking` finds, filtered and
paginated, each figure's lineage and chart."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("quellenlage.corpus")
pytest.importorskip("datasketch")

from fastapi.testclient import TestClient  # noqa: E402
from web_corpus import dev_corpus  # noqa: E402

from quellenlage.corpus import Corpus  # noqa: E402
from quellenlage.linking.store import corpus_links  # noqa: E402
from quellenlage.web import Settings, create_app  # noqa: E402


@pytest.fixture(scope="module")
def links():
    with Corpus(dev_corpus()) as corpus:
        return corpus_links(corpus)[1]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Settings(db=dev_corpus())), raise_server_exceptions=False)


def test_figures_are_the_linked_figures_paginated(client, links):
    everything = client.get("/api/v1/figures", params={"limit": 200}).json()
    assert everything["total"] == len(links.figures) and everything["next_offset"] is None
    assert {f["id"] for f in everything["items"]} == {f.id for f in links.figures}
    ids = [f["id"] for f in everything["items"]]
    first = client.get("/api/v1/figures", params={"limit": 3}).json()
    second = client.get("/api/v1/figures", params={"limit": 3, "offset": 3}).json()
    assert [f["id"] for f in first["items"] + second["items"]] == ids[:6] and first["next_offset"] == 3
    one = client.get(f"/api/v1/figures/{ids[0]}").json()
    assert one == everything["items"][0]
    claims = one["claims"]
    assert claims[0]["change"] == "first" and one["first_appearance"]["article"] == claims[0]["article"]
    shown = {"value", "qualifier", "unit", "source", "status", "hedge", "outlet", "published", "evidence"}
    for claim in claims:
        assert shown <= set(claim)


def test_figure_filters(client, links):
    divergent = client.get("/api/v1/figures", params={"divergent": "true", "limit": 200}).json()["items"]
    assert divergent and all(f["divergent"] for f in divergent)
    assert {f["id"] for f in divergent} == {f.id for f in links.figures if f.divergent}
    police = client.get("/api/v1/figures", params={"source": "polizei", "limit": 200}).json()["items"]
    assert police and all(any("polizei" in (c["source"] or "").casefold() for c in f["claims"]) for f in police)
    claim = links.figures[0].claims[-1]
    own = client.get("/api/v1/figures", params={"article": claim.article, "claim": claim.claim}).json()["items"]
    assert [f["id"] for f in own] == [links.figures[0].id]
    day = (claim.published or "")[:10]
    dated = client.get("/api/v1/figures", params={"since": day, "until": day, "limit": 200}).json()["items"]
    assert dated and all(any((c["published"] or "")[:10] == day for c in f["claims"]) for f in dated)
    latest = client.get("/api/v1/figures", params={"order": "latest", "limit": 200}).json()["items"]
    last = [max(c["published"] for c in f["claims"]) for f in latest]
    assert len(last) == len(links.figures)
    bad = client.get("/api/v1/figures", params={"since": "gestern"})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem+json")
    assert client.get("/api/v1/figures/gibt-es-nicht").status_code == 404


def test_stories_and_trails(client, links):
    stories = client.get("/api/v1/stories").json()
    assert stories["total"] == len(links.stories) == 3
    for story in stories["items"]:
        published = [a["published"] for a in story["timeline"]]
        assert published == sorted(published) and [a["id"] for a in story["timeline"]] == story["articles"]
    mine = client.get("/api/v1/stories", params={"article": "dev-01"}).json()["items"]
    assert len(mine) == 1 and "dev-01" in mine[0]["articles"]
    assert client.get(f"/api/v1/stories/{mine[0]['id']}").json() == mine[0]
    assert set(mine[0]["figures"]) == {f.id for f in links.figures if f.story == mine[0]["id"]}
    trails = client.get("/api/v1/trails", params={"speaker": "Hartwig"}).json()["items"]
    assert trails and all("Hartwig" in t["speaker"] for t in trails)
    assert {t["id"] for t in trails} == {t.id for t in links.trails if t.speaker and "Hartwig" in t.speaker}


def test_figure_page_shows_lineage_chart_and_divergences(client, links):
    figure = max((f for f in links.figures if f.divergent), key=lambda f: len(f.claims))
    page = client.get(f"/figures/{figure.id}")
    assert page.status_code == 200
    html = page.text
    rows = re.findall(r"<tr( class=\"divergent\")?>\s*<td>", html.split('class="claims lineage"')[1])
    assert len(rows) == len(figure.claims)
    assert sum(1 for r in rows if r) == sum(1 for c in figure.claims if c.change == "divergence") > 0
    marks = {(c.article, c.source_key or c.source, c.value, c.qualifier) for c in figure.claims}
    assert html.count('<g class="mark') == len(marks)
    assert "Abweichung" in html and "Erstnennung" in html
    claim = figure.claims[0]
    moved = client.get("/figures/of", params={"article": claim.article, "claim": claim.claim}, follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == f"/figures/{figure.id}"
    assert client.get("/figures/of", params={"article": "dev-01", "claim": "c999"}).status_code == 404


def test_pages_link_articles_speakers_figures_stories_and_trails(client, links):
    overview = client.get("/").text
    divergent = [f for f in links.figures if f.divergent]
    assert "Abweichende Zahlen" in overview and f'href="/figures/{divergent[0].id}"' in overview or divergent == []
    listing = client.get("/figures", params={"counts": "Teilnehmer"}).text
    assert 'href="/figures/' in listing
    assert client.get("/figures", params={"since": "gestern"}).status_code == 422
    stories = client.get("/stories").text
    for story in links.stories:
        assert f'href="/stories/{story.id}"' in stories
        page = client.get(f"/stories/{story.id}").text
        assert all(f'href="/articles/{a}"' in page for a in story.articles)
    trail = max(links.trails, key=lambda t: len(t.occurrences))
    page = client.get(f"/trails/{trail.id}").text
    assert page.count('<td><a href="/articles/') == len(trail.occurrences)
    assert "gekürzt" in page or "verändert" in page or {o.variant for o in trail.occurrences} == {"verbatim"}

    article = client.get("/articles/dev-01").text
    hrefs = re.findall(r'class="claim-figure" href="(/figures/of\?[^"]+)"', article)
    linked = {(c.article, c.claim) for f in links.figures for c in f.claims if c.article == "dev-01"}
    assert len(hrefs) == len(linked) > 0, "each stored claim links to its corpus figure"
    assert client.get(hrefs[0].replace("&amp;", "&")).status_code == 200
    with_figure = client.get("/articles/dev-09").text
    assert re.search(r'href="/figures/of\?[^"]+" class="corpus-figure"', with_figure)

    person = client.get("/entities/Lena Hartwig").text
    assert 'href="/trails/' in person and "Zitatspuren" in person
    union = client.get("/entities/Verdi").text
    assert 'class="figure-link" href="/figures/of?' in union, "the numbers a source supplied link to their figures"


RAW_MARKUP = re.compile(r"<script>window|<img src=x|<b onmouseover|<i onclick|href=\"javascript:", re.IGNORECASE)


def test_hostile_text_is_escaped_on_every_linked_page():
    """Titles, outlets, quotations and evidence of hostile articles come through the linking layer
    (a story, a wire group, figures, quotation trails) as text, never as markup."""
    from web_corpus import hostile_corpus

    db = hostile_corpus()
    with Corpus(db) as corpus:
        links = corpus_links(corpus)[1]
    assert links.stories and links.wire_groups and links.trails and links.figures, "the hostile pair is linked"
    hostile = TestClient(create_app(Settings(db=db)), raise_server_exceptions=False)
    paths = ["/", "/figures", "/stories", "/figures?divergent=true", "/articles/boese-1", "/entities/Jana Okonkwo"]
    paths += [f"/figures/{f.id}" for f in links.figures]
    paths += [f"/stories/{s.id}" for s in links.stories] + [f"/trails/{t.id}" for t in links.trails]
    for path in paths:
        page = hostile.get(path)
        assert page.status_code == 200, path
        assert not RAW_MARKUP.search(page.text), path
        assert page.headers["content-security-policy"].startswith("default-src 'none'"), path
    story = hostile.get(f"/stories/{links.stories[0].id}").text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in story
    trail = hostile.get(f"/trails/{links.trails[0].id}").text
    assert "&lt;script&gt;window.pwned=3&lt;/script&gt;" in trail
    api = hostile.get("/api/v1/trails").json()["items"]
    assert any("<script>window.pwned=3</script>" in t["text"] for t in api), "the API gives the text as it is"


def test_figures_are_titled_in_german(client, links):
    from quellenlage.web.labels import figure_title

    assert figure_title("participants: Menschen") == "Teilnehmende: Menschen"
    assert figure_title("forces: Einsatzkräfte") == "Einsatzkräfte"
    assert figure_title("Prozent") == "Prozent" and figure_title("deaths") == "Tote"
    counted = next(f for f in links.figures if f.label.startswith("participants: "))
    page = client.get(f"/figures/{counted.id}").text
    assert f"<h1>{figure_title(counted.label)}" in page and "participants" not in page


def test_pages_that_can_do_without_links_do_not_wait_for_them(tmp_path):
    """A corpus not yet linked in this process, and a linking that takes long (held here): the
    article page and the overview answer at once with what the corpus alone knows; once the
    background linking is done, the article's claims link to their corpus figures."""
    import shutil

    from web_corpus import hostile_corpus

    from quellenlage.linking import store
    from quellenlage.web.linked import warm

    db = tmp_path / "fresh.db"
    shutil.copy(hostile_corpus(), db)
    with store._LINKING:  # the server's background linking waits here
        fresh = TestClient(create_app(Settings(db=str(db))), raise_server_exceptions=False)
        page = fresh.get("/articles/boese-1")
        assert page.status_code == 200 and "claim-figure" not in page.text
        assert "werden gerade berechnet" in fresh.get("/").text
    with Corpus(db) as corpus:
        thread = warm(corpus)
        assert thread is not None
        thread.join(120)
    assert 'class="claim-figure" href="/figures/of?' in fresh.get("/articles/boese-1").text
    assert "werden gerade berechnet" not in fresh.get("/").text


def test_the_figure_list_pages_link_to_each_other(client, links):
    assert len(links.figures) > 25  # the dev corpus fills more than one page of 25
    first = client.get("/figures", params={"source": ""}).text
    second = client.get("/figures", params={"source": "", "page": 2}).text
    assert re.search(r'rel="next" href="/figures\?[^"]*page=2"', first) and 'rel="prev"' not in first
    assert re.search(r'rel="prev" href="/figures\?[^"]*page=1"', second) and 'rel="next"' not in second
    on_first, on_second = (set(re.findall(r'href="/figures/([^"?/]+)"', page)) for page in (first, second))
    assert not on_first & on_second and on_first | on_second == {f.id for f in links.figures}
