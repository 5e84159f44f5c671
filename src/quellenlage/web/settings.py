"""What the operator configures: the database, the tokens, the limits.

`quellenlage serve` fills these from its options and the environment; with more than one
worker, uvicorn imports the app in each process, so the settings travel as environment variables
(`from_environment`)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from quellenlage.reading.source import MAX_BYTES

ENV_DB = "QUELLENLAGE_DB"
ENV_INGEST_TOKEN = "QUELLENLAGE_INGEST_TOKEN"
ENV_READ_TOKEN = "QUELLENLAGE_READ_TOKEN"
ENV_MAX_BYTES = "QUELLENLAGE_MAX_BYTES"
ENV_MAX_CHARS = "QUELLENLAGE_MAX_CHARS"

# An article of 200,000 characters (about 30,000 words) is three times the longest news article
# we have seen and takes a few seconds to analyse; the CLI's 5 MB takes two minutes and 1.7 GB,
# which a server open to a newsroom should not grant to every request.
MAX_CHARS = 200_000


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    ingest_token: str | None = None
    read_token: str | None = None
    # the largest request body (an uploaded HTML page, a JSON or form body with a pasted text)
    max_bytes: int = MAX_BYTES
    # the longest article text analysed (after HTML extraction)
    max_chars: int = MAX_CHARS

    @property
    def max_body_bytes(self) -> int:
        """A form body encodes an umlaut as six bytes (%C3%A4), so a pasted text of `max_bytes`
        may arrive three times as large; the text itself is measured after decoding."""
        return 3 * self.max_bytes + 64 * 1024

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(
            db=os.environ.get(ENV_DB) or None,
            ingest_token=os.environ.get(ENV_INGEST_TOKEN) or None,
            read_token=os.environ.get(ENV_READ_TOKEN) or None,
            max_bytes=int(os.environ.get(ENV_MAX_BYTES) or MAX_BYTES),
            max_chars=int(os.environ.get(ENV_MAX_CHARS) or MAX_CHARS),
        )

    def to_environment(self) -> dict[str, str]:
        values = {
            ENV_DB: self.db,
            ENV_INGEST_TOKEN: self.ingest_token,
            ENV_READ_TOKEN: self.read_token,
            ENV_MAX_BYTES: str(self.max_bytes),
            ENV_MAX_CHARS: str(self.max_chars),
        }
        return {name: value for name, value in values.items() if value}
