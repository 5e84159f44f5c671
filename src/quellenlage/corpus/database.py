"""Where the corpus lives and how we talk to it: the database URL, the engine, the migrations.

SQLite is the default (`./quellenlage.db`, or the file or URL in `QUELLENLAGE_DB`); a
`postgresql://…` URL selects PostgreSQL. Both get one schema, created and upgraded by the Alembic
migrations shipped in `corpus/migrations`, so an old database is upgraded when it is opened and a
database written by a newer Quellenlage is refused instead of being misread.

Writers serialise: SQLite write transactions start with BEGIN IMMEDIATE (so two ingests wait for
each other instead of failing on a stale read), PostgreSQL write transactions take one advisory
lock. Writing is a small part of an ingest's time (the analysis is the bottleneck), and one writer
at a time makes "nothing twice" a property of the transaction rather than of luck.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from quellenlage.errors import QuellenlageError

DEFAULT_FILE = "quellenlage.db"
ENV_VARIABLE = "QUELLENLAGE_DB"
# The advisory lock PostgreSQL writers take (any constant; "QL" in ASCII).
WRITE_LOCK = 0x514C
BUSY_TIMEOUT_MS = 60_000


class CorpusError(QuellenlageError):
    """The corpus database cannot be used as asked: unreachable, read-only, full, too new."""


def database_url(value: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for `value`: a URL as given, a file path as SQLite, None as the default.

    `postgresql://` and `postgres://` URLs use the psycopg 3 driver."""
    raw = str(value) if value is not None else os.environ.get(ENV_VARIABLE) or DEFAULT_FILE
    if raw.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    if "://" in raw:
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().absolute())


def describe(url: str) -> str:
    """The URL as it may be shown: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create_corpus_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise CorpusError(f"{url!r} is neither a file path nor a database URL") from error
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.get_backend_name() == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True)
        except (ImportError, SQLAlchemyError) as error:
            raise CorpusError(f"cannot use {describe(url)}: {error}") from error
    raise CorpusError(f"unsupported database {parsed.get_backend_name()!r}: use a SQLite file or a postgresql:// URL")


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).parent
        if not folder.is_dir():
            raise CorpusError(f"cannot create the database {database}: the folder {folder} does not exist")
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Transactions are ours (BEGIN below), not the sqlite3 module's implicit ones.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        try:
            cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            cursor.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL survives a killed process
        except Exception:  # noqa: S110 - a read-only database keeps the mode it has
            pass
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction that writes, serialised with every other writer of the database."""
    with translate_errors(engine), engine.connect() as raw:
        connection = raw.execution_options(write=True)
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
            yield connection


@contextmanager
def read_connection(engine: Engine) -> Iterator[Connection]:
    with translate_errors(engine), engine.connect() as connection:
        yield connection


@contextmanager
def translate_errors(engine: Engine) -> Iterator[None]:
    """Database failures a user can act on become one clear CorpusError."""
    try:
        yield
    except DBAPIError as error:
        raise CorpusError(explain(error, describe(str(engine.url)))) from error


# Driver messages and what they mean for the user, first match wins.
EXPLANATIONS = (
    (r"readonly database|read-only transaction|read only", "the database is read-only; give a writable one with --db"),
    (r"database or disk is full|could not extend file|no space left|DiskFull", "the disk (or database) is full"),
    (r"disk I/O error|could not write", "the database file could not be written (disk full or failing?)"),
    (r"unable to open database file", "the database file cannot be opened (missing folder or no permission)"),
    (r"file is not a database|file is encrypted", "the file is not a SQLite database"),
    (r"database is locked", "the database stayed locked by another process for over a minute"),
    (r"connection refused|could not connect|Connection refused|No such file or directory", "the server is unreachable"),
    (r"password authentication failed|role .* does not exist", "the server refused the login"),
    (r"database .* does not exist", "the database does not exist on the server (create it with createdb)"),
)


def explain(error: BaseException, where: str) -> str:
    message = str(getattr(error, "orig", None) or error).strip().splitlines()[0] if str(error).strip() else repr(error)
    for pattern, meaning in EXPLANATIONS:
        if re.search(pattern, message, re.IGNORECASE):
            return f"{where}: {meaning} ({message})"
    return f"{where}: database error: {message}"


def migrations_folder() -> str:
    return str(resources.files("quellenlage.corpus") / "migrations")


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema; refuse one written by a newer Quellenlage."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", migrations_folder())
    script = ScriptDirectory.from_config(config)
    heads = set(script.get_heads())
    with read_connection(engine) as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
        if current == heads:
            return
        unknown = {revision for revision in current if _unknown(script, revision)}
        if unknown:
            raise CorpusError(
                f"{describe(str(engine.url))} was written by a newer Quellenlage "
                f"(schema {', '.join(sorted(unknown))}); upgrade Quellenlage to use it"
            )
        if not current and _has_foreign_tables(connection):
            raise CorpusError(
                f"{describe(str(engine.url))} holds tables but is no Quellenlage corpus; give another --db"
            )
    with write_transaction(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


def _unknown(script: Any, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is None
    except CommandError:
        return True


def _has_foreign_tables(connection: Connection) -> bool:
    from sqlalchemy import inspect

    names = set(inspect(connection).get_table_names())
    return bool(names - {"alembic_version"}) and "articles" not in names
