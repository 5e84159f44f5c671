"""The corpus part of API v1: articles, quotations, claims, entities and search with the filters
of `quellenlage.corpus` (one filter means the same in the CLI, the pages and here), paginated;
and `POST /api/v1/articles` to store an article (needs the operator's ingest token). Figures,
stories and quotation trails across articles are `linked_api`'s."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from quellenlage.web.api import PREFIX
from quellenlage.web.problems import Problem
from quellenlage.web.security import presented_token, require_ingest
from quellenlage.web.store import MAX_PAGE_SIZE, PAGE_SIZE, corpus_of, page, queried

router = APIRouter(prefix=PREFIX, tags=["API v1: corpus"])


class Window(BaseModel):
    """The filters every list shares: outlet and publication time, and the page."""

    model_config = ConfigDict(extra="forbid")

    outlet: str | None = Field(None, max_length=200, description="the outlet, as stored (case-insensitive)")
    since: str | None = Field(None, max_length=40, description="published on or after, YYYY-MM-DD or ISO time")
    until: str | None = Field(None, max_length=40, description="published on or before, YYYY-MM-DD or ISO time")
    limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="items per page")
    offset: int = Field(0, ge=0, le=1_000_000, description="items to skip")


class ArticleFilters(Window):
    text: str | None = Field(None, max_length=200, description="words in the title or URL")


class QuoteFilters(Window):
    speaker: str | None = Field(None, max_length=200, description="words of a name (Selensk) or a Wikidata QID")
    speaker_id: int | None = Field(None, ge=1, description="the corpus entity speaking (`id` of /entities)")
    words: str | None = Field(None, max_length=200, description="words in the quotation")
    kind: str | None = Field(None, max_length=20, description="direct, indirect, partial, …")
    status: str | None = Field(None, max_length=20, description="stated, reported, claimed, unverified")


class ClaimFilters(Window):
    counts: str | None = Field(None, max_length=200, description="what is counted: words of the unit or topic")
    source: str | None = Field(None, max_length=200, description="words of a name or a Wikidata QID")
    source_id: int | None = Field(None, ge=1, description="the corpus entity giving the figure (`id` of /entities)")
    qualifier: str | None = Field(None, max_length=20, description="exact, more_than, approx, …")
    hedged: bool | None = None
    status: str | None = Field(None, max_length=20, description="stated, reported, claimed, unverified")


class EntityFilters(Window):
    type: Literal["PER", "ORG", "LOC", "OTH"] | None = None
    name: str | None = Field(None, max_length=200, description="words of a name or a Wikidata QID")
    order: Literal["mentions", "articles", "quotes", "claims"] = "mentions"
    offset: Literal[0] = Field(0, description="entities come as one list, most frequent first")


class SearchFilters(Window):
    q: str = Field(min_length=1, max_length=500, description='words; "a phrase" in quotation marks')
    limit: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="items per page")


def _listed(query: Callable[..., list[Any]], filters: Window, **renamed: str) -> dict[str, Any]:
    """One page of a corpus query, its filters passed on as they are (renamed where the query
    names them otherwise)."""
    arguments = filters.model_dump()
    for ours, theirs in renamed.items():
        arguments[theirs] = arguments.pop(ours)
    items = queried(lambda: query(**arguments))
    return page(items, filters.limit, filters.offset)


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(request: Request, filters: Annotated[ArticleFilters, Query()]) -> dict[str, Any]:
    return _listed(corpus_of(request).articles, filters)


@router.get("/articles/{article_id}", summary="One article: metadata, revisions and its current analysis")
def get_article(request: Request, article_id: str, revision: int | None = Query(None, ge=1)) -> Response:
    stored = _stored(request, article_id, revision)
    body = {
        "article": stored.article.as_dict(),
        "revision": stored.revision.as_dict(),
        "revisions": [r.as_dict() for r in stored.revisions],
        "analysis": json.loads(stored.analysis.to_json(indent=None)),
    }
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")


@router.get("/articles/{article_id}/analysis", summary="The article's analysis, as `quellenlage analyze` gives it")
def get_analysis(request: Request, article_id: str, revision: int | None = Query(None, ge=1)) -> Response:
    stored = _stored(request, article_id, revision)
    return Response(
        stored.analysis.to_json(),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{_safe_name(article_id)}.json"'},
    )


def _stored(request: Request, article_id: str, revision: int | None) -> Any:
    stored = queried(lambda: corpus_of(request).article(article_id, revision))
    if stored is None:
        raise Problem(404, f"Kein Artikel mit der Kennung {article_id!r}.")
    return stored


@router.get("/quotes", summary="Quotations with speaker, words, kind, status, outlet and date filters")
def list_quotes(request: Request, filters: Annotated[QuoteFilters, Query()]) -> dict[str, Any]:
    return _listed(corpus_of(request).quotes, filters)


@router.get("/claims", summary="Numbers with what they count, source, qualifier and status filters")
def list_claims(request: Request, filters: Annotated[ClaimFilters, Query()]) -> dict[str, Any]:
    return _listed(corpus_of(request).claims, filters)


@router.get("/entities", summary="People, organisations and places with their counts")
def list_entities(request: Request, filters: Annotated[EntityFilters, Query()]) -> dict[str, Any]:
    entities = corpus_of(request).entities
    return _listed(lambda offset, **arguments: entities(**arguments), filters)


@router.get("/entities/{ref}", summary="One entity with its counts: by corpus id, Wikidata QID or name")
def get_entity(request: Request, ref: str = Path(max_length=200)) -> dict[str, Any]:
    entity = queried(lambda: corpus_of(request).entity(ref))
    if entity is None:
        raise Problem(404, f"Niemand namens {ref!r} im Korpus.")
    return entity.as_dict()


@router.get("/outlets", summary="The outlets with their number of articles and the time they span")
def list_outlets(request: Request) -> dict[str, Any]:
    corpus = corpus_of(request)
    return {"items": [o.as_dict() for o in queried(corpus.outlets)], "stats": queried(corpus.stats).as_dict()}


@router.get("/search", summary="Full-text search over the stored articles")
def search(request: Request, filters: Annotated[SearchFilters, Query()]) -> dict[str, Any]:
    find = corpus_of(request).search
    return _listed(lambda q, **arguments: find(q, **arguments), filters)


class ArticleBody(BaseModel):
    """One article to store: its text or HTML page, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    id: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=2000)


