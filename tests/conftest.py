"""Shared fixtures: corpus databases on SQLite and on a real PostgreSQL server.

PostgreSQL tests use the server in QUELLENLAGE_TEST_POSTGRES (`.ci/run` starts a throwaway one
with `.ci/postgres.sh`); each test gets a database of its own. Without that variable they skip,
except under CI, where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
POSTGRES = os.environ.get("QUELLENLAGE_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgresql"]


def _postgres_database() -> Iterator[str]:
    if not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests: source .ci/postgres.sh first (.ci/run does)")
        pytest.skip("no PostgreSQL server given (QUELLENLAGE_TEST_POSTGRES)")
    import psycopg

    name = f"ql_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _database(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield str(folder / "corpus.db")
    else:
        yield from _postgres_database()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty corpus database, on each backend in turn (a file path or a URL)."""
    yield from _database(request.param, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def module_database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty database shared by the tests of a module, on each backend in turn."""
    yield from _database(request.param, tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """An empty database on the PostgreSQL test server."""
    yield from _postgres_database()


@pytest.fixture(scope="session")
def dev_articles() -> Path:
    path = SHARED / "corpus" / "dev" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("the dev corpus (../shared/corpus/dev) is not available")
    return path
