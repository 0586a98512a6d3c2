"""The relation record: assembled from the facts, validated, written as JSON.

The record is the product's public interface, ``relation-record/1`` as in
``../shared/contract/relation-record.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from legation.facts import Agreement, Assessment, Event, Mission, Person, Quantity

SCHEMA = "relation-record/1"


@dataclass(frozen=True)
class Record:
    """One article's relation record."""

    title: str
    source: str
    countries: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)
    missions: tuple[Mission, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    people: tuple[Person, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    see_also: tuple[str, ...] = ()
    actors: tuple[dict, ...] = ()

    def facts(self):
        """Every fact of the record, of every kind."""
        for kind in ("missions", "events", "agreements", "quantities", "people", "assessments"):
            yield from getattr(self, kind)

    def to_dict(self) -> dict:
        out = {
            "schema": SCHEMA,
            "title": self.title,
            "source": self.source,
            "countries": list(self.countries),
            "names": dict(self.names),
        }
        for kind in ("missions", "events", "agreements", "quantities", "people", "assessments"):
            out[kind] = [f.to_dict() for f in getattr(self, kind)]
        out["see_also"] = list(self.see_also)
        if self.actors:
            out["actors"] = [dict(a) for a in self.actors]
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


@cache
def json_schema() -> dict:
    """The JSON Schema of the record, shipped in the package."""
    return json.loads(resources.files("legation").joinpath("data/relation-record.schema.json").read_text("utf-8"))


def validate(record: dict) -> list[str]:
    """Schema violations of a record as dicts, as readable strings (empty when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(json_schema())
    return [f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message}" for e in validator.iter_errors(record)]
