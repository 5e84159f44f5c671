"""The pages in a real headless Chromium (Debian's `chromium`, driven by Playwright; no browser is
downloaded): quotations highlighted exactly as the analysis found them, tooltips on hover and
focus, the chart drawn, hostile article text inert, the API docs working offline.

Screenshots go to build/screenshots (or $QUELLENLAGE_SCREENSHOTS) for people to look at."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
playwright_api = pytest.importorskip("playwright.sync_api")

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from quellenlage.web import Settings, create_app  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "000_672791c411a9ad6f.txt"
SCREENSHOTS = Path(os.environ.get("QUELLENLAGE_SCREENSHOTS", REPO / "build" / "screenshots"))
HOSTILE_TEXT = (
    "Berlin. Die Regierung hat am Montag neue Zahlen vorgelegt. "
    "„<script>window.pwned = 1</script> Wir sind zufrieden“, sagte Kanzler Olaf Scholz der Zeitung. "
    '<img src="x" onerror="window.pwned = 2"> Nach Angaben des Ministeriums kamen mehr als 10.000 Menschen. '
    '<a href="javascript:window.pwned=3" id="evil">Mehr lesen</a> Die Opposition sagte, es seien '
    '"<b onmouseover="window.pwned=4">nur</b>" rund 8.000 gewesen. '
    "Der Bericht soll am Freitag erscheinen, erklärte ein Sprecher des Ministeriums."
)
HOSTILE_PAGE = (
    '<!doctype html><html><head><title>Gefährlich"><script>window.pwned=5</script></title>'
    '<meta property="article:published_time" content="2024-11-04"></head><body><article>'
    "<h1>Neue Zahlen <img src=x onerror=window.pwned=6></h1>"
    "<p>Die Regierung hat am Montag neue Zahlen vorgelegt, sagte ein Sprecher. "
    "&lt;script&gt;window.pwned=7&lt;/script&gt; Nach Angaben des Ministeriums kamen mehr als 10.000 Menschen.</p>"
    '<p><a href="javascript:window.pwned=8">Mehr</a> Die Opposition sagte, es seien nur rund 8.000 gewesen.</p>'
    "<script>window.pwned=9</script></article></body></html>"
)


def _dev_corpus() -> str | None:
    """The small stored corpus, when the corpus layer is installed."""
    try:
        import quellenlage.corpus  # noqa: F401
    except ImportError:
        return None
    from web_corpus import dev_corpus

    return dev_corpus()


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing: .ci/run installs it with apt-get install chromium")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with _serve(_dev_corpus()) as url:
        yield url


@contextlib.contextmanager
def _serve(db: str | None) -> Iterator[str]:
    """The app on uvicorn on a free loopback port, in a thread."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(db=db)), log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.dialogs = []
    page.outside = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "request",
        lambda request: None if request.url.startswith((server, "data:")) else page.outside.append(request.url),
    )
    yield page
    context.close()


@pytest.fixture(scope="module")
def example_analysis(server) -> dict:
    response = httpx.post(f"{server}/api/v1/analyze", json={"text": EXAMPLE.read_text(encoding="utf-8")}, timeout=60)
    assert response.status_code == 200
    return response.json()


def _analyse(page, server: str, text: str) -> None:
    page.goto(f"{server}/analyse")
    page.get_by_label("Artikeltext").fill(text)
    page.get_by_role("button", name="Analysieren").click()
    page.wait_for_selector("article.text")


