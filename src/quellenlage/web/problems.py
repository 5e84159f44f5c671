"""Errors as RFC 9457 problem details (`application/problem+json`) for the API, and as a page
for people. Never a traceback: an unexpected error is logged and answered with a plain 500."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

PROBLEM_TYPE = "application/problem+json"
TITLES = {
    400: "Ungültige Anfrage",
    401: "Anmeldung erforderlich",
    403: "Nicht erlaubt",
    404: "Nicht gefunden",
    405: "Methode nicht erlaubt",
    413: "Eingabe zu groß",
    415: "Nicht unterstützter Inhaltstyp",
    422: "Eingabe nicht analysierbar",
    500: "Interner Fehler",
    501: "Noch nicht verfügbar",
    503: "Nicht verfügbar",
}


class Problem(Exception):
    """An error the client can act on: status, a German title and a detail saying what to do."""

    def __init__(
        self, status: int, detail: str, title: str | None = None, headers: dict[str, str] | None = None, **extra: Any
    ):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title or TITLES.get(status, "Fehler")
        self.headers = headers or {}
        self.extra = extra


def problem_response(request: Request | None, problem: Problem) -> JSONResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        **problem.extra,
    }
    if request is not None:
        body["instance"] = request.url.path
    return JSONResponse(body, status_code=problem.status, media_type=PROBLEM_TYPE, headers=problem.headers)


def wants_html(request: Request) -> bool:
    """Pages answer people with a page; /api and anything asking for JSON get problem JSON."""
    if request.url.path.startswith("/api/"):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "json" not in accept
