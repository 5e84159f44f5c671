"""What keeps untrusted article text harmless and the server up: security headers with a strict
Content-Security-Policy, a limit on request bodies, and the operator's tokens.

The pages run no script at all (`script-src` is not granted), so even markup that escaped
escaping could not execute; only the API documentation page runs the vendored Swagger UI, from
our own origin. Pure ASGI middleware, so the checks cost nothing per request worth measuring."""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request

from quellenlage.web.labels import german_number
from quellenlage.web.problems import PROBLEM_TYPE, TITLES, Problem

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PAGE_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI sets inline styles from its React components; scripts still come only from us.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
COMMON_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class SecurityHeaders:
    """Adds the Content-Security-Policy and the other headers to every response."""

    def __init__(self, app: ASGIApp, docs_path: str = "/docs"):
        self.app = app
        self.docs_path = docs_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"] == self.docs_path else PAGE_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                headers.append((b"content-security-policy", policy.encode()))
                headers.extend(COMMON_HEADERS)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413 before the app reads them: at once when
    Content-Length says so, else as soon as the streamed body passes the limit."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            {
                "type": "about:blank",
                "title": TITLES[413],
                "status": 413,
                "detail": f"Der Inhalt der Anfrage ist größer als {german_number(self.limit)} Bytes.",
            },
            ensure_ascii=False,
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", PROBLEM_TYPE.encode()), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def presented_token(request: Request) -> str | None:
    """The token a client sent: `Authorization: Bearer T`, or Basic with T as the password (what a
    browser sends after asking its user, so the pages need no script to log in)."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip()).decode("utf-8").partition(":")[2]
        except (ValueError, UnicodeDecodeError):
            return None
    return None


def token_matches(presented: str | None, expected: str) -> bool:
    return presented is not None and secrets.compare_digest(presented.encode(), expected.encode())


def require_read(request: Request) -> None:
    """Reading is open unless the operator configured a read token (the ingest token reads too)."""
    read_token = request.app.state.settings.read_token
    ingest_token = request.app.state.settings.ingest_token
    presented = presented_token(request)
    if read_token and not (
        token_matches(presented, read_token) or (ingest_token and token_matches(presented, ingest_token))
    ):
        raise Problem(
            401,
            "Dieser Server verlangt ein Lese-Token (Authorization: Bearer …, oder als Passwort der Anmeldung).",
            headers={"WWW-Authenticate": 'Basic realm="Quellenlage", charset="UTF-8"'},
        )


def require_ingest(presented: str | None, ingest_token: str | None) -> None:
    """Storing needs the operator's ingest token; without one configured, nothing can be stored."""
    if not ingest_token:
        raise Problem(
            403,
            "Speichern ist auf diesem Server abgeschaltet: der Betreiber hat kein Token gesetzt "
            "(quellenlage serve --ingest-token-file …).",
        )
    if not token_matches(presented, ingest_token):
        raise Problem(401, "Falsches oder fehlendes Token zum Speichern.")
