"""Alembic environment: migrations run on the connection `quellenlage.corpus.database.upgrade` hands over.

Run them by opening a corpus (`quellenlage.Corpus(url)` or any `quellenlage` corpus command); the
`alembic` command line also works with `-x url=…` for developers writing a new migration.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

connection = context.config.attributes.get("connection")
if connection is None:  # the alembic command line: `alembic -x url=sqlite:///corpus.db upgrade heads`
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("give the database with -x url=…")
    with create_engine(url).begin() as own:
        context.configure(connection=own, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