def test_highlighted_spans_match_the_analysis(page, server, example_analysis):
    _analyse(page, server, EXAMPLE.read_text(encoding="utf-8"))
    marked = page.evaluate(
        """() => {
        const texts = {};
        for (const element of document.querySelectorAll('mark[data-quote]')) {
            texts[element.dataset.quote] = (texts[element.dataset.quote] || '') + element.textContent;
        }
        return texts;
    }"""
    )
    expected = {quote["id"]: quote["content"]["text"] for quote in example_analysis["quotes"]}
    assert marked == expected
    numbers = page.eval_on_selector_all("[data-claim].num", "els => els.map(e => [e.dataset.claim, e.textContent])")
    assert dict(numbers) == {claim["id"]: claim["number"]["text"] for claim in example_analysis["claims"]}

    first = page.locator("mark[data-quote='q2']").first
    first.focus()  # keyboard: the first piece of every quotation is in the tab order
    assert page.evaluate("() => document.activeElement.dataset.quote") == "q2"
    tip = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
    assert "Sprecher: NATO" in tip and "Status:" in tip and "Art:" in tip and "Verb:" in tip
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "analyse-artikel.png"))

    page.locator("mark[data-quote='q3']").first.hover()
    hover_tip = page.evaluate(
        "() => getComputedStyle(document.querySelector(\"mark[data-quote='q3']\"), '::after').content"
    )
    assert "Sprecher: Ukraine" in hover_tip

    chart = page.locator("#figure-f1 svg.chart")
    marks = chart.locator("g.mark")
    assert marks.count() == len(example_analysis["figures"][0]["claims"])
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert chart.locator("circle, rect, path").count() >= marks.count()
    page.locator("#figure-f1").screenshot(path=str(SCREENSHOTS / "analyse-zahl.png"))
    assert not page.outside and not page.dialogs


def test_hostile_article_executes_nothing(page, server):
    _analyse(page, server, HOSTILE_TEXT)
    assert "<script>window.pwned = 1</script>" in page.locator("article.text").inner_text()
    assert page.locator("article.text img, article.text script, #evil").count() == 0
    for element in page.locator("article.text mark, article.text a").all():
        element.hover()
    page.locator("mark[data-quote]").first.focus()

    page.goto(f"{server}/analyse")
    page.set_input_files(
        "#file", files=[{"name": "boese.html", "mimeType": "text/html", "buffer": HOSTILE_PAGE.encode()}]
    )
    page.get_by_role("button", name="Analysieren").click()
    page.wait_for_selector("article.text")
    assert page.locator("main script, main img").count() == 0
    for element in page.locator("main a").all():
        assert not (element.get_attribute("href") or "").lower().startswith("javascript:")
    assert page.evaluate("() => window.pwned") is None
    assert not page.dialogs and not page.outside

    five_mb = ("Die Regierung sagte, es gebe keine neuen Zahlen. <script>window.pwned=10</script> " * 70_000)[
        : 5 * 1024 * 1024
    ]
    refused = httpx.post(f"{server}/analyse", data={"text": five_mb}, timeout=60)
    assert refused.status_code == 413
    page.goto(f"{server}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Quellenlage"
    assert page.evaluate("() => window.pwned") is None


def test_api_docs_work_offline(page, server):
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path", timeout=20_000)
    assert "/api/v1/analyze" in page.locator(".swagger-ui").inner_text()
    assert not page.outside


def test_pages_are_usable_by_keyboard(page, server):
    page.goto(f"{server}/analyse")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Zum Inhalt springen"
    for field in ("text", "file", "published", "force"):
        assert page.locator(f"label[for='{field}']").count() == 1


def _marked_quotes(page) -> dict[str, str]:
    return page.evaluate(
        """() => {
        const texts = {};
        for (const element of document.querySelectorAll('mark[data-quote]')) {
            texts[element.dataset.quote] = (texts[element.dataset.quote] || '') + element.textContent;
        }
        return texts;
    }"""
    )


def test_corpus_pages_from_article_to_speaker_to_figure(page, server):
    if _dev_corpus() is None:
        pytest.skip("the corpus layer is not installed")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{server}/")
    assert page.get_by_role("heading", name="Meistzitiert").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "uebersicht.png"), full_page=True)
    page.locator("#neu-h + table a").first.click()
    page.wait_for_selector("article.text")

    article = httpx.get(f"{server}/api/v1/claims", params={"source": "Korbinian Stadler"}).json()["items"][0]
    page.goto(f"{server}/articles/{article['article_id']}")
    analysis = httpx.get(f"{server}/api/v1/articles/{article['article_id']}/analysis").json()
    assert _marked_quotes(page) == {q["id"]: q["content"]["text"] for q in analysis["quotes"]}
    page.screenshot(path=str(SCREENSHOTS / "artikel.png"), full_page=True)

    page.locator(".legend a", has_text="Korbinian Stadler").click()
    page.wait_for_selector("h1:has-text('Korbinian Stadler')")
    assert page.locator("svg.chart g.bar").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "person.png"), full_page=True)

    assert page.locator("#spuren-h").count() <= 1
    page.locator("a.figure-link").first.click()
    page.wait_for_selector("svg.chart")
    assert re.fullmatch(r".*/figures/[^/?]+", page.url), "the claim's corpus figure, by its id"
    figure = httpx.get(f"{server}/api/v1/figures/{page.url.rsplit('/', 1)[1]}").json()
    chart = page.locator("svg.chart")
    marks = chart.locator("g.mark")
    distinct = {(c["article"], c["source_key"] or c["source"], c["value"], c["qualifier"]) for c in figure["claims"]}
    assert marks.count() == len(distinct) >= 1 and chart.bounding_box()["height"] > 50
    assert chart.locator("g.mark circle, g.mark rect, g.mark path, g.mark line").count() >= marks.count()
    assert page.locator("table.lineage tbody tr").count() == len(figure["claims"])
    page.screenshot(path=str(SCREENSHOTS / "zahl.png"), full_page=True)

    page.goto(f"{server}/figures?divergent=true")
    page.locator("table.figures a").first.click()
    page.wait_for_selector("svg.chart g.mark.divergent")
    assert page.locator("table.lineage tr.divergent").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "zahl-abweichend.png"), full_page=True)
    page.locator("a[href^='/stories/']").first.click()
    page.wait_for_selector("h2#verlauf-h")
    page.screenshot(path=str(SCREENSHOTS / "geschichte.png"), full_page=True)

    page.goto(f"{server}/search?q=Polizei")
    page.get_by_label("Art des Zitats").select_option("direct")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_selector("h1:has-text('Suche')")
    assert "kind=direct" in page.url
    page.screenshot(path=str(SCREENSHOTS / "suche.png"), full_page=True)
    assert not page.outside and not page.dialogs


