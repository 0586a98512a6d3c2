"""Security of the web app, on SQLite and PostgreSQL: injection strings in every parameter of every
endpoint, write endpoints without or with the wrong token, the token compared in constant time, the
loopback default of ``legation serve``, a Content-Security-Policy with no outside origin on every
HTML response, and article markup shown as text on every page that shows article text.

The endpoints and their parameters come from the OpenAPI documents (the app's own, and one made the
same way for the pages, which the app leaves out of its own), so a new endpoint or parameter is
probed without touching this file. ``tests/test_web_api.py`` has the XSS probe article and the
fixed checks (error shape, headers on a few URLs, ingest with its token); this file does not repeat them.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

pytest.importorskip("fastapi", reason="the web app needs the web extra: pip install -e '.[web,test]'")

from fastapi.openapi.utils import get_openapi  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

import legation  # noqa: E402
from legation.cli import sample_paths  # noqa: E402
from legation.web import create_app, pages  # noqa: E402
from legation.web.app import LOOPBACK_HOSTS  # noqa: E402
from tests.test_web_api import ERROR_KEYS, NEW_ARTICLE, XSS_PAIR, XSS_PROBE, assert_inert  # noqa: E402

SQL = (
    "' OR 1=1 --", "' OR '1'='1", '" OR ""="', "1 OR 1=1", ") OR (1=1",
    "'; DROP TABLE articles; --", '"; DROP TABLE records; --', "x'); DELETE FROM missions; --",
    "%' UNION SELECT id, title, text, source FROM articles --", "' UNION SELECT NULL, sqlite_version(), NULL --",
    "' AND 1=CAST((SELECT version()) AS int) --", "1; SELECT pg_sleep(5) --",
    "'||(SELECT group_concat(title) FROM articles)||'", "$$; DROP TABLE pairs; $$",
)
INJECTIONS = (
    *SQL, "%", "_", "%%", "\\", "\\'", "*", "embassy*", 'embassy" OR "x', "NEAR(embassy consulate)", "title:embassy",
    "embassy AND NOT consulate", "evidence_fts", "\x00", "MAR\x00", "\x00' OR 1=1 --", "a\x00b\x00c",
    "x" * 20_000, "' OR 1=1 -- " * 400,
    "Марокко–Россия", "☃ 💣 \u202e\u200b", "ﬁsheries", "İSTANBUL", "\t\n\r",
    "../../../../etc/passwd", "<script>alert(1)</script>", "{{7*7}}", "${7*7}", "\r\nSet-Cookie: pwned=1",
    "-1", "0", "99999999999999999999999", "1e309", "NaN", " ", "", ",", ",,", "MAR,RUS", "[]", "{}", "null",
)
# Put in the URL as they are (not quoted again): bytes that are not UTF-8, encoded NUL, dots and slash.
RAW_ENCODED = ("%FF", "%C0%AF", "%ED%A0%80", "%00", "%2e%2e%2f%2e%2e%2f", "%25%00%27")
# A valid value for each parameter, so that only the one under test is odd.
VALID = {"pair": "MAR-RUS", "title": "Morocco–Russia relations", "a": "MAR", "b": "RUS", "from": "1900",
         "to": "2000", "type": "SUPPORT", "sender": "RUS", "host": "MAR", "city": "Rabat", "subject": "fisheries",
         "q": "consulate Tangier", "limit": "5"}
PAGE_STATUSES = {200, 308, 400, 404, 422}
KNOWN = {("/api/timeline", "type"), ("/api/missions", "city"), ("/api/agreements", "subject"), ("/api/search", "q"),
         ("/api/pairs/{pair}", "pair"), ("/api/records/{title}", "title"), ("/pair/{pair}", "title"),
         ("/search", "q"), ("/search.json", "q"), ("/pair/{pair}.json", "pair")}
TOKEN = "s3cret-token-for-the-tests"


# --- the database, and whether it changed -------------------------------------------------------------

@pytest.fixture
def kb(db, tmp_path) -> str:
    """The ``db`` fixture (SQLite or PostgreSQL) holding the samples and the XSS probe article."""
    probe = tmp_path / "chad-niger-xss-probe.txt"
    probe.write_text(XSS_PROBE, encoding="utf-8")
    with legation.open(db) as store:
        report = store.ingest([*sample_paths(), probe])
    assert report.failed == 0, report.errors
    return db


def fingerprint(db: str) -> str:
    """A hash of everything stored: counts, every record, every article's text and metadata, every table."""
    from sqlalchemy import inspect

    with legation.open(db, create=False) as store:
        articles = [dataclasses.asdict(a) for a in store.articles()]
        state = {"counts": store.counts().to_dict(), "records": [r.to_dict() for r in store.records()],
                 "articles": articles, "texts": [store.article_text(a["title"]) for a in articles],
                 "tables": sorted(inspect(store.engine).get_table_names())}
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


