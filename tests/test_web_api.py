"""The web app in-process (FastAPI's test client): the JSON API, the pages' .json twins, errors,
security headers, token-protected ingest, and an XSS probe article rendered inert."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web app needs the web extra: pip install -e '.[web,test]'")

from fastapi.testclient import TestClient  # noqa: E402

from legation.cli import sample_paths  # noqa: E402
from legation.web import create_app  # noqa: E402
from legation.web.app import CSP, LOOPBACK_HOSTS  # noqa: E402
from legation.web.views import highlight  # noqa: E402

# An article whose title, infobox values, section heading and sentences carry script tags, event
# handler attributes and javascript: URLs. Every one of them must reach the page as text.
XSS_PROBE = """= Chad–Niger relations (<script>window.__xss=1</script><img src=x onerror="window.__xss=2">) =

Infobox
- Mission1: Embassy of Chad <img src=x onerror="window.__xss=3">, Niamey
- Mission2: Embassy of Niger, N'Djamena <a href="javascript:window.__xss=4">click</a>

Chad–Niger relations (<b onmouseover="window.__xss=5">Relations</b>) are the bilateral relations between Chad and Niger. Chad has an embassy in Niamey.

== History <script>window.__xss=6</script> ==

In 1960, Chad and Niger established diplomatic relations <script>window.__xss=7</script>. In 1975, Niger signed a trade agreement with Chad <a href="javascript:window.__xss=8">javascript:alert(1)</a>. In 2001, the President of Chad, Idriss <i onclick="window.__xss=9">Déby</i>, condemned Niger "<svg onload=window.__xss=10>" in a dispute. The trade reached 5 million dollars in 2010 </script><script>window.__xss=11</script>.
"""
XSS_PAIR = "TCD-NER"
SENTENCE_1897 = "In 1897, the Russian Empire established a consulate in Tangier."
ERROR_KEYS = {"ok", "error", "status"}


def build_db(path) -> str:
    """A SQLite database of the bundled samples and the XSS probe, at ``path``."""
    import legation

    probe = path.parent / "chad-niger-xss-probe.txt"
    probe.write_text(XSS_PROBE, encoding="utf-8")
    with legation.open(str(path)) as store:
        report = store.ingest([*sample_paths(), probe])
    assert report.failed == 0, report.errors
    return str(path)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return build_db(tmp_path_factory.mktemp("web") / "kb.db")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(db)) as c:
        yield c


def assert_error(response, status: int, contains: str = "") -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert contains in body["error"]
    return body


# --- the JSON API -----------------------------------------------------------------------------------

def test_pairs(client):
    body = client.get("/api/pairs").json()
    assert body["ok"] is True
    titles = {p["title"]: p for p in body["pairs"]}
    assert len(titles) == 17
    assert titles["Morocco–Russia relations"]["url"] == "/pair/MAR-RUS"
    assert titles["Morocco–Russia relations"]["a_name"] == "Morocco"


def test_pairs_of_a_country_and_in_pages(client):
    every = client.get("/api/pairs").json()
    assert every["total"] == len(every["pairs"]) == 17
    russia = client.get("/api/pairs", params={"country": "Soviet Union"}).json()
    assert russia["total"] == len(russia["pairs"]) >= 2
    assert all("RUS" in (p["a"], p["b"]) for p in russia["pairs"])
    assert [p for p in every["pairs"] if "RUS" in (p["a"], p["b"])] == russia["pairs"]
    pages = [client.get("/api/pairs", params={"limit": 5, "offset": k}).json() for k in range(0, 20, 5)]
    assert [len(p["pairs"]) for p in pages] == [5, 5, 5, 2]
    assert {p["total"] for p in pages} == {17}
    assert [pair for page in pages for pair in page["pairs"]] == every["pairs"]
    assert client.get("/api/pairs?offset=40").json() == {"ok": True, "total": 17, "pairs": []}
    assert_error(client.get("/api/pairs?country=Narnia"), 400, "unknown country 'Narnia'")
    assert_error(client.get("/api/pairs?limit=0"), 422, "limit")


def test_pair_record_either_order(client):
    body = client.get("/api/pairs/MAR-RUS").json()
    assert body["ok"] and body["record"]["title"] == "Morocco–Russia relations"
    assert body["record"]["schema"] == "relation-record/1"
    assert client.get("/api/pairs/rus-mar").json()["record"] == body["record"]
    assert client.get("/api/records/morocco-russia relations").json()["record"] == body["record"]


def test_pair_errors(client):
    assert_error(client.get("/api/pairs/MAR-ESP"), 404, "no article on the relations of Morocco and Spain")
    assert_error(client.get("/api/pairs/XXX-RUS"), 404, "unknown country 'XXX'")
    assert_error(client.get("/api/pairs/MAR"), 404, "not a pair of countries")
    assert_error(client.get("/api/records/Nothing relations"), 404, "no article titled 'Nothing relations'")


def test_timeline_filters(client):
    every = client.get("/api/timeline", params={"a": "Morocco", "b": "Soviet Union"}).json()
    assert every["ok"] and (every["a"], every["b"]) == ("MAR", "RUS")
    assert len(every["events"]) >= 20
    recent = client.get("/api/timeline", params={"a": "MAR", "b": "RUS", "from": "2000"}).json()["events"]
    assert recent and all((e["end"] or e["start"]) >= "2000" for e in recent)
    early = client.get("/api/timeline", params={"a": "MAR", "b": "RUS", "to": "1950"}).json()["events"]
    assert early and all(e["start"] <= "1950" for e in early)
    support = client.get("/api/timeline", params={"a": "MAR", "b": "RUS", "to": "1950", "type": "SUPPORT"}).json()
    assert [e["start"] for e in support["events"]] == ["1893", "1897", "1905", "1920"]
    both = client.get("/api/timeline?a=MAR&b=RUS&type=PROTEST&type=accuse").json()["events"]
    assert both and all({"PROTEST", "ACCUSE"} & set(e["types"]) for e in both)
    assert client.get("/api/timeline?a=MAR&b=RUS&type=PROTEST,ACCUSE").json()["events"] == both


def test_timeline_errors(client):
    assert_error(client.get("/api/timeline?a=MAR&b=Xyz"), 400, "unknown country 'Xyz'")
    assert_error(client.get("/api/timeline?a=MAR&b=RUS&type=HUG"), 400, "unknown event type 'HUG' (one of AGREE")
    assert_error(client.get("/api/timeline?a=MAR&b=RUS&from=soon"), 400, "is not a date")
    assert_error(client.get("/api/timeline?a=MAR"), 422, "b: Field required")


def test_missions_filters(client):
    found = client.get("/api/missions", params={"sender": "RUS", "host": "MAR"}).json()["missions"]
    assert [m["city"] for m in found] == ["Casablanca", "Rabat", "Tangier"]
    assert found[2]["status"] == "former" and found[2]["evidence"] == SENTENCE_1897
    assert found[2]["lat"] == pytest.approx(35.7673)
    tanger = client.get("/api/missions?city=tanger").json()["missions"]
    assert {m["city"] for m in tanger} == {"Tangier"}
    assert len(client.get("/api/missions").json()["missions"]) >= 32
    assert_error(client.get("/api/missions?sender=Narnia"), 400, "unknown country 'Narnia'")


def test_agreements_and_search(client):
    fish = client.get("/api/agreements", params={"a": "MAR", "b": "RUS", "subject": "fisheries"}).json()
    assert [g["signed"] for g in fish["agreements"]] == ["2020"]
    hits = client.get("/api/search", params={"q": "consulate Tangier"}).json()["hits"]
    assert hits and hits[0]["title"] == "Morocco–Russia relations"
    assert hits[0]["url"] == f"/pair/MAR-RUS#fact-{hits[0]['id']}"
    assert client.get("/api/search", params={"q": "consulate", "limit": 1}).json()["hits"].__len__() == 1
    assert_error(client.get("/api/search?q=consulate&limit=0"), 422, "limit: Input should be greater than or equal to 1")
    assert_error(client.get("/api/search"), 422, "q: Field required")


def test_counts(client):
    counts = client.get("/api/counts").json()["counts"]
    assert counts["articles"] == 17 and counts["missions"] >= 32


# --- errors ------------------------------------------------------------------------------------------

def test_one_error_shape(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        assert_error(c.get("/api/nothing"), 404, "not found: /api/nothing")
        assert_error(c.post("/api/pairs"), 405, "POST is not allowed on /api/pairs")
        assert_error(c.get("/static/nothing.js"), 404)
        c.app.state.store.pairs = lambda: 1 / 0  # a bug: the error says so, and no more
        body = assert_error(c.get("/api/pairs"), 500, "internal error")
        assert "ZeroDivision" not in body["error"]
        assert c.get("/api/pairs").headers["content-security-policy"] == CSP


def test_pages_answer_html_errors_to_browsers(client):
    page = client.get("/pair/MAR-ESP", headers={"accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no article on the relations of Morocco and Spain" in page.text
    assert_error(client.get("/pair/MAR-ESP"), 404, "Morocco and Spain")
    assert_error(client.get("/pair/MAR-ESP.json", headers={"accept": "text/html"}), 404)


# --- OpenAPI ---------------------------------------------------------------------------------------

def test_openapi_document(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/pairs", "/api/pairs/{pair}", "/api/timeline", "/api/missions", "/api/agreements",
            "/api/search", "/api/counts"} <= set(spec["paths"])
    assert "/api/ingest" not in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/timeline"]["get"]["parameters"]}
    assert params == {"a", "b", "from", "to", "type"}
    assert "404" in spec["paths"]["/api/pairs/{pair}"]["get"]["responses"]
    assert not any(path.startswith(("/pair", "/search")) for path in spec["paths"])  # pages are not API
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/timeline" in docs.text and "/api/openapi.json" in docs.text


# --- pages and their .json twins -----------------------------------------------------------------

def test_pair_twin(client):
    data = client.get("/pair/MAR-RUS.json").json()
    assert data["ok"] and data["title"] == "Morocco–Russia relations"
    assert data["names"] == {"ar": "العلاقات المغربية الروسية", "ru": "Российско-марокканские отношения"}
    assert len(data["timeline"]["marks"]) >= 20
    assert data["timeline"]["first"] == "1700"
    assert data["map"]["shapes"] == ["MAR", "RUS"] and data["map"]["points"] == []
    assert len([m for m in data["map"]["missions"] if m["lat"] is not None]) >= 3
    # The 1890s: "1897" SUPPORT+COOPERATE (mean 7.25, weight 1) and "1893–1917" SUPPORT (5, a third in each
    # of three decades): (7.25 + 5/3) / (1 + 1/3) = 6.69.
    assert {k: data["curve"][10][k] for k in ("decade", "score", "events")} == {"decade": 1890, "score": 6.69, "events": 2}
    text = data["article"]["text"]
    event = next(e for e in data["facts"]["events"] if e["start"] == "1897")
    start, end = event["highlight"]
    assert text[start:end] == SENTENCE_1897
    for kind, facts in data["facts"].items():
        for fact in facts:
            assert text[fact["span"][0]:fact["span"][1]] == fact["evidence"], kind


def test_pair_page_matches_twin(client):
    data = client.get("/pair/MAR-RUS.json").json()
    page = client.get("/pair/MAR-RUS")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert len(re.findall(r'class="mark (?:dot|bar) ', html)) == len(data["timeline"]["marks"])
    assert len(re.findall(r'class="mission-point ', html)) == 4
    assert 'class="mission-point former"' in html and 'class="mission-line former"' in html
    assert re.findall(r'class="country focus" data-iso3="(\w+)"', html) == ["MAR", "RUS"]
    assert 'href="/pair/MAR-RUS.json"' in html
    for quad in ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"):
        assert f"q-{quad}" in html


def test_pair_urls_are_canonical(client):
    r = client.get("/pair/RUS-MAR", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/pair/MAR-RUS"
    r = client.get("/pair/ma-ru.json", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/pair/MAR-RUS.json"
    assert client.get("/pair/ma-ru.json").json()["title"] == "Morocco–Russia relations"


def test_micro_state_is_a_point(client):
    data = client.get("/pair/JPN-PLW.json").json()
    assert data["map"]["shapes"] == ["JPN"] and data["map"]["points"] == ["PLW"]
    assert 'class="country focus micro" data-iso3="PLW"' in client.get("/pair/JPN-PLW").text


def test_index_and_search_twins(client):
    index = client.get("/index.json").json()
    assert client.get("/.json").json() == index
    assert len(index["pairs"]) == 17
    assert index["countries"]["RUS"]["pairs"] == 3  # Belarus, Cuba (Soviet Union), Morocco
    assert index["countries"]["MAR"]["missions"] >= 9
    page = client.get("/").text
    assert page.count('<tr data-filter="') == 17
    assert 'data-iso3="MAR"' in page and "level-" in page
    found = client.get("/search.json", params={"q": "consulate Tangier"}).json()
    assert found["hits"] and found["hits"][0]["url"].startswith("/pair/MAR-RUS#fact-")
    assert "consulate in Tangier" in client.get("/search", params={"q": "consulate Tangier"}).text


def test_highlight_takes_the_full_stop():
    text = 'He said "yes." Then. In 1897, it was.'
    assert highlight(text, (0, 12)) == [0, 14]  # the quote closes the sentence too
    assert highlight(text, (15, 19)) == [15, 20]
    assert highlight(text, (21, 37)) == [21, 37]
    assert highlight(text, (30, 99)) == [30, 37]


# --- security ----------------------------------------------------------------------------------------

class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags_of(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def assert_inert(html: str) -> None:
    """Only our own script, no event handlers, no javascript: URLs, nothing from another origin."""
    for tag, attrs in tags_of(html):
        if tag == "script":
            assert attrs == {"src": "/static/app.js", "defer": ""}, attrs
        assert tag not in ("img", "iframe", "object", "embed", "b", "i", "a") or tag == "a" and \
            attrs.get("href", "").startswith(("/", "#")), (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "xlink:href"):
                assert value.startswith(("/", "#", "?")) and not value.startswith("//"), (tag, name, value)


def test_xss_probe_renders_inert(client):
    page = client.get(f"/pair/{XSS_PAIR}")
    assert page.status_code == 200
    html = page.text
    assert_inert(html)
    assert html.count("<script") == 1
    # The markup is there, as text: in the title, the infobox, the heading, the sentences, the tooltips.
    assert "Chad–Niger relations (&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__xss=3&#34;&gt;" in html
    assert "== History &lt;script&gt;window.__xss=6&lt;/script&gt; ==" in html
    assert "&lt;a href=&#34;javascript:window.__xss=8&#34;&gt;javascript:alert(1)&lt;/a&gt;" in html
    assert "&lt;/script&gt;&lt;script&gt;window.__xss=11&lt;/script&gt;" in html
    assert 'data-tip="In 1960, Chad and Niger established diplomatic relations &lt;script&gt;' in html
    for url in ("/", "/search?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E+xss", "/api/docs"):
        assert_inert(client.get(url).text)
    error = client.get("/pair/%3Cscript%3Ex%3C%2Fscript%3E-RUS", headers={"accept": "text/html"})
    assert error.status_code == 404 and "&lt;script&gt;x&lt;/script&gt;" in error.text
    assert_inert(error.text)


def test_security_headers(client):
    assert "http" not in CSP and "*" not in CSP and "'unsafe-inline'" not in CSP
    assert "default-src 'none'" in CSP and "script-src 'self'" in CSP
    for url in ("/", "/pair/MAR-RUS", "/api/pairs", "/static/app.css", "/api/nothing"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_head_is_get_without_a_body(client):
    head = client.head("/pair/MAR-RUS")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(client.get("/pair/MAR-RUS").content))
    assert client.head("/api/nothing").status_code == 404


def test_pages_load_nothing_from_outside(client):
    for url in ("/", "/pair/MAR-RUS", "/search?q=embassy", "/api/docs"):
        html = client.get(url).text
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html), url
        assert "@import" not in html and "<style" not in html
    css = client.get("/static/app.css").text
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_host_header_checked_on_loopback(db):
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/counts").status_code == 200
        assert c.get("/api/counts", headers={"host": "localhost:8000"}).status_code == 200
        assert_error(c.get("/api/counts", headers={"host": "rebound.example:8000"}), 400, "unknown Host header")


# --- ingest: only with a token, and only with the right one ------------------------------------------

NEW_ARTICLE = """= Iceland–Malta relations =