@router.post(
    "/articles",
    summary="Analyse and store one article (needs the ingest token)",
    status_code=201,
    responses={401: {"description": "no or a wrong token"}, 403: {"description": "storing is switched off"}},
)
async def store_article(request: Request, body: ArticleBody) -> Response:
    require_ingest(presented_token(request), request.app.state.settings.ingest_token)
    article_id = await store(request, body)
    location = f"{PREFIX}/articles/{article_id}"
    return Response(
        json.dumps({"id": article_id, "location": location}),
        status_code=201,
        media_type="application/json",
        headers={"Location": location},
    )


async def store(request: Request, body: ArticleBody) -> str:
    """Store through the corpus's own ingest (one JSONL record), one analysis at a time."""
    if (body.text is None) == (body.html is None):
        raise Problem(422, 'Geben Sie genau eines von "text" und "html" an.')
    content = body.text if body.text is not None else body.html
    assert content is not None
    if len(content) > request.app.state.settings.max_chars and body.text is not None:
        raise Problem(413, "Der Artikeltext ist länger als die Grenze dieses Servers.")
    corpus = corpus_of(request)
    from quellenlage.corpus.keys import article_key, derived_article_id, digest

    record = body.model_dump(exclude_none=True)
    record.setdefault("id", derived_article_id(article_key(body.url, None, None, digest(content))))
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")

    def ingest() -> Any:
        return corpus.ingest(["-"], stdin=io.BytesIO(line))

    report = await anyio.to_thread.run_sync(ingest, limiter=request.app.state.analyser.limiter)
    request.app.state.overview = None  # the overview's counts changed
    if report.failed or not (report.stored or report.revisions or report.unchanged):
        message = report.failures[0][1] if report.failures else "der Artikel konnte nicht gespeichert werden"
        raise Problem(422, message)
    return str(record["id"])


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)[:100] or "artikel"
