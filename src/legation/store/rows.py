"""Between records and rows: ids from content, a record as table rows, rows back as facts.

Ids are the sha1 of canonical JSON (``json.dumps(..., sort_keys=True)``), as sqlite-utils does: an
article's id comes from its title, a fact's from its article's title, its kind and its content
(evidence and span included). Re-ingesting the same article therefore writes the same ids, and
editing one article changes the ids of its facts only.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from legation.article import Article
from legation.facts import Actor, Agreement, Assessment, Event, Fact, Mission, Person, Quantity
from legation.record import Record

FACT_CLASSES: dict[str, type[Fact]] = {
    "missions": Mission, "events": Event, "agreements": Agreement, "quantities": Quantity,
    "people": Person, "assessments": Assessment,
}
_DASHES = re.compile(r"[-‐‑‒–—―]")
_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def canonical(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha1(value: Any) -> str:
    data = value if isinstance(value, str) else canonical(value)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def article_id(title: str) -> str:
    """The id of an article: the sha1 of its title (as canonical JSON).

    >>> article_id("Morocco–Russia relations")[:12]
    'fd2ecfb93925'
    """
    return sha1({"article": title})


def title_key(title: str) -> str:
    """A title for lookups: casefolded, dashes unified, spaces squeezed."""
    return " ".join(_DASHES.sub("-", title).replace("_", " ").casefold().split())


def city_key(city: str) -> str:
    return " ".join(city.casefold().split())


def date_key(date: str | None, upper: bool = False) -> int | None:
    """A date string as an integer YYYYMMDD, at the start (or with ``upper``, the end) of its period.

    >>> date_key("1897"), date_key("1897", upper=True), date_key("2016-02", upper=True)
    (18970101, 18971231, 20160229)
    """
    if not date:
        return None
    m = _DATE.match(date.strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if upper else 1)
    if not 1 <= month <= 12:
        return None
    if m.group(3):
        day = int(m.group(3))
    elif upper:
        day = calendar.monthrange(year, month)[1] if year > 0 else 31
    else:
        day = 1
    return year * 10000 + (month * 100 + day if year >= 0 else -(month * 100 + day))


def _section_of(article: Article | None, start: int) -> str:
    """The heading path of the innermost section holding offset ``start`` ("" in the lead)."""
    if article is None:
        return ""
    found = ""
    for section in article.all_sections():  # pre-order: an inner section comes after its parent
        if section.span[0] <= start < section.span[1]:
            found = section.path
    return found


@dataclass(frozen=True)
class RecordRows:
    """A record as rows for every table, with the hashes that tell whether it changed."""

    article: dict
    pair: dict
    facts: dict[str, list[dict]]
    event_types: list[dict]
    names: list[dict]
    see_also: list[dict]
    evidence: list[dict]

    @property
    def fact_count(self) -> int:
        return self.article["fact_count"]


def _typed(kind: str, d: dict) -> dict:
    """The queryable columns of a fact, from its record form (the rest is in ``data``)."""
    if kind == "missions":
        return {k: d[k] for k in ("kind", "sender", "host", "city", "opened", "closed", "status", "lat", "lon")} | {
            "city_key": city_key(d["city"])}
    if kind == "events":
        return {
            "start": d["start"], "end": d["end"], "start_key": date_key(d["start"]),
            "end_key": date_key(d["end"] or d["start"], upper=True), "time_text": d["time_text"],
            "types": canonical(d["types"]), "mode": d["mode"], "contexts": canonical(d["contexts"]),
            "aux": canonical(d["aux"]), "actors": canonical(d["actors"]), "location": d["location"],
        }
    if kind == "agreements":
        return {k: d[k] for k in ("name", "subject", "signed", "expires", "duration_years")} | {
            "parties": canonical(d["parties"])}
    if kind == "quantities":
        return {k: d[k] for k in ("value", "unit", "bound", "noun", "year")}
    if kind == "people":
        return {k: d[k] for k in ("name", "country", "role")}
    return {k: d[k] for k in ("text", "polarity", "start", "end")}


def record_rows(article: Article | None, record: Record, text: str, fmt: str, revision: str | None,
                ingested_at: str) -> RecordRows:
    """Every row one article writes."""
    aid = article_id(record.title)
    record_dict = record.to_dict()
    facts: dict[str, list[dict]] = {}
    evidence_rows: list[dict] = []
    types_rows: list[dict] = []
    seen: set[str] = set()
    for kind, cls in FACT_CLASSES.items():
        rows = []
        for ord_, (fact, data) in enumerate(zip(getattr(record, kind), record_dict[kind], strict=True)):
            key = {"article": record.title, "kind": kind, "fact": data}
            fid = sha1(key)
            n = 1
            while fid in seen:  # the same fact twice in one record: number the repeats
                n += 1
                fid = sha1({**key, "repeat": n})
            seen.add(fid)
            assert isinstance(fact, cls)
            section = getattr(fact, "section", "") if kind == "events" else _section_of(article, fact.span[0])
            rows.append({
                "id": fid, "article_id": aid, "ord": ord_, **_typed(kind, data), "evidence": fact.evidence,
                "span_start": fact.span[0], "span_end": fact.span[1], "section": section or "",
                "data": canonical(data),
            })
            evidence_rows.append({"fact_id": fid, "article_id": aid, "kind": kind, "evidence": fact.evidence})
            if kind == "events":
                types_rows.extend({"event_id": fid, "type": t} for t in dict.fromkeys(fact.types))
        facts[kind] = rows
    name_rows = [{"id": sha1({"article": record.title, "kind": "names", "lang": lang, "name": name}),
                  "article_id": aid, "ord": i, "lang": lang, "name": name}
                 for i, (lang, name) in enumerate(record.names.items())]
    see_rows = []
    for i, title in enumerate(record.see_also):
        sid = sha1({"article": record.title, "kind": "see_also", "title": title, "ord": i})
        see_rows.append({"id": sid, "article_id": aid, "ord": i, "title": title})
    a, b = (tuple(record.countries) + ("", ""))[:2]
    fact_count = sum(len(rows) for rows in facts.values())
    article_row = {
        "id": aid, "title": record.title, "title_key": title_key(record.title), "source": record.source,
        "format": fmt, "revision": revision, "content_hash": sha1(text),
        "record_hash": sha1({"record": record_dict, "format": fmt, "revision": revision}),
        "ingested_at": ingested_at, "fact_count": fact_count, "actors": canonical(record_dict.get("actors", [])),
        "text": text,
    }
    return RecordRows(
        article=article_row,
        pair={"article_id": aid, "a": a, "b": b, "lo": min(a, b), "hi": max(a, b)},
        facts=facts, event_types=types_rows, names=name_rows, see_also=see_rows, evidence=evidence_rows,
    )


def fact_from_data(kind: str, data: str | dict) -> Fact:
    """A fact back from its ``data`` column (the fact's dict as in the record)."""
    d = json.loads(data) if isinstance(data, str) else dict(data)
    d["span"] = tuple(d["span"])
    for key in ("types", "contexts", "aux", "parties"):
        if key in d:
            d[key] = tuple(d[key])
    if "actors" in d:
        d["actors"] = tuple(Actor(**a) for a in d["actors"])
    return FACT_CLASSES[kind](**d)
