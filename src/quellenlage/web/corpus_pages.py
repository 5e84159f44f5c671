"""The pages over a stored corpus: Übersicht, Artikel, Person/Organisation, Suche.

They read the corpus through `quellenlage.corpus.Corpus` only (the same query functions as the CLI
and the API), and link into what the linking layer found across articles (`web.linked`): the
corpus figure of a claim, the trail of a quotation, the latest divergent figures."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any
from urllib.parse import quote as url_quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quellenlage.errors import QuellenlageError
from quellenlage.web.charts import count_chart
from quellenlage.web.corpus_api import ArticleBody, store
from quellenlage.web.labels import QUALIFIERS, QUOTE_KINDS, STATUS, label
from quellenlage.web.linked import LinkIndex, claim_figure_href, latest_divergent, ready_link_index
from quellenlage.web.page_cache import kept, kept_page
from quellenlage.web.pages import render
from quellenlage.web.problems import Problem
from quellenlage.web.security import require_ingest
from quellenlage.web.store import corpus_of, queried
from quellenlage.web.views import article_view, identifier_links, stored_links

router = APIRouter(include_in_schema=False)
SEARCH_PAGE = 25
OVERVIEW_SECONDS = 60
ENTITY_ITEMS = 200
OVERVIEW_OUTLETS = 12


def corpus_overview(request: Request) -> dict[str, Any] | None:
    """What the overview shows of the corpus, or None without one. Its counts aggregate the whole
    corpus (a second on a large one), so they are kept for OVERVIEW_SECONDS; storing an article
    through this server forgets them at once."""
    corpus = request.app.state.corpus
    if corpus is None:
        return None
    cached: tuple[float, dict[str, Any]] | None = getattr(request.app.state, "overview", None)
    if cached and time.monotonic() - cached[0] < OVERVIEW_SECONDS:
        return cached[1]
    index = _links_if_ready(request)
    overview = {
        "stats": corpus.stats(),
        "outlets": corpus.outlets(limit=OVERVIEW_OUTLETS),
        "latest": corpus.articles(limit=12),
        "speakers": corpus.entities(order="quotes", limit=12),
        "sources": corpus.entities(order="claims", limit=12),
        "divergent": latest_divergent(index),
        "linking": index is None and _linking_installed(),
    }
    if not overview["linking"]:  # kept only once it has the divergent figures
        request.app.state.overview = (time.monotonic(), overview)
    return overview


def _links_if_ready(request: Request) -> LinkIndex | None:
    """The corpus's links when they are ready, else None (while the server links the corpus,
    or without the linking extra): the pages then show what the corpus alone knows."""
    corpus = corpus_of(request)
    return queried(lambda: ready_link_index(corpus))


def _linking_installed() -> bool:
    try:
        import quellenlage.linking.store  # noqa: F401
    except ImportError:
        return False
    return True


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, revision: int | None = Query(None, ge=1)) -> Response:
    """An article with its analysis, linked to the corpus's figures and trails. Kept like the
    figure and story pages (`page_cache`: the article everyone reads after a news event is rendered
    once per corpus state), but only once the links are ready: a page rendered while the server
    links the corpus lacks them, and the corpus's state does not change when they arrive."""
    if _links_if_ready(request) is None:
        return _article_page(request, article_id, revision, None)
    # the links asked again after the key's corpus state: never older than the state kept under
    return kept_page(request, lambda: _article_page(request, article_id, revision, _links_if_ready(request)))


def _article_page(request: Request, article_id: str, revision: int | None, index: LinkIndex | None) -> Response:
    stored = queried(lambda: corpus_of(request).article(article_id, revision))
    if stored is None:
        raise Problem(404, f"Kein Artikel mit der Kennung {article_id!r}.")
    record = stored.article
    links = stored_links(record.id, stored.entity_ids, index.figure_of if index else None)
    return render(
        request,
        "article.html",
        article=article_view(stored.analysis, links, outlet=record.outlet),
        stored=True,
        outlet=record.outlet,
        url=record.url if (record.url or "").startswith(("http://", "https://")) else None,
        json_href=f"/api/v1/articles/{url_quote(article_id, safe='')}/analysis",
        revisions=stored.revisions,
    )


