"""The HTTP API, version 1 (`/api/v1`): the analysis of one article, and the corpus.

`POST /api/v1/analyze` answers exactly the JSON of `quellenlage analyze --format json` (the
schema of `model.py`, its version in `schema_version`). Errors are problem details
(`application/problem+json`)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from quellenlage import __version__
from quellenlage.model import SCHEMA_VERSION, Analysis, json_schema
from quellenlage.web.analysis import AnalysisRequest
from quellenlage.web.problems import Problem

API_VERSION = "1"
PREFIX = "/api/v1"


class AnalyzeBody(BaseModel):
    """One article: its plain text or its HTML page (exactly one of the two)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article's HTML page; its main text is extracted")
    published: str | None = Field(None, description="reference date for relative dates, YYYY-MM-DD")
    force: bool = Field(False, description="analyse text that does not look German")


ANALYZE_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": AnalyzeBody.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}
PROBLEM_DOC: dict[str, Any] = {"content": {"application/problem+json": {}}}

router = APIRouter(prefix=PREFIX, tags=["API v1"])


@router.get("", summary="Version of the API and of the analysis schema")
def index() -> dict[str, str]:
    return {"api_version": API_VERSION, "schema_version": SCHEMA_VERSION, "quellenlage": __version__}


@router.get("/schema", summary="The JSON schema of an analysis (as `quellenlage schema`)")
def schema() -> dict[str, object]:
    return json_schema()


@router.post(
    "/analyze",
    summary="Analyse one article without storing it",
    response_class=Response,
    responses={
        200: {"model": Analysis, "description": "the analysis, as `quellenlage analyze --format json`"},
        413: {"description": "the body or the article is over the limit", **PROBLEM_DOC},
        415: {"description": "a body that is neither JSON, text/plain nor text/html", **PROBLEM_DOC},
        422: {"description": "input that cannot be analysed (empty, binary, not German)", **PROBLEM_DOC},
    },
    openapi_extra=ANALYZE_BODY_DOC,
)
async def analyze(
    request: Request,
    published: str | None = Query(None, description="reference date for a raw text/plain or text/html body"),
    force: bool = Query(False, description="analyse text that does not look German (raw bodies)"),
    tokens: bool = Query(False, description="include the tokens with lemma, POS and morphology"),
) -> Response:
    job = await analysis_request(request, published, force)
    analysis = await request.app.state.analyser.analyse(job)
    return Response(analysis.to_json(tokens=tokens, indent=None), media_type="application/json")


async def analysis_request(request: Request, published: str | None, force: bool) -> AnalysisRequest:
    """The article of a request body: JSON {"text"} or {"html"}, or a raw text or HTML body."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if media_type in ("text/plain", "text/html"):
        return AnalysisRequest(body, published, force)
    if media_type != "application/json":
        raise Problem(415, 'Senden Sie JSON ({"text": …} oder {"html": …}), text/plain oder text/html.')
    try:
        parsed = AnalyzeBody.model_validate(json.loads(body))
    except (ValueError, ValidationError) as error:
        raise Problem(422, f"Der JSON-Inhalt passt nicht: {_first_error(error)}") from error
    if (parsed.text is None) == (parsed.html is None):
        raise Problem(422, 'Geben Sie genau eines von "text" und "html" an.')
    content = parsed.text if parsed.text is not None else parsed.html
    assert content is not None
    return AnalysisRequest(content, parsed.published, parsed.force)


def _first_error(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return str(error)
