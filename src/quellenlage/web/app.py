"""The web application: pages for people, the API for programs, one set of security rules.

`create_app(settings)` builds it; `quellenlage serve` runs it on uvicorn. Pages are rendered on
the server with Jinja2 (autoescape on: article text is untrusted) and work without JavaScript."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from quellenlage import __version__
from quellenlage.errors import QuellenlageError
from quellenlage.web import api, corpus_api, corpus_pages, linked, linked_api, linked_pages, pages
from quellenlage.web.analysis import Analyser
from quellenlage.web.labels import figure_title, german_number
from quellenlage.web.problems import Problem, problem_response, wants_html
from quellenlage.web.security import BodyLimit, SecurityHeaders, require_read
from quellenlage.web.settings import Settings
from quellenlage.web.store import open_corpus
from quellenlage.web.views import entity_href

HERE = Path(__file__).parent
log = logging.getLogger("quellenlage.web")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="Quellenlage",
        version=__version__,
        description="Wer sagt was, mit welchen Zahlen, über wen, wann: deutsche Nachrichten analysiert.",
        docs_url=None,  # served by pages.docs with the vendored Swagger UI, never from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
        dependencies=[Depends(require_read)],
    )
    app.state.settings = settings
    app.state.analyser = Analyser(settings)
    app.state.templates = templates()
    app.state.corpus = open_corpus(settings.db)
    app.state.linking = linked.warm(app.state.corpus)
    app.include_router(api.router)
    app.include_router(corpus_api.router)
    app.include_router(pages.router)
    app.include_router(corpus_pages.router)
    app.include_router(linked_api.router)
    app.include_router(linked_pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def create_app_from_environment() -> FastAPI:
    """The factory uvicorn calls in each worker process (settings from the environment)."""
    return create_app(Settings.from_environment())


def templates() -> Jinja2Templates:
    environment = Jinja2Templates(directory=HERE / "templates")
    environment.env.autoescape = True  # every template, whatever its name ends with
    environment.env.trim_blocks = True
    environment.env.lstrip_blocks = True
    environment.env.filters["when"] = when
    environment.env.filters["number"] = german_number
    environment.env.filters["figure_title"] = figure_title
    environment.env.globals["entity_href"] = entity_href
    return environment


def when(value: str | datetime | None) -> str:
    """A stored publication time as people read it: 2025-03-15 19:25."""
    if not value:
        return "–"
    text = value.isoformat() if isinstance(value, datetime) else value
    return text[:16].replace("T", " ")


def _add_error_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, problem: Problem) -> Response:
        if wants_html(request):
            return pages.error_page(request, problem)
        return problem_response(request, problem)

    async def on_http_error(request: Request, error: HTTPException) -> Response:
        detail = error.detail if isinstance(error.detail, str) else "Fehler"
        if error.status_code == 404:
            detail = "Diese Seite oder dieser Eintrag existiert nicht."
        return await on_problem(request, Problem(error.status_code, detail, headers=dict(error.headers or {})))

    async def on_validation_error(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return await on_problem(request, Problem(422, f"{where}: {first.get('msg', 'ungültig')}"))

    async def on_corpus_error(request: Request, error: QuellenlageError) -> Response:
        log.error("corpus error on %s: %s", request.url.path, error)
        return await on_problem(request, Problem(503, f"Das Korpus ist nicht erreichbar: {error}"))

    async def on_unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return await on_problem(
            request, Problem(500, "Ein unerwarteter Fehler ist aufgetreten; er wurde protokolliert.")
        )

    app.add_exception_handler(Problem, on_problem)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, on_http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, on_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(QuellenlageError, on_corpus_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, on_unexpected)
