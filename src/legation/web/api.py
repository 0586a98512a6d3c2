"""The JSON API under ``/api``: the store's queries over HTTP, and ingest when a token is set.

Success bodies are ``{"ok": true, ...}``; errors are ``{"ok": false, "error": "...", "status": N}``
(see :mod:`legation.web.app`). The OpenAPI document is ``/api/openapi.json``, rendered at ``/api/docs``.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from legation.errors import LegationError
from legation.limits import limits
from legation.store import Store
from legation.web import views


class ErrorBody(BaseModel):
    """Every error: what went wrong and what to do, and the HTTP status again."""

    ok: Literal[False] = False
    error: str = Field(examples=["unknown country 'Xyz' (give an ISO code or an English name, e.g. MAR or Morocco)"])
    status: int = Field(examples=[400])


class IngestBody(BaseModel):
    """An article to read, extract and store (the body of ``POST /api/ingest``)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article: plain text as in the corpus (`= Title =` first) "
                                                "or wikitext, within the limits of `legation.limits`.")
    title: str | None = Field(None, min_length=1, max_length=300,
                              description="The title, for wikitext without one (e.g. 'Morocco–Russia relations').")
    format: Literal["plain", "wikitext"] | None = Field(None, description="Detected from the text when not given.")


ERRORS = {status: {"model": ErrorBody, "description": text} for status, text in (
    (400, "A parameter legation cannot use (unknown country, bad date or event type)"),
    (404, "No such article or pair"),
    (422, "A parameter of the wrong type or out of range"),
    (500, "A bug in legation"),
)}


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
Country = Annotated[str | None, Query(description="ISO 3166 alpha-2 or alpha-3 code, or English name.",
                                      examples=["MAR"])]


def pairs(store: StoreDep,
          country: Annotated[str | None, Query(description="Only the pairs of this country: ISO code or English "
                                               "name (historical states too).", examples=["MAR"])] = None,
          limit: Annotated[int | None, Query(ge=1, le=10_000, description="At most this many pairs "
                                             "(all when not given).")] = None,
          offset: Annotated[int, Query(ge=0, description="Skip this many pairs first (with `limit`, "
                                       "to page through `total`).")] = 0) -> dict:
    """Every pair of countries with an article, ordered by the pair's codes, each with its page's URL;
    `total` is how many there are before `offset` and `limit`."""
    found = views.pair_list(store.pairs(country) if country else store.pairs())
    end = None if limit is None else offset + limit
    return {"ok": True, "total": len(found), "pairs": found[offset:end]}


def pair_record(store: StoreDep,
                pair: Annotated[str, Path(description="Two country codes, e.g. MAR-RUS (either order).")],
                title: Annotated[str | None, Query(description="Which article, when several are on this pair.")] = None,
                ) -> dict:
    """The relation record of a pair: the article's record exactly as `legation show --json` writes it."""
    chosen, same = views.find_pair(store, pair, title)
    return {"ok": True, "pair": views._pair_dict(chosen, same), "record": store.show(chosen.title).to_dict(),
            "others": [p.title for p in same if p.title != chosen.title]}


def record(store: StoreDep, title: Annotated[str, Path(description="The article title (any case, any dash).")]) -> dict:
    """The relation record of one article, by title."""
    return {"ok": True, "record": store.show(title).to_dict()}


def timeline(
    store: StoreDep,
    a: Annotated[str, Query(description="A country: ISO code or English name.", examples=["MAR"])],
    b: Annotated[str, Query(description="The other country (historical states too).", examples=["RUS"])],
    start: Annotated[str | None, Query(alias="from", description="Only events that end in or after this "
                                       "year (or YYYY-MM[-DD]).", examples=["1900"])] = None,
    end: Annotated[str | None, Query(alias="to", description="Only events that start in or before this year.",
                                     examples=["1991"])] = None,
    types: Annotated[list[str] | None, Query(alias="type", description="Only events of these PLOVER types "
                                             "(repeat, or separate with commas).", examples=[["SUPPORT"]])] = None,
) -> dict:
    """The dated events of the relations of two countries, ordered by start, then end."""
    found = store.timeline(a, b, start=start, end=end, types=types)
    from legation.store.queries import iso3

    return {"ok": True, "a": iso3(a), "b": iso3(b), "events": [e.to_dict() for e in found]}


def missions(store: StoreDep, sender: Country = None, host: Country = None,
             city: Annotated[str | None, Query(description="A city (any case; Tanger = Tangier).")] = None) -> dict:
    """Embassies, consulates and other missions, with their city's coordinates."""
    return {"ok": True, "missions": [m.to_dict() for m in store.missions(sender=sender, host=host, city=city)]}


