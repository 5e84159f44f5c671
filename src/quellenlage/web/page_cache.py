"""Pages that stay the same while the corpus does, rendered once and kept.

The figure list, a figure, a story, the search page and an article (once the links are ready)
are functions of their address and of the corpus's current revisions: as long as no article is
added or revised, the same address gives the same page. Readers who ask for a page somebody just
read (the list of figures counting "Menschen", the search everyone runs after a news event) get
the kept bytes instead of waiting
behind each other for the same query and template (8 readers at once on one worker: p95 570 ms
for the figure list). The key holds the corpus's state (`Corpus.state`: number, highest and sum of
the current revision ids, one aggregate query), so an ingest or a revision makes every kept page
old at once; the oldest pages are dropped beyond `ENTRIES`. Only complete answers (200) are kept.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import ParamSpec
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from quellenlage.web.store import corpus_of

P = ParamSpec("P")
ENTRIES = 256
# headers a kept page carries again (the security headers are added by the middleware on the way out)
KEPT_HEADERS = ("content-type",)

_Key = tuple[int, str, tuple[int, int, int], str, str]
_PAGES: OrderedDict[_Key, tuple[bytes, dict[str, str]]] = OrderedDict()
_LOCK = threading.Lock()


def kept(endpoint: Callable[P, Response]) -> Callable[P, Response]:
    """An endpoint whose page is kept (it takes the request as the keyword `request`, as FastAPI
    passes it)."""

    @functools.wraps(endpoint)
    def keeping(*args: P.args, **kwargs: P.kwargs) -> Response:
        request = kwargs["request"]
        assert isinstance(request, Request)
        return kept_page(request, lambda: endpoint(*args, **kwargs))

    return keeping


def kept_page(request: Request, render: Callable[[], Response]) -> Response:
    """The page at this address for the corpus as it is: kept, else rendered (and kept when it
    is complete)."""
    corpus = corpus_of(request)
    # the app too: two apps of one process (tests) may render one address differently
    key = (id(request.app), corpus.url, corpus.state(), request.url.path, _query(request))
    with _LOCK:
        kept = _PAGES.get(key)
        if kept is not None:
            _PAGES.move_to_end(key)
    if kept is not None:
        body, headers = kept
        return Response(content=body, status_code=200, headers=headers)
    response = render()
    if response.status_code == 200 and isinstance(response.body, bytes):
        headers = {name: value for name, value in response.headers.items() if name in KEPT_HEADERS}
        with _LOCK:
            _PAGES[key] = (bytes(response.body), headers)
            _PAGES.move_to_end(key)
            while len(_PAGES) > ENTRIES:
                _PAGES.popitem(last=False)
    return response


def _query(request: Request) -> str:
    """The query string in a fixed order: ?a=1&b=2 and ?b=2&a=1 are one page."""
    return urlencode(sorted(request.query_params.multi_items()))


def forget() -> None:
    """Drop every kept page (tests)."""
    with _LOCK:
        _PAGES.clear()
