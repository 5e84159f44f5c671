"""The web layer: pages and the HTTP API over the analysis and the corpus (`quellenlage serve`).

It only calls the analysis (`quellenlage.analyze`) and the corpus and linking query functions;
it writes no SQL of its own. Install with `pip install quellenlage[web]`."""

from quellenlage.web.app import create_app
from quellenlage.web.settings import Settings

__all__ = ["Settings", "create_app"]
