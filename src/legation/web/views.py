"""What each page shows, as data: the index, a pair, a search. The pages render these dicts and
their ``.json`` twins return them, so every feature of a page can be tested as data.

Nothing here knows HTTP; lookups that fail raise :class:`~legation.errors.LegationError`.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from legation.errors import NotFoundError, UnknownCountryError
from legation.store import Pair, Store, StoredFact
from legation.store.queries import iso3
from legation.web import charts, geo

KINDS = ("events", "missions", "agreements", "quantities", "people", "assessments")
_CLOSERS = "\"'”’»)]"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADING = re.compile(r"^\s*(=+)\s*(.*?)\s*\1\s*$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


# --- pairs and their URLs -------------------------------------------------------------------------

def pair_url(pair: Pair, pairs: list[Pair]) -> str:
    """``/pair/MAR-RUS``; with ``?title=`` when more than one article is about the same two countries."""
    url = f"/pair/{pair.a}-{pair.b}"
    same = [p for p in pairs if {p.a, p.b} == {pair.a, pair.b}]
    if len(same) > 1 and pair.title != min(p.title for p in same):
        url += "?title=" + quote(pair.title, safe="")
    return url


def pair_urls(pairs: list[Pair]) -> dict[str, str]:
    """The URL of every pair's page (as :func:`pair_url` gives it), by title.

    Grouped by pair first: :func:`pair_url` over all pairs for each would be quadratic (20 seconds
    for 10,000 pairs)."""
    groups: dict[frozenset[str], list[Pair]] = {}
    for p in pairs:
        groups.setdefault(frozenset((p.a, p.b)), []).append(p)
    return {p.title: pair_url(p, same) for same in groups.values() for p in same}


def pair_list(pairs: list[Pair]) -> list[dict]:
    """Every pair as a dict with its page's URL (the ``pairs`` of the index and of ``/api/pairs``)."""
    urls = pair_urls(pairs)
    return [{**p.to_dict(), "url": urls[p.title]} for p in pairs]


def _pair_dict(pair: Pair, pairs: list[Pair]) -> dict:
    return {**pair.to_dict(), "url": pair_url(pair, pairs)}


def find_pair(store: Store, pair: str, title: str | None = None) -> tuple[Pair, list[Pair]]:
    """The article ``pair`` ("MAR-RUS", either order, ISO2 or ISO3) names: (chosen, all of that pair).
    With several articles on one pair the first by title is chosen unless ``title`` says.

    Only that pair's articles are read: :func:`pair_url` needs no others."""
    parts = pair.split("-")
    if len(parts) != 2 or not all(parts):
        raise NotFoundError(f"{pair!r} is not a pair of countries (give two codes, e.g. /pair/MAR-RUS)")
    try:
        x, y = iso3(parts[0]), iso3(parts[1])
    except UnknownCountryError as exc:
        raise NotFoundError(f"no such pair {pair!r}: {exc}") from None
    same = sorted(store.pairs(x, y), key=lambda p: p.title)
    if not same:
        raise NotFoundError(f"no article on the relations of {geo.country_name(x)} and {geo.country_name(y)} "
                            "in the database (the index at / lists every pair)")
    chosen = same[0]
    if title is not None:
        named = [p for p in same if p.title == title]
        if not named:
            raise NotFoundError(f"no article titled {title!r} on this pair (there is: "
                                f"{'; '.join(p.title for p in same)})")
        chosen = named[0]
    return chosen, same


# --- spans ------------------------------------------------------------------------------------------

def highlight(text: str, span: tuple[int, int] | list[int]) -> list[int]:
    """The part of ``text`` to highlight for a fact: its span, plus the full stop (and closing quote)
    that ends its sentence when the evidence stops just before it."""
    start, end = int(span[0]), int(span[1])
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end < len(text) and text[end] in ".!?" and (end == 0 or text[end - 1] not in ".!?"):
        end += 1
        if end < len(text) and text[end] in _CLOSERS:
            end += 1
    return [start, max(start, end)]


