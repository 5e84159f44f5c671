"""The HTTP API and the pages through FastAPI's test client: the same JSON as the CLI, problem
details for every error, security headers, limits, and hostile article text kept inert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from quellenlage.cli import main  # noqa: E402
from quellenlage.web import Settings, create_app  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "000_672791c411a9ad6f.txt"
HOSTILE = (
    "Berlin. Die Regierung hat am Montag neue Zahlen vorgelegt. "
    "„<script>window.pwned = 1</script> Wir sind zufrieden“, sagte Kanzler Olaf Scholz der Zeitung. "
    '<img src="x" onerror="window.pwned = 1"> Nach Angaben des Ministeriums kamen mehr als 10.000 Menschen. '
    '<a href="javascript:window.pwned=1">Mehr lesen</a> Die Opposition sagte, es seien "<b onmouseover=alert(1)>" '
    "nur rund 8.000 gewesen. Der Bericht soll am Freitag erscheinen, erklärte ein Sprecher des Ministeriums."
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Settings(ingest_token="x" * 20)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def example_json(client) -> dict:
    response = client.post("/api/v1/analyze", json={"text": EXAMPLE.read_text(encoding="utf-8")})
    assert response.status_code == 200, response.text
    return response.json()


def test_analyze_answers_the_json_of_the_cli(example_json, capsys):
    assert main(["analyze", "--format", "json", str(EXAMPLE)]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert example_json == cli


def test_analyze_takes_raw_text_and_html(client, example_json):
    raw = client.post(
        "/api/v1/analyze",
        content=EXAMPLE.read_bytes(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert raw.status_code == 200 and raw.json()["quotes"] == example_json["quotes"]
    page = "<html><head><title>T</title></head><body><article>" + "".join(
        f"<p>{paragraph}</p>" for paragraph in HOSTILE.split(". ")
    )
    page += "</article></body></html>"
    html = client.post("/api/v1/analyze", json={"html": page})
    assert html.status_code == 200 and html.json()["input_format"] == "html"
    assert "<script" not in html.json()["text"]


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"<xml/>", {"content-type": "application/xml"}, 415),
        (b"{not json", {"content-type": "application/json"}, 422),
        (json.dumps({"text": "a", "html": "b"}).encode(), {"content-type": "application/json"}, 422),
        (json.dumps({"txt": "a"}).encode(), {"content-type": "application/json"}, 422),
        (json.dumps({"text": "   "}).encode(), {"content-type": "application/json"}, 422),
        (b"\x00\x01\x02binary" * 10, {"content-type": "text/plain"}, 422),
        (
            json.dumps(
                {"text": "The government said on Monday that the new figures were not yet known to anyone. " * 5}
            ).encode(),
            {"content-type": "application/json"},
            422,
        ),
    ],
    ids=["media-type", "broken-json", "both", "unknown-field", "empty", "binary", "not-german"],
)
def test_bad_input_is_a_problem_not_a_traceback(client, body, headers, status):
    response = client.post("/api/v1/analyze", content=body, headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["title"] and problem["detail"]
    assert "Traceback" not in response.text


def test_a_5_mb_paste_is_refused_quickly_and_the_server_stays_up(client):
    five_mb = ("Die Regierung sagte, es gebe <script>window.pwned=1</script> keine neuen Zahlen. " * 70_000)[
        : 5 * 1024 * 1024
    ]
    for response in (
        client.post("/api/v1/analyze", json={"text": five_mb}),
        client.post("/api/v1/analyze", content=five_mb.encode() + b"x" * 10, headers={"content-type": "text/plain"}),
        client.post("/analyse", data={"text": five_mb}),
    ):
        assert response.status_code == 413
        assert "<script>window" not in response.text
    too_big = client.post("/api/v1/analyze", content=b"a" * (16 * 1024 * 1024), headers={"content-type": "text/plain"})
    assert too_big.status_code == 413 and too_big.headers["content-type"] == "application/problem+json"
    assert client.get("/").status_code == 200


def test_every_answer_carries_a_strict_content_security_policy(client):
    for path in ("/", "/analyse", "/api/v1", "/static/style.css", "/does-not-exist"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy, path
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    docs = client.get("/docs")
    assert "script-src 'self'" in docs.headers["content-security-policy"]
    assert "unsafe-inline" not in docs.headers["content-security-policy"].split("script-src")[1].split(";")[0]


def test_the_docs_page_loads_only_local_assets(client):
    page = client.get("/docs").text
    assert "http://" not in page and "https://" not in page and "cdn" not in page.lower()
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/swagger-ui/swagger-ui.css"):
        assert asset in page and client.get(asset).status_code == 200
    assert "<script>" not in page  # no inline script
    assert client.get("/openapi.json").json()["paths"]["/api/v1/analyze"]["post"]["requestBody"]["content"]


def test_hostile_text_is_escaped_in_the_article_view(client):
    page = client.post("/analyse", data={"text": HOSTILE})
    assert page.status_code == 200
    body = page.text
    assert "<script>window" not in body and "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in body
    assert "<img src" not in body and 'onerror="' not in body and "<b onmouseover" not in body
    assert 'href="javascript:' not in body
    assert "Olaf Scholz" in body and 'class="q ' in body  # it was analysed and its quotation marked


def test_the_analyse_page_shows_errors_in_german_on_the_form(client):
    page = client.post("/analyse", data={"text": "  "})
    assert page.status_code == 422 and 'role="alert"' in page.text and "<textarea" in page.text
    not_found = client.get("/gibt-es-nicht", headers={"accept": "text/html"})
    assert not_found.status_code == 404 and "Nicht gefunden" in not_found.text
    api_404 = client.get("/api/v1/gibt-es-nicht")
    assert api_404.status_code == 404 and api_404.headers["content-type"] == "application/problem+json"


def test_json_download_of_an_unsaved_analysis(client, example_json):
    response = client.post("/analyse", data={"text": EXAMPLE.read_text(encoding="utf-8"), "format": "json"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    assert response.json()["quotes"] == example_json["quotes"]


def test_reading_needs_the_read_token_when_one_is_configured():
    private = TestClient(create_app(Settings(read_token="r" * 20)))
    assert private.get("/api/v1").status_code == 401
    assert private.get("/api/v1", headers={"authorization": "Bearer " + "r" * 20}).status_code == 200
    assert private.get("/", auth=("leser", "r" * 20)).status_code == 200
    refused = private.get("/")
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")


def test_serve_refuses_bad_options_with_one_line(tmp_path, capsys):
    short = tmp_path / "token"
    short.write_text("kurz")
    assert main(["serve", "--ingest-token-file", str(tmp_path / "fehlt")]) == 1
    assert main(["serve", "--ingest-token-file", str(short)]) == 1
    assert main(["serve", "--workers", "0"]) == 1
    err = capsys.readouterr().err
    assert "cannot read the token file" in err and "too short" in err and "--workers" in err
    assert "Traceback" not in err