@router.get("/entities/{ref}", response_class=HTMLResponse)
def entity_page(request: Request, ref: str) -> Response:
    """A person, organisation or place by corpus id (the links of the pages), Wikidata QID or name:
    what it said, when, where, which numbers it supplied. A name shows the entity of that name (the
    most named one), and lists the others the name could mean."""
    corpus = corpus_of(request)
    entity = queried(lambda: corpus.entity(ref))
    if entity is None:
        raise Problem(404, f"Niemand namens {ref!r} im Korpus.")
    others = []
    if ref.strip() != str(entity.id):
        others = [e for e in queried(lambda: corpus.entities(name=ref, limit=5)) if e.id != entity.id][:4]
    quotes = queried(lambda: corpus.quotes(speaker_id=entity.id, limit=ENTITY_ITEMS))
    claims = queried(lambda: corpus.claims(source_id=entity.id, limit=ENTITY_ITEMS))
    months = Counter((q.published or "")[:7] or "ohne Datum" for q in quotes)
    if len(months) <= 2:  # a few weeks of news: count by day
        months = Counter((q.published or "")[:10] or "ohne Datum" for q in quotes)
    index = _links_if_ready(request)
    figure_of = index.figure_of if index else {}
    trail_of = index.trail_of if index else {}
    found_trails = dict.fromkeys(trail_of.get((q.article_id, q.quote_id)) for q in quotes)
    trails = [index.trails[t] for t in found_trails if t] if index else []
    ids = {"wikidata": entity.qid} if entity.qid else {}
    if entity.country:
        ids["iso3166_alpha3"] = entity.country
    return render(
        request,
        "entity.html",
        entity=entity,
        others=others,
        identifiers=identifier_links(ids) + ([("ISO 3166", entity.country, None)] if entity.country else []),
        quotes=quotes,
        claims=claims,
        outlets=Counter(q.outlet or "unbekannt" for q in quotes).most_common(),
        chart=count_chart(sorted(months.items()), f"Zitate von {entity.name} im Zeitverlauf"),
        limit=ENTITY_ITEMS,
        kinds=QUOTE_KINDS,
        statuses=STATUS,
        qualifiers=QUALIFIERS,
        label=label,
        figure_of=figure_of,
        trail_of=trail_of,
        trails=trails,
        claim_figure_href=claim_figure_href,
    )


@router.get("/entities", response_class=HTMLResponse)
def entity_lookup(request: Request, name: str = Query(..., min_length=1, max_length=200)) -> Response:
    return RedirectResponse(f"/entities/{url_quote(name, safe='')}", status_code=303)


@router.get("/search", response_class=HTMLResponse)
@kept
def search_page(
    request: Request,
    q: str = Query("", max_length=500),
    speaker: str = Query("", max_length=200),
    outlet: str = Query("", max_length=200),
    since: str = Query("", max_length=40),
    until: str = Query("", max_length=40),
    kind: str = Query("", max_length=20),
    status: str = Query("", max_length=20),
    page: int = Query(1, ge=1, le=1000),
) -> Response:
    """Full text over the articles, and the quotations with speaker, kind and status filters."""
    corpus = corpus_of(request)
    form = {
        "q": q,
        "speaker": speaker,
        "outlet": outlet,
        "since": since,
        "until": until,
        "kind": kind,
        "status": status,
    }
    offset = (page - 1) * SEARCH_PAGE
    hits: list[Any] = []
    quotes: list[Any] = []
    error = None
    try:
        if q.strip() and not (speaker or kind or status):
            hits = corpus.search(
                q, outlet=outlet or None, since=since or None, until=until or None, limit=SEARCH_PAGE, offset=offset
            )
        if q.strip() or speaker or kind or status:
            quotes = corpus.quotes(
                speaker=speaker or None,
                words=q or None,
                kind=kind or None,
                status=status or None,
                outlet=outlet or None,
                since=since or None,
                until=until or None,
                limit=SEARCH_PAGE,
                offset=offset,
            )
    except QuellenlageError as problem:
        error = str(problem)
    return render(
        request,
        "search.html",
        nav="search",
        form=form,
        hits=hits,
        quotes=quotes,
        error=error,
        page=page,
        more=len(hits) == SEARCH_PAGE or len(quotes) == SEARCH_PAGE,
        kinds=QUOTE_KINDS,
        statuses=STATUS,
        label=label,
        status_code=422 if error else 200,
    )


@router.post("/analyse/store", response_class=HTMLResponse)
async def store_from_page(request: Request) -> Response:
    """The Analyse page's "store" button: the shown text goes into the corpus (token required)."""
    settings = request.app.state.settings
    form = await request.form(max_files=0, max_fields=10, max_part_size=settings.max_body_bytes)
    require_ingest(str(form.get("token") or "") or None, settings.ingest_token)
    fields = {
        name: str(form.get(name) or "").strip() or None for name in ("text", "title", "published", "outlet", "url")
    }
    article_id = await store(request, ArticleBody(**fields))
    return RedirectResponse(f"/articles/{url_quote(article_id, safe='')}", status_code=303)