def article_lines(text: str) -> list[dict]:
    """The article text as lines, each with the offset of its first character in ``text``.

    Control characters become U+FFFD one for one (an HTML parser would drop or change them), so the
    offsets the page's script counts in each line's text are the fact spans' offsets.
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        shown = _CONTROL.sub("\ufffd", line[:-1] + " " if line.endswith("\r") else line)
        m = _HEADING.match(line)
        out.append({"s": pos, "text": shown, "heading": len(m.group(1)) if m and m.group(2) else 0})
        pos += len(line) + 1
    return out


# --- pages as data ---------------------------------------------------------------------------------

def index(store: Store) -> dict:
    """Every pair, and for every country how many pairs and missions legation knows."""
    pairs = store.pairs()
    per_country: dict[str, dict[str, int]] = {}
    for p in pairs:
        for code in {p.a, p.b}:
            per_country.setdefault(code, {"pairs": 0, "missions": 0})["pairs"] += 1
    for item in store.missions():
        for code in {item.fact.sender, item.fact.host} - {""}:
            per_country.setdefault(code, {"pairs": 0, "missions": 0})["missions"] += 1
    countries = {code: {"name": geo.country_name(code), **c} for code, c in sorted(per_country.items())}
    return {"ok": True, "counts": store.counts().to_dict(),
            "pairs": pair_list(pairs), "countries": countries}


def _fact(item: StoredFact, text: str) -> dict:
    return {**item.to_dict(), "highlight": highlight(text, item.fact.span)}


def _event_order(item: StoredFact) -> tuple:
    e = item.fact
    lo = charts.year_value(e.start)
    hi = charts.year_value(e.end or e.start, end=True)
    return (lo if lo is not None else 1e9, hi if hi is not None else 1e9)


def pair(store: Store, code: str, title: str | None = None) -> dict:
    """The pair page's data: the record with fact ids and highlight spans, the timeline, the curve by
    decade, the map's countries and mission points, and the article text."""
    return pair_page(store, code, title)[0]


def pair_page(store: Store, code: str, title: str | None = None) -> tuple[dict, dict]:
    """The pair page's data (as :func:`pair`) and what the page draws from it: the timeline, curve and
    map geometry, and the article text as lines."""
    chosen, same = find_pair(store, code, title)
    record = store.show(chosen.title)
    facts = store.facts(chosen.title)
    text = store.article_text(chosen.title)
    events = sorted(facts["events"], key=_event_order)
    timeline = charts.timeline(events, lambda e: highlight(text, e.span))
    shapes = geo.shapes()
    url = pair_url(chosen, same)
    data = {
        "ok": True,
        "title": chosen.title,
        "pair": _pair_dict(chosen, same),
        "json_url": url.replace(f"/pair/{chosen.a}-{chosen.b}", f"/pair/{chosen.a}-{chosen.b}.json", 1),
        "others": [_pair_dict(p, same) for p in same if p.title != chosen.title],
        "source": record.source,
        "names": dict(record.names),
        "see_also": list(record.see_also),
        "counts": {kind: len(facts[kind]) for kind in KINDS},
        "facts": {kind: [_fact(item, text) for item in (events if kind == "events" else facts[kind])]
                  for kind in KINDS},
        "timeline": None if timeline is None else {
            "first": timeline["first"], "last": timeline["last"],
            "marks": [{k: m[k] for k in ("id", "when", "start", "end", "quad", "types", "bar")}
                      for m in timeline["marks"]]},
        "curve": charts.decades(events),
        "map": {"shapes": [c for c in dict.fromkeys((chosen.a, chosen.b)) if c in shapes],
                "points": [c for c in dict.fromkeys((chosen.a, chosen.b)) if c not in shapes],
                "missions": [{"id": item.id, "city": item.fact.city, "sender": item.fact.sender,
                              "host": item.fact.host, "kind": item.fact.kind, "status": item.fact.status,
                              "lat": item.fact.lat, "lon": item.fact.lon} for item in facts["missions"]]},
        "article": {"title": chosen.title, "text": text},
    }
    drawing = {
        "timeline": timeline,
        "curve": charts.curve(events),
        "map": geo.pair_map(chosen.a, chosen.b, facts["missions"], lambda m: highlight(text, m.span)),
        "lines": article_lines(text),
        "quads": [{"key": charts.QUAD_KEYS[q], "name": q} for q in charts.QUADS],
        "names": [{"lang": lang if _LANG.match(lang) else None, "code": lang, "name": name}
                  for lang, name in record.names.items()],
        "facts": {kind: [{"item": item, "hl": highlight(text, item.fact.span)}
                         for item in (events if kind == "events" else facts[kind])] for kind in KINDS},
    }
    return data, drawing


def search(store: Store, text: str, limit: int = 50) -> dict:
    """Full-text search over the evidence of every fact, each hit with a link to it on its pair page."""
    found = store.search(text, limit=limit) if text.strip() else []
    urls = pair_urls(store.pairs(titles={hit.title for hit in found})) if found else {}
    hits = []
    for hit in found:
        url = urls.get(hit.title)
        hits.append({**hit.to_dict(), "url": f"{url}#fact-{hit.id}" if url else None})
    return {"ok": True, "q": text, "hits": hits}
