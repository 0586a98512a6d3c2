"""The HTML pages and their ``.json`` twins: ``/`` (``/index.json``), ``/pair/MAR-RUS``
(``/pair/MAR-RUS.json``), ``/search?q=`` (``/search.json?q=``), and ``/api/docs``.

Pages are rendered on the server (Jinja2, autoescaped) with their charts and maps as SVG; a small
script (``static/app.js``) adds the tooltips, the pair filter and the evidence highlight.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from legation.web import geo, views

router = APIRouter(include_in_schema=False)
# Pages return a Response or a dict (the .json twins): no response model to infer.

Title = Annotated[str | None, Query(description="Which article, when several are on this pair.")]


def _render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def _canonical(request: Request, pair: str, suffix: str) -> Response | None:
    """A redirect to the pair's URL in title order ("/pair/RUS-MAR" → "/pair/MAR-RUS"), if it is not."""
    store = request.app.state.store
    chosen, _ = views.find_pair(store, pair, request.query_params.get("title"))
    wanted = f"{chosen.a}-{chosen.b}"
    if pair == wanted:
        return None
    query = urlencode(list(request.query_params.multi_items()))
    return RedirectResponse(f"/pair/{wanted}{suffix}" + (f"?{query}" if query else ""), status_code=308)


@router.get("/", response_model=None)
async def index_page(request: Request) -> Response:
    data = await run_in_threadpool(views.index, request.app.state.store)
    world = await run_in_threadpool(geo.world_map, {k: v for k, v in data["countries"].items()})
    return _render(request, "index.html", {"data": data, "map": world})


@router.get("/index.json", response_model=None)
@router.get("/.json", response_model=None)
async def index_json(request: Request) -> dict:
    return await run_in_threadpool(views.index, request.app.state.store)


@router.get("/pair/{pair}.json", response_model=None)
async def pair_json(request: Request, pair: str, title: Title = None) -> Response | dict:
    redirect = await run_in_threadpool(_canonical, request, pair, ".json")
    if redirect is not None:
        return redirect
    return await run_in_threadpool(views.pair, request.app.state.store, pair, title)


@router.get("/pair/{pair}", response_model=None)
async def pair_page(request: Request, pair: str, title: Title = None) -> Response:
    redirect = await run_in_threadpool(_canonical, request, pair, "")
    if redirect is not None:
        return redirect
    data, drawing = await run_in_threadpool(views.pair_page, request.app.state.store, pair, title)
    return _render(request, "pair.html", {"data": data, "draw": drawing})


Q = Annotated[str, Query(max_length=500)]


@router.get("/search.json", response_model=None)
async def search_json(request: Request, q: Q = "") -> dict:
    return await run_in_threadpool(views.search, request.app.state.store, q)


@router.get("/search", response_model=None)
async def search_page(request: Request, q: Q = "") -> Response:
    data = await run_in_threadpool(views.search, request.app.state.store, q)
    return _render(request, "search.html", {"data": data})


@router.get("/api/docs", response_model=None)
async def api_docs(request: Request) -> Response:
    """The OpenAPI document as a page (no Swagger UI: it would load scripts from a CDN)."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description", ""),
                       "type": _type_name(p.get("schema", {}))} for p in op.get("parameters", [])]
            example = None
            if method == "get" and "{" not in path:
                example = path + ("?" + urlencode({p["name"]: _example(p) for p in op.get("parameters", [])
                                                   if p.get("required") and _example(p) is not None})
                                  if any(p.get("required") for p in op.get("parameters", [])) else "")
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": op.get("description", ""), "params": params, "example": example,
                               "statuses": sorted(op.get("responses", {}))})
    return _render(request, "api_docs.html", {"spec": spec, "operations": operations})


def _type_name(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_name(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_type_name(schema.get('items', {}))}"
    return str(schema.get("type", "any"))


def _example(param: dict):
    examples = param.get("examples") or param.get("schema", {}).get("examples")
    if isinstance(examples, list) and examples:
        value = examples[0]
        return value[0] if isinstance(value, list) and value else value
    if isinstance(examples, dict) and examples:
        return next(iter(examples.values())).get("value")
    return None
