"""Analysing one article for a request: the limits, the worker thread, the errors as problems.

The pipeline is CPU-bound and holds the GIL, so one analysis runs at a time per server process
(more threads would only share one core and multiply memory); page requests keep being served
meanwhile. Throughput grows with server workers (`quellenlage serve --workers`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import anyio
from anyio import CapacityLimiter

from quellenlage.errors import InputError
from quellenlage.model import Analysis
from quellenlage.reading import Article, read_article
from quellenlage.web.labels import german_number
from quellenlage.web.problems import Problem
from quellenlage.web.settings import Settings


@dataclass(frozen=True)
class AnalysisRequest:
    content: str | bytes
    published: str | None = None
    force: bool = False


class Analyser:
    """Runs `quellenlage.analyze` off the event loop, one at a time, within the limits."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._limiter: CapacityLimiter | None = None

    @property
    def limiter(self) -> CapacityLimiter:
        if self._limiter is None:  # created inside the running event loop
            self._limiter = CapacityLimiter(1)
        return self._limiter

    async def analyse(self, request: AnalysisRequest) -> Analysis:
        return await anyio.to_thread.run_sync(partial(self.analyse_now, request), limiter=self.limiter)

    def analyse_now(self, request: AnalysisRequest) -> Analysis:
        from quellenlage.pipeline import analyze

        try:
            article = read_article(request.content, max_bytes=self.settings.max_bytes)
            self.check_length(article)
            return analyze(article, request.published or None, force=request.force)
        except InputError as error:
            status = 413 if "limit" in str(error) else 422
            raise Problem(status, str(error)) from error

    def check_length(self, article: Article) -> None:
        if len(article.text) > self.settings.max_chars:
            raise Problem(
                413,
                f"Der Artikeltext hat {german_number(len(article.text))} Zeichen, mehr als die Grenze von "
                f"{german_number(self.settings.max_chars)} Zeichen für eine Analyse auf diesem Server; "
                "teilen Sie ihn auf oder analysieren Sie ihn mit `quellenlage analyze`.",
            )
