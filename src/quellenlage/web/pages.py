"""The pages people read: Übersicht, Analyse, Artikel, Zahl, Person/Organisation, Suche, API-Doku.

Every page is rendered on the server and complete without JavaScript; forms are plain HTML forms.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from quellenlage.model import Analysis
from quellenlage.web.analysis import AnalysisRequest
from quellenlage.web.problems import Problem
from quellenlage.web.settings import Settings
from quellenlage.web.views import article_view

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, template, context, status_code=status_code)
    return response


def error_page(request: Request, problem: Problem) -> Response:
    response = render(request, "error.html", status_code=problem.status, problem=problem)
    response.headers.update(problem.headers)
    return response


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    from quellenlage.web.corpus_pages import corpus_overview

    return render(request, "overview.html", corpus=corpus_overview(request))


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> Response:
    return render(request, "analyse.html", form={})


@router.post("/analyse", response_class=HTMLResponse)
async def analyse(request: Request) -> Response:
    """Analyse a pasted text or an uploaded HTML page and show it, stored nowhere."""
    settings = settings_of(request)
    form = await request.form(max_files=1, max_fields=10, max_part_size=settings.max_body_bytes)
    text = str(form.get("text") or "")
    upload = form.get("file")
    published = str(form.get("published") or "") or None
    force = form.get("force") == "on"
    values = {"text": text, "published": published or "", "force": force}
    content: str | bytes = text
    if isinstance(upload, UploadFile) and upload.filename:
        content = await upload.read()
    if not content or (isinstance(content, str) and not content.strip()):
        return render(
            request,
            "analyse.html",
            status_code=422,
            form=values,
            error="Fügen Sie einen Text ein oder laden Sie eine HTML-Seite hoch.",
        )
    try:
        analysis: Analysis = await request.app.state.analyser.analyse(AnalysisRequest(content, published, force))
    except Problem as problem:
        return render(request, "analyse.html", status_code=problem.status, form=values, error=problem.detail)
    if form.get("format") == "json":
        return Response(
            analysis.to_json(),
            media_type="application/json",
            headers={"Content-Disposition": 'attachment; filename="analyse.json"'},
        )
    return render(
        request,
        "article.html",
        article=article_view(analysis),
        stored=False,
        analysis=analysis,
        can_store=bool(settings.ingest_token and request.app.state.corpus is not None),
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    """The OpenAPI documentation with the Swagger UI shipped in static/vendor (no CDN)."""
    return render(request, "docs.html")