# --- every operation and its parameters, from OpenAPI documents ---------------------------------------

@dataclasses.dataclass(frozen=True)
class Operation:
    method: str
    path: str
    params: tuple[dict, ...]
    statuses: frozenset[int]
    page: bool = False


def operations(client: TestClient) -> list[Operation]:
    """Every operation of the app: the API's from ``/api/openapi.json``, the pages' from a document made
    the same way from the pages' routes (the app leaves them out of its own)."""
    routes = [copy.copy(route) for route in pages.router.routes]
    for route in routes:
        route.include_in_schema = True
    documents = ((client.get("/api/openapi.json").json(), False),
                 (get_openapi(title="pages", version="0", routes=routes), True))
    out = []
    for spec, page in documents:
        for path, methods in spec["paths"].items():
            for method, op in methods.items():
                statuses = PAGE_STATUSES if page else {int(s) for s in op["responses"]}
                out.append(Operation(method.upper(), path, tuple(op.get("parameters", ())), frozenset(statuses), page))
    return out


def _valid(param: dict) -> str:
    if param["name"] in VALID:
        return VALID[param["name"]]
    examples = param.get("examples") or param.get("schema", {}).get("examples") or ["x"]
    value = examples[0] if isinstance(examples, list) else next(iter(examples.values()))["value"]
    return str(value[0] if isinstance(value, list) else value)


def url_for(op: Operation, name: str | None = None, value: str = "", raw: bool = False) -> str:
    """The URL of ``op`` with every required parameter valid, and parameter ``name`` set to ``value``
    (quoted, unless ``raw``: then put in the URL as it is)."""
    path, query = op.path, []
    for param in op.params:
        given = param["name"] == name
        if not (given or param.get("required")):
            continue
        text = value if given else _valid(param)
        encoded = text if given and raw else quote(text, safe="")
        if param["in"] == "path":
            path = path.replace("{" + param["name"] + "}", encoded)
        else:
            query.append(f"{quote(param['name'], safe='')}={encoded}")
    return path + ("?" + "&".join(query) if query else "")


def _list_lengths(body: dict) -> dict[str, int]:
    return {key: len(value) for key, value in body.items() if isinstance(value, list)}


def check_answer(op: Operation, url: str, response, everything: dict[str, int], filtering: bool,
                 browser: bool = False) -> None:
    """No crash; an error in the one documented shape (as a page for a ``browser`` asking for a page); a
    normal answer otherwise; and when ``filtering`` (an optional filter was given SQL) never every row."""
    status = response.status_code
    where = f"{op.method} {url[:160]!r} -> {status}"
    assert status < 500, f"{where}: {response.text[:300]}"
    assert status in op.statuses, f"{where}: not a documented status ({sorted(op.statuses)})"
    if 300 <= status < 400:
        location = response.headers["location"]
        assert location.startswith("/") and not location.startswith("//"), where
        assert not re.search(r"[\r\n\x00]", location), where
        return
    kind = response.headers["content-type"]
    json_twin = not op.page or op.path.endswith(".json")
    if status >= 400 and browser and not json_twin:
        assert kind.startswith("text/html") and f"<title>{status} " in response.text, where
        assert "<script>alert(1)</script>" not in response.text, where
    elif status >= 400 or json_twin:
        assert kind.startswith("application/json"), f"{where}: {kind}"
        body = response.json()
        if status >= 400:
            assert set(body) == ERROR_KEYS and body["ok"] is False and body["status"] == status, where
            assert isinstance(body["error"], str) and body["error"], where
            return
        assert body.get("ok") is True, where
        # "OR 1=1" that worked would answer every row: a filter given SQL never does.
        for key, n in _list_lengths(body).items():
            if filtering and everything.get(key, 0) > 1:
                assert n < everything[key], f"{where}: all {n} {key}: the filter was ignored"
    else:
        assert kind.startswith("text/html"), f"{where}: {kind}"
        assert "<script>alert(1)</script>" not in response.text, where


def _everything(client: TestClient, op: Operation) -> dict[str, int]:
    """How many items each list of ``op`` holds when only its required parameters are given."""
    response = client.get(url_for(op))
    if response.status_code != 200 or not response.headers["content-type"].startswith("application/json"):
        return {}
    return _list_lengths(response.json())


