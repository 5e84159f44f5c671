"""The linked part of API v1: corpus figures with their lineage, stories with their timeline and
quotation trails, with the filters of `quellenlage.linking.select` (the same as the pages'),
paginated. Ids of figures, stories and trails hold for the corpus as it is; a figure is found
for good by one of its claims (`article` and `claim`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import Field

from quellenlage.web.api import PREFIX
from quellenlage.web.corpus_api import Window
from quellenlage.web.linked import figure_json, linked, page_of, story_json
from quellenlage.web.problems import Problem
from quellenlage.web.store import queried

router = APIRouter(prefix=PREFIX, tags=["API v1: across articles"])


class FigureFilters(Window):
    counts: str | None = Field(None, max_length=200, description="words of what is counted, its values or sources")
    source: str | None = Field(None, max_length=200, description="a source's name (or part)")
    status: str | None = Field(None, max_length=20, description="stated, reported, claimed, unverified")
    story: str | None = Field(None, max_length=40, description="a story's id")
    article: str | None = Field(None, max_length=200, description="an article the figure appears in")
    claim: str | None = Field(None, max_length=40, description="with article: the figure of this claim")
    divergent: bool | None = Field(None, description="only figures whose sources disagree (or agree)")
    order: Literal["reported", "latest"] = Field("reported", description="most reported first, or latest first")


class StoryFilters(Window):
    words: str | None = Field(None, max_length=200, description="words of a title or of the story's names")
    article: str | None = Field(None, max_length=200, description="the story of this article")


class TrailFilters(Window):
    speaker: str | None = Field(None, max_length=200, description="the speaker's name (or part)")
    words: str | None = Field(None, max_length=200, description="words of the quotation")
    story: str | None = Field(None, max_length=40, description="a story's id")
    article: str | None = Field(None, max_length=200, description="an article the quotation appears in")


def _period(filters: Window) -> Any:
    from quellenlage.linking.select import Period

    return queried(lambda: Period.between(filters.since, filters.until))


@router.get("/figures", summary="Figures across articles: every value with qualifier, source, status, outlet, time")
def list_figures(request: Request, filters: Annotated[FigureFilters, Query()]) -> dict[str, Any]:
    from quellenlage.linking.select import figures_where

    index = linked(request)
    found = figures_where(
        index.links,
        words=(filters.counts or "").split(),
        source=filters.source,
        outlet=filters.outlet,
        status=filters.status,
        story=filters.story,
        article=filters.article,
        claim=filters.claim,
        divergent=filters.divergent,
        period=_period(filters),
        order=filters.order,
    )
    return page_of(found, lambda item: figure_json(index, item), filters.limit, filters.offset)


@router.get("/figures/{figure_id}", summary="One figure across articles, its lineage in timeline order")
def get_figure(request: Request, figure_id: str) -> dict[str, Any]:
    index = linked(request)
    figure = index.figures.get(figure_id)
    if figure is None:
        raise Problem(404, f"Keine Zahl mit der Kennung {figure_id!r} (Kennungen gelten für das Korpus, wie es ist).")
    return figure_json(index, figure)


@router.get("/stories", summary="Stories: articles about one event, latest first, with their timeline")
def list_stories(request: Request, filters: Annotated[StoryFilters, Query()]) -> dict[str, Any]:
    from quellenlage.linking.select import stories_where

    index = linked(request)
    found = stories_where(
        index.links,
        index.articles,
        words=filters.words,
        outlet=filters.outlet,
        article=filters.article,
        period=_period(filters),
    )
    return page_of(found, lambda item: story_json(index, item), filters.limit, filters.offset)


@router.get("/stories/{story_id}", summary="One story with its timeline, figures, quotation trails and wire copies")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    index = linked(request)
    story = index.stories.get(story_id)
    if story is None:
        raise Problem(404, f"Keine Geschichte mit der Kennung {story_id!r}.")
    return story_json(index, story)


@router.get("/trails", summary="Quotation trails: one statement across articles, verbatim, shortened or altered")
def list_trails(request: Request, filters: Annotated[TrailFilters, Query()]) -> dict[str, Any]:
    from quellenlage.linking.select import trails_where

    index = linked(request)
    found = trails_where(
        index.links,
        speaker=filters.speaker,
        words=filters.words,
        outlet=filters.outlet,
        story=filters.story,
        article=filters.article,
        period=_period(filters),
    )
    return page_of(found, lambda trail: trail.model_dump(mode="json"), filters.limit, filters.offset)


@router.get("/trails/{trail_id}", summary="One quotation trail")
def get_trail(request: Request, trail_id: str) -> dict[str, Any]:
    trail = linked(request).trails.get(trail_id)
    if trail is None:
        raise Problem(404, f"Keine Zitatspur mit der Kennung {trail_id!r}.")
    return trail.model_dump(mode="json")
