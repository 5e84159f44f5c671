"""The pages of the corpus linked across articles: Zahlen (corpus figures with their lineage and
chart), Geschichten (stories with their timeline) and Zitatspuren (one quotation's way through
the corpus). They read the links through `web.linked` and filter with `linking.select`, as the
API does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from quellenlage.errors import QuellenlageError
from quellenlage.web.labels import STATUS, label
from quellenlage.web.linked import (
    CHANGES,
    VARIANTS,
    figure_page,
    figure_page_view,
    linked,
    quote_href,
    value_range,
)
from quellenlage.web.page_cache import kept
from quellenlage.web.pages import render
from quellenlage.web.problems import Problem

T = TypeVar("T")

router = APIRouter(include_in_schema=False)
LIST_PAGE = 25


def list_page(found: Sequence[T], page: int, error: str | None) -> tuple[Sequence[T], dict[str, Any]]:
    """The items of one page of a list page and what its template needs to say where it stands (total, page,
    whether more follow, the error; 422 when the filters were refused)."""
    shown = found[(page - 1) * LIST_PAGE : page * LIST_PAGE]
    standing = {
        "total": len(found),
        "page": page,
        "more": page * LIST_PAGE < len(found),
        "error": error,
        "status_code": 422 if error else 200,
    }
    return shown, standing


@router.get("/figures", response_class=HTMLResponse)
@kept
def figures_page(
    request: Request,
    counts: str = Query("", max_length=200),
    source: str = Query("", max_length=200),
    outlet: str = Query("", max_length=200),
    status: str = Query("", max_length=20),
    since: str = Query("", max_length=40),
    until: str = Query("", max_length=40),
    divergent: bool = Query(False),
    page: int = Query(1, ge=1, le=1000),
) -> Response:
    """The corpus figures whose words, sources, outlets, status and time match, most reported first."""
    from quellenlage.linking.select import Period, figures_where

    index = linked(request)
    form = {
        "counts": counts,
        "source": source,
        "outlet": outlet,
        "status": status,
        "since": since,
        "until": until,
        "divergent": divergent,
    }
    found: list[Any] = []
    error = None
    try:
        found = figures_where(
            index.links,
            words=counts.split(),
            source=source or None,
            outlet=outlet or None,
            status=status or None,
            divergent=True if divergent else None,
            period=Period.between(since or None, until or None),
        )
    except QuellenlageError as problem:
        error = str(problem)
    shown, standing = list_page(found, page, error)
    return render(
        request,
        "figures.html",
        nav="figures",
        form=form,
        figures=[(f, value_range(f), index.story_title(f.story)) for f in shown],
        statuses=STATUS,
        figure_page=figure_page,
        **standing,
    )


@router.get("/figures/of", response_class=HTMLResponse)
def figure_of_claim(
    request: Request, article: str = Query(..., max_length=200), claim: str = Query(..., max_length=40)
) -> Response:
    """The corpus figure an article's claim belongs to (a link that lasts while the corpus grows)."""
    figure = linked(request).figure_of.get((article, claim))
    if figure is None:
        raise Problem(404, f"Die Zahl {claim!r} des Artikels {article!r} gehört zu keiner Zahl im Korpus.")
    return RedirectResponse(figure_page(figure), status_code=303)


@router.get("/figures/{figure_id}", response_class=HTMLResponse)
@kept
def figure_detail(request: Request, figure_id: str) -> Response:
    """One figure across the corpus: every value with qualifier, unit, source, status, outlet and
    time, how each relates to the ones before (update or divergence), and the chart."""
    index = linked(request)
    figure = index.figures.get(figure_id)
    if figure is None:
        raise Problem(404, f"Keine Zahl mit der Kennung {figure_id!r}; suchen Sie sie unter /figures.")
    return render(request, "figure.html", nav="figures", view=figure_page_view(index, figure), changes=CHANGES)


@router.get("/stories", response_class=HTMLResponse)
@kept
def stories_page(
    request: Request,
    words: str = Query("", max_length=200),
    outlet: str = Query("", max_length=200),
    since: str = Query("", max_length=40),
    until: str = Query("", max_length=40),
    page: int = Query(1, ge=1, le=1000),
) -> Response:
    from quellenlage.linking.select import Period, stories_where

    index = linked(request)
    form = {"words": words, "outlet": outlet, "since": since, "until": until}
    found: list[Any] = []
    error = None
    try:
        found = stories_where(
            index.links,
            index.articles,
            words=words or None,
            outlet=outlet or None,
            period=Period.between(since or None, until or None),
        )
    except QuellenlageError as problem:
        error = str(problem)
    shown, standing = list_page(found, page, error)
    return render(
        request,
        "stories.html",
        nav="stories",
        form=form,
        stories=[(s, [index.articles[a] for a in s.articles if a in index.articles]) for s in shown],
        **standing,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
@kept
def story_detail(request: Request, story_id: str) -> Response:
    """One story: its articles in timeline order, with wire copies, figures and quotation trails."""
    index = linked(request)
    story = index.stories.get(story_id)
    if story is None:
        raise Problem(404, f"Keine Geschichte mit der Kennung {story_id!r}.")
    members = index.in_story.get(story_id, {})
    wire_of = {a: g for g in index.links.wire_groups if g.id in members.get("wire_groups", []) for a in g.articles}
    figures = [index.figures[f] for f in members.get("figures", [])]
    return render(
        request,
        "story.html",
        nav="stories",
        story=story,
        timeline=[(index.articles[a], wire_of.get(a)) for a in story.articles if a in index.articles],
        figures=sorted(((f, value_range(f)) for f in figures), key=lambda pair: -pair[0].independent),
        trails=[index.trails[t] for t in members.get("trails", [])],
        figure_page=figure_page,
    )


@router.get("/trails/{trail_id}", response_class=HTMLResponse)
@kept
def trail_detail(request: Request, trail_id: str) -> Response:
    """One statement's way through the corpus: where it appeared, verbatim, shortened or altered."""
    index = linked(request)
    trail = index.trails.get(trail_id)
    if trail is None:
        raise Problem(404, f"Keine Zitatspur mit der Kennung {trail_id!r}.")
    return render(
        request,
        "trail.html",
        nav="stories",
        trail=trail,
        story_title=index.story_title(trail.story),
        variants=VARIANTS,
        label=label,
        quote_href=quote_href,
    )