def test_operations_are_enumerated(kb):
    with TestClient(create_app(kb)) as client:
        ops = operations(client)
    covered = {(op.path, p["name"]) for op in ops for p in op.params}
    assert covered >= KNOWN, KNOWN - covered
    assert {op.path for op in ops} >= {"/api/pairs", "/api/counts", "/", "/index.json", "/api/docs"}
    assert all(op.method == "GET" for op in ops)  # read-only without a token


def test_injection_in_every_parameter(kb):
    before = fingerprint(kb)
    with TestClient(create_app(kb), raise_server_exceptions=False) as client:
        ops = [op for op in operations(client) if op.method == "GET"]
        asked = 0
        for op in ops:
            everything = _everything(client, op)
            for param in op.params:
                valid = _valid(param)
                values = [(v, False) for v in INJECTIONS] + [(valid + v, False) for v in SQL]
                values += [(v, True) for v in RAW_ENCODED] + [(valid + v, True) for v in RAW_ENCODED]
                for value, raw in values:
                    url = url_for(op, param["name"], value, raw)
                    filtering = not param.get("required") and any(v in value for v in SQL)
                    check_answer(op, url, client.get(url), everything, filtering)
                    asked += 1
                    if op.page:
                        answer = client.get(url, headers={"accept": "text/html,application/xhtml+xml"})
                        check_answer(op, url, answer, everything, filtering, browser=True)
                if "array" in json.dumps(param.get("schema", {})):  # repeated: ?type=...&type=...
                    url = url_for(op)
                    url += ("&" if "?" in url else "?") + urlencode([(param["name"], v) for v in SQL])
                    check_answer(op, url, client.get(url), everything, filtering=True)
        assert asked > 1000
        assert client.get("/api/counts").status_code == 200
    assert fingerprint(kb) == before


def test_injection_in_paths_that_are_not_parameters(kb):
    """Odd paths under every operation and the static files: no crash, no file outside the app."""
    before = fingerprint(kb)
    with TestClient(create_app(kb), raise_server_exceptions=False) as client:
        for op in operations(client):
            base = url_for(op).split("?")[0]
            for suffix in ("/", "/%00", "/..%2f..%2f", "%27%20OR%201=1", "/%3Cscript%3E", ";DROP%20TABLE%20pairs"):
                response = client.get(base.rstrip("/") + suffix)
                assert response.status_code < 500, (base, suffix, response.text[:200])
        for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
                     "/static/app.css%00.py", "/static//etc/passwd", "/static/%5c..%5capp.py"):
            response = client.get(path)
            assert response.status_code in (400, 404), (path, response.status_code)
            assert "create_app" not in response.text and "root:" not in response.text
    assert fingerprint(kb) == before


# --- writing: only with the right token -----------------------------------------------------------------

def test_no_write_without_a_token(kb):
    before = fingerprint(kb)
    for token in (None, ""):  # an empty --token or $LEGATION_TOKEN is no token
        with TestClient(create_app(kb, token=token), raise_server_exceptions=False) as client:
            ops = operations(client)
            assert all(op.method == "GET" for op in ops)
            paths = {url_for(op).split("?")[0] for op in ops} | {"/api/ingest", "/api/records", "/api/pairs/MAR-RUS"}
            for path in sorted(paths):
                for method in ("POST", "PUT", "PATCH", "DELETE"):
                    response = client.request(method, path, json={"text": NEW_ARTICLE},
                                              headers={"Authorization": "Bearer anything"})
                    assert response.status_code in (404, 405), (method, path, response.status_code)
                    assert set(response.json()) == ERROR_KEYS
    assert fingerprint(kb) == before


WRONG_TOKENS = ("", "wrong", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), TOKEN[1:], "x" * len(TOKEN), "x" * 10_000,
                "' OR 1=1 --", "\x00" + TOKEN, TOKEN + "\x00")