Iceland–Malta relations are the bilateral relations between Iceland and Malta. In 1973, Iceland and Malta established diplomatic relations.
"""


def test_no_token_no_ingest(client):
    assert client.post("/api/ingest", json={"text": NEW_ARTICLE}).status_code in (404, 405)
    assert_error(client.post("/api/ingest", json={"text": NEW_ARTICLE}), 404)


def test_ingest_with_token(db, tmp_path):
    copy = tmp_path / "kb.db"
    shutil.copy(db, copy)
    token = "s3cret-token"
    with TestClient(create_app(str(copy), token=token)) as c:
        spec = c.get("/api/openapi.json").json()
        assert "/api/ingest" in spec["paths"]
        assert spec["paths"]["/api/ingest"]["post"]["requestBody"]["content"]["application/json"]["schema"][
            "additionalProperties"] is False
        body = {"text": NEW_ARTICLE}
        r = assert_error(c.post("/api/ingest", json=body), 401, "Authorization: Bearer")
        assert c.post("/api/ingest", json=body).headers["www-authenticate"].startswith("Bearer")
        assert_error(c.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}), 401, "wrong token")
        assert_error(c.post("/api/ingest", json=body, headers={"Authorization": f"Basic {token}"}), 401)
        # Auth comes first: a bad body without the token is still 401.
        assert_error(c.post("/api/ingest", content=b"{", headers={"content-type": "application/json"}), 401)
        good = {"Authorization": f"Bearer {token}"}
        assert_error(c.post("/api/ingest", json={**body, "extra": 1}, headers=good), 422, "extra: Extra inputs")
        assert_error(c.post("/api/ingest", json={"title": "x"}, headers=good), 422, "text: Field required")
        assert_error(c.post("/api/ingest", json={**body, "format": "pdf"}, headers=good), 422, "format")
        assert_error(c.post("/api/ingest", content=b"{", headers=good), 422, "not JSON")
        assert_error(c.post("/api/ingest", json={"text": "= Cheese =\n\nNot about countries.\n"}, headers=good),
                     422, "does not name two countries")
        r = c.post("/api/ingest", json=body, headers=good)
        assert r.status_code == 200, r.text
        assert r.json() == {"ok": True, "status": "added", "title": "Iceland–Malta relations",
                            "countries": ["ISL", "MLT"], "facts": r.json()["facts"], "url": "/pair/ISL-MLT"}
        assert c.post("/api/ingest", json=body, headers=good).json()["status"] == "unchanged"
        assert c.get("/pair/ISL-MLT.json").json()["map"]["points"] == ["MLT"]


def test_read_only_server_needs_its_database(tmp_path):
    from legation.errors import ConfigError

    with pytest.raises(ConfigError, match="no database at"):
        create_app(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_serve_reports_a_missing_database(tmp_path):
    import typer
    from typer.testing import CliRunner

    from legation.web.command import serve

    app = typer.Typer()
    app.command()(serve)
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "missing.db"), "--port", "0"])
    assert result.exit_code == 2
    assert "no database at" in result.output
