"""`quellenlage serve`: the web pages and the HTTP API on uvicorn."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from quellenlage.errors import QuellenlageError

HEALTHCHECK_SECONDS = 120


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser("serve", help="serve the web pages and the HTTP API (needs quellenlage[web])")
    serve.add_argument("--db", metavar="URL", help="corpus database: a file path or URL (default $QUELLENLAGE_DB)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="server processes (analyses run in parallel across them)")
    serve.add_argument(
        "--ingest-token-file",
        type=Path,
        help="file holding the token that POST /api/v1/articles and the store button need "
        "(or $QUELLENLAGE_INGEST_TOKEN); without one, nothing can be stored over HTTP",
    )
    serve.add_argument(
        "--read-token-file", type=Path, help="file holding a token that reading needs too (default: reading is open)"
    )
    serve.add_argument("--max-bytes", type=int, help="largest request body in bytes (default 5 MB)")
    serve.add_argument("--max-chars", type=int, help="longest article text analysed (default 200,000 characters)")
    serve.set_defaults(command=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError as error:
        raise QuellenlageError("serving needs the web extra: pip install 'quellenlage[web]'") from error
    from dataclasses import replace

    from quellenlage.web.settings import Settings

    settings = Settings.from_environment()
    if args.db:
        settings = replace(settings, db=args.db)
    if args.ingest_token_file:
        settings = replace(settings, ingest_token=_read_token(args.ingest_token_file))
    if args.read_token_file:
        settings = replace(settings, read_token=_read_token(args.read_token_file))
    if args.max_bytes:
        settings = replace(settings, max_bytes=args.max_bytes)
    if args.max_chars:
        settings = replace(settings, max_chars=args.max_chars)
    if args.workers < 1:
        raise QuellenlageError("--workers must be at least 1")
    os.environ.update(settings.to_environment())  # each worker process builds its app from these
    uvicorn.run(
        "quellenlage.web.app:create_app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        server_header=False,
        # An analysis holds the GIL in spaCy's C code for seconds on a busy machine; uvicorn's
        # default 5-second health check would kill such a worker in the middle of a request.
        timeout_worker_healthcheck=HEALTHCHECK_SECONDS,
    )
    return 0


def _read_token(path: Path) -> str:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise QuellenlageError(f"cannot read the token file {path}: {error.strerror}") from error
    if len(token) < 16:
        raise QuellenlageError(f"the token in {path} is too short: use at least 16 characters")
    return token