def test_write_endpoints_refuse_a_wrong_token(kb):
    before = fingerprint(kb)
    with TestClient(create_app(kb, token=TOKEN), raise_server_exceptions=False) as client:
        writes = [op for op in operations(client) if op.method != "GET"]
        assert writes  # POST /api/ingest, and any write endpoint added later
        for op in writes:
            url = url_for(op)
            attempts = [{}, {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"},
                        {"Authorization": f"Token {TOKEN}"}, {"Authorization": "Bearer"}, {"X-Token": TOKEN},
                        {"Cookie": f"token={TOKEN}"}]
            attempts += [{"Authorization": f"Bearer {wrong}"} for wrong in WRONG_TOKENS]
            for headers in attempts:
                response = client.request(op.method, url, json={"text": NEW_ARTICLE}, headers=headers)
                assert response.status_code == 401, (op.path, headers, response.text[:200])
                assert set(response.json()) == ERROR_KEYS
            response = client.request(op.method, url + f"?token={TOKEN}&access_token={TOKEN}", json={"text": NEW_ARTICLE})
            assert response.status_code == 401
    assert fingerprint(kb) == before


def test_token_is_compared_in_constant_time(kb, monkeypatch):
    """The decision is hmac.compare_digest's alone: forced false, the right token is refused; forced
    true, a wrong one is let in. So no ``==`` on the token decides anywhere."""
    import hmac
    import secrets

    calls: list[tuple] = []
    answer = {"value": None}
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b) if answer["value"] is None else answer["value"]

    monkeypatch.setattr(hmac, "compare_digest", spy)
    monkeypatch.setattr(secrets, "compare_digest", spy)
    body = {"text": "= Bad =\n\nnot about two countries\n"}  # accepted tokens get a 422, refused ones a 401
    with TestClient(create_app(kb, token=TOKEN), raise_server_exceptions=False) as client:
        def status(token: str) -> int:
            return client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {token}"}).status_code

        assert status("wrong") == 401 and status(TOKEN) == 422
        assert {tuple(map(_text, c)) for c in calls} == {("wrong", TOKEN), (TOKEN, TOKEN)}
        answer["value"] = False
        assert status(TOKEN) == 401
        answer["value"] = True
        assert status("wrong") == 422


def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else value


# --- where the server listens ----------------------------------------------------------------------------

def _serve(monkeypatch, args: list[str]) -> tuple[dict, object]:
    """Run ``legation serve ARGS`` with uvicorn's loop replaced: what it would serve, and the CLI result."""
    import uvicorn
    from typer.testing import CliRunner

    from legation.cli import app

    seen: dict = {}

    def fake_run(self, sockets=None):
        seen["address"] = sockets[0].getsockname()
        seen["app"] = self.config.app

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    result = CliRunner().invoke(app, ["serve", *args])
    return seen, result