def test_hostile_articles_linked_across_the_corpus_execute_nothing(browser):
    """Two hostile articles joined into a story, a wire group, figures and quotation trails: every
    linked page shows their markup as text, and nothing of it runs."""
    if _dev_corpus() is None:
        pytest.skip("the corpus layer is not installed")
    from web_corpus import hostile_corpus

    with _serve(hostile_corpus()) as base:
        context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        stories = httpx.get(f"{base}/api/v1/stories").json()["items"]
        figures = httpx.get(f"{base}/api/v1/figures", params={"limit": 100}).json()["items"]
        trails = httpx.get(f"{base}/api/v1/trails").json()["items"]
        assert stories and figures and trails
        paths = ["/", "/figures", "/stories", f"/stories/{stories[0]['id']}", "/articles/boese-1"]
        paths += [f"/figures/{f['id']}" for f in figures] + [f"/trails/{t['id']}" for t in trails]
        for path in paths:
            page.goto(base + path)
            assert page.locator("main script, main img, main b, main i").count() == 0, path
            for link in page.locator("main a").all():
                assert not (link.get_attribute("href") or "").lower().startswith("javascript:"), path
            for mark in page.locator("main mark, main td, svg.chart g.mark").all()[:40]:
                mark.hover(force=True)
            assert page.evaluate("() => window.pwned") is None, path
        page.goto(f"{base}/stories/{stories[0]['id']}")
        assert "<script>window.pwned=1</script>" in page.get_by_role("heading", level=1).inner_text()
        page.screenshot(path=str(SCREENSHOTS / "geschichte-feindselig.png"), full_page=True)
        assert not dialogs
        context.close()