def agreements(store: StoreDep, a: Country = None, b: Country = None,
               subject: Annotated[str | None, Query(description="Words of the subject or name, e.g. fisheries.")] = None,
               ) -> dict:
    """Agreements and treaties, of one pair of countries, of one country, or all; optionally on a subject."""
    return {"ok": True, "agreements": [g.to_dict() for g in store.agreements(a, b, subject=subject)]}


def search(store: StoreDep,
           q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find (all of them, any form).",
                                   examples=["consulate Tangier"])],
           limit: Annotated[int, Query(ge=1, le=500, description="At most this many facts.")] = 50) -> dict:
    """Facts whose evidence holds every word of `q` (full-text search), best first."""
    return views.search(store, q, limit)


def counts(store: StoreDep) -> dict:
    """How many articles, pairs and facts of each kind the database holds."""
    return {"ok": True, "counts": store.counts().to_dict()}


# --- ingest: only with a token ------------------------------------------------------------------

def _authorize(request: Request) -> None:
    """The request must carry ``Authorization: Bearer <token>``; compared in constant time."""
    token: str = request.app.state.token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "this endpoint needs the server's token: send 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(401, "wrong token (give the one `legation serve --token` or $LEGATION_TOKEN set)",
                            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


async def _body(request: Request, limit: int) -> bytes:
    if int(request.headers.get("content-length") or 0) > limit:
        raise HTTPException(413, f"the body is larger than {limit} bytes (send one article at a time)")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is larger than {limit} bytes (send one article at a time)")
        chunks.append(chunk)
    return b"".join(chunks)


def _store_article(store: Store, body: IngestBody) -> dict:
    from legation.extract import extract_article
    from legation.read import read_text

    try:
        article = read_text(body.text, source="api", fmt=body.format, title=body.title)
        found = extract_article(article)
    except LegationError as exc:
        raise HTTPException(422, f"the article cannot be used: {exc}") from None
    report = store.ingest([(article, found)])
    status = next((k for k in ("added", "changed", "unchanged") if getattr(report, k)), "failed")
    if status == "failed":
        raise HTTPException(422, "the article cannot be used: " + "; ".join(report.errors))
    same = store.pairs(*found.countries)
    mine = next((p for p in same if p.title == found.title), None)
    return {"ok": True, "status": status, "title": found.title, "countries": list(found.countries),
            "facts": sum(1 for _ in found.facts()), "url": views.pair_url(mine, same) if mine else None}


async def ingest(request: Request) -> dict:
    """Read, extract and store one article (needs `Authorization: Bearer TOKEN`).

    The body is JSON: `{"text": "...", "title": "...", "format": "plain" | "wikitext"}` (only `text`
    is required; unknown fields are refused). Answers whether the article was `added`, `changed`
    (same title, new text) or `unchanged`, and the URL of its page.
    """
    _authorize(request)  # before the body is read: no token, no parsing
    raw = await _body(request, limits().article_bytes * 2)  # JSON may escape
    try:
        payload = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise RequestValidationError([{"loc": ("body",), "msg": "the body is not JSON (send "
                                       '{"text": "= A–B relations =\\n..."})', "type": "json_invalid"}]) from None
    try:
        body = IngestBody.model_validate(payload)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
    return await run_in_threadpool(_store_article, request.app.state.store, body)


def router(ingest_enabled: bool) -> APIRouter:
    """The ``/api`` routes; ``POST /api/ingest`` only when ``ingest_enabled`` (a token is configured)."""
    r = APIRouter(prefix="/api", responses=ERRORS)
    r.add_api_route("/pairs", pairs, methods=["GET"], tags=["pairs"])
    r.add_api_route("/pairs/{pair}", pair_record, methods=["GET"], tags=["pairs"])
    r.add_api_route("/records/{title:path}", record, methods=["GET"], tags=["pairs"])
    r.add_api_route("/timeline", timeline, methods=["GET"], tags=["facts"])
    r.add_api_route("/missions", missions, methods=["GET"], tags=["facts"])
    r.add_api_route("/agreements", agreements, methods=["GET"], tags=["facts"])
    r.add_api_route("/search", search, methods=["GET"], tags=["facts"])
    r.add_api_route("/counts", counts, methods=["GET"], tags=["pairs"])
    if ingest_enabled:
        r.add_api_route(
            "/ingest", ingest, methods=["POST"], tags=["ingest"],
            responses={401: {"model": ErrorBody, "description": "No token, or the wrong one"},
                       413: {"model": ErrorBody, "description": "Body too large"}},
            openapi_extra={"requestBody": {"required": True, "content": {
                "application/json": {"schema": IngestBody.model_json_schema()}}},
                "security": [{"bearer": []}]},
        )
    return r