def test_serve_binds_loopback_by_default(kb, monkeypatch):
    seen, result = _serve(monkeypatch, ["--db", kb, "--port", "0"])
    assert result.exit_code == 0, result.output
    assert seen["address"][0] == "127.0.0.1"
    assert re.search(r"at http://127\.0\.0\.1:\d+/ \(read-only", result.output)
    # On loopback the Host header is checked too (DNS rebinding), and no write endpoint exists.
    with TestClient(seen["app"], base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/counts").status_code == 200
        assert client.get("/api/counts", headers={"host": "attacker.example"}).status_code == 400
        for host in LOOPBACK_HOSTS:
            assert client.get("/api/counts", headers={"host": f"{host}:8000"}).status_code == 200, host
        assert all(op.method == "GET" for op in operations(client))


def test_serve_warns_when_not_on_loopback(kb, monkeypatch):
    import socket

    from legation.web import command

    def loopback_instead(host, port):  # never open a public port in a test
        assert host == "0.0.0.0"
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        return sock

    monkeypatch.setattr(command, "_bind", loopback_instead)
    seen, result = _serve(monkeypatch, ["--db", kb, "--port", "0", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "0.0.0.0 is not a loopback address: other machines can reach this server" in result.output
    assert seen["address"][0] == "127.0.0.1"  # the stand-in socket


# --- HTML: a Content-Security-Policy with no outside origin, and article text as text --------------------

def _csp_sources(header: str) -> dict[str, list[str]]:
    out = {}
    for directive in filter(None, (d.strip() for d in header.split(";"))):
        name, *sources = directive.split()
        out[name] = sources
    return out


def assert_strict_csp(response, url: str) -> None:
    header = response.headers.get("content-security-policy")
    assert header, f"{url}: no Content-Security-Policy"
    policy = _csp_sources(header)
    assert policy.get("default-src") == ["'none'"], url
    for name, sources in policy.items():
        assert set(sources) <= {"'self'", "'none'"}, f"{url}: {name} {sources}"
    html = response.text
    assert not re.search(r"<meta[^>]+http-equiv=[\"']?content-security-policy", html, re.I), url
    assert "<base" not in html.lower(), url


def crawl(client: TestClient, start: list[str], limit: int = 400) -> dict[str, object]:
    """Every same-origin page reachable from ``start`` (at most ``limit``), as browsers ask for them."""
    seen: dict[str, object] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url, headers={"accept": "text/html,application/xhtml+xml"})
        seen[url] = response
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        for link in re.findall(r'(?:href|src|action)="([^"]*)"', response.text):
            link = link.replace("&amp;", "&").split("#")[0]
            if link.startswith("/") and not link.startswith("//") and link not in seen:
                queue.append(link)
    return seen


def test_every_html_response_has_a_strict_csp(kb):
    with TestClient(create_app(kb), raise_server_exceptions=False) as client:
        start = ["/", "/api/docs", "/search?q=embassy", f"/pair/{XSS_PAIR}", "/nowhere", "/pair/MAR-ESP",
                 "/search?q=" + "x" * 501, "/pair/%3Cscript%3E-RUS"]
        pages_seen = crawl(client, start)
        html = {url: r for url, r in pages_seen.items() if r.headers["content-type"].startswith("text/html")}
        assert len(html) >= 25 and any(url.startswith("/pair/") for url in html)
        for url, response in pages_seen.items():
            assert response.status_code < 500, url
            assert_strict_csp(response, url)  # every response, HTML or not
        for url, response in html.items():
            assert_inert(response.text)
            assert response.text.count("<script") == 1, url
        # Error pages a browser gets: 404, 405, 422, and the 500 of a bug.
        browser = {"accept": "text/html"}
        extra = [client.post("/", headers=browser), client.get("/search?q=" + "y" * 600, headers=browser),
                 client.head("/pair/MAR-RUS", headers=browser)]
        client.app.state.store.counts = lambda: 1 / 0
        extra.append(client.get("/", headers=browser))
        assert [r.status_code for r in extra] == [405, 422, 200, 500]
        for response in extra:
            assert response.headers["content-type"].startswith("text/html")
            assert_strict_csp(response, response.url.path)


PROBE_RAW = re.compile(r"<(script|img|svg|a href=\"javascript|b onmouseover|i onclick)[^>]*window\.__xss", re.I)


def test_article_markup_is_text_on_every_page(kb):
    with TestClient(create_app(kb)) as client:
        pair = client.get(f"/pair/{XSS_PAIR}")
        found = client.get("/search", params={"q": "Niger established diplomatic relations"})
        trade = client.get("/search", params={"q": "Niger trade agreement"})
        index = client.get("/")
        error = client.get(f"/pair/{XSS_PAIR}", params={"title": "<script>window.__xss=0</script>"},
                           headers={"accept": "text/html"})
        shown = {"pair page": pair, "search": found, "search 2": trade, "index": index, "error page": error}
        for name, response in shown.items():
            assert response.headers["content-type"].startswith("text/html"), name
            assert not PROBE_RAW.search(response.text), name
            assert_inert(response.text)
        hits = client.get("/search.json", params={"q": "Niger established diplomatic relations"}).json()["hits"]
        assert any("<script>window.__xss=7</script>" in h["evidence"] for h in hits)  # stored as written...
        assert "&lt;script&gt;window.__xss=7&lt;/script&gt;" in found.text  # ...shown as text
        assert "&lt;a href=&#34;javascript:window.__xss=8&#34;&gt;" in trade.text
        assert "Chad–Niger relations (&lt;script&gt;window.__xss=1&lt;/script&gt;" in index.text
        assert error.status_code == 404 and "&lt;script&gt;window.__xss=0&lt;/script&gt;" in error.text
        assert "&lt;script&gt;window.__xss=7&lt;/script&gt;" in pair.text
        # The JSON twins carry the markup, but as JSON that no browser renders or sniffs.
        for url in (f"/pair/{XSS_PAIR}.json", "/search.json?q=xss+Niger", "/api/records/" + quote(
                client.get(f"/pair/{XSS_PAIR}.json").json()["title"], safe="")):
            response = client.get(url, headers={"accept": "text/html"})
            assert response.headers["content-type"].startswith("application/json"), url
            assert response.headers["x-content-type-options"] == "nosniff"


def test_fingerprint_sees_a_change(kb, tmp_path: Path):
    """The check the tests above rely on: one more article changes the fingerprint."""
    before = fingerprint(kb)
    extra = tmp_path / "iceland-malta.txt"
    extra.write_text(NEW_ARTICLE, encoding="utf-8")
    with legation.open(kb) as store:
        store.ingest([extra])
    assert fingerprint(kb) != before
