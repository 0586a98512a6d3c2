"""Facts: the typed, sourced pieces of a relation record.

Every fact is a frozen dataclass with ``evidence`` (the exact words of the
article that state it) and ``span`` (where those words are in the source), as
``../shared/contract/relation-record.md`` requires: a fact without evidence is
not a fact.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

Span = tuple[int, int]

MISSION_KINDS = (
    "embassy", "consulate-general", "consulate", "honorary-consulate", "vice-consulate",
    "consular-office", "representative-office", "liaison-office", "high-commission",
    "permanent-mission", "other",
)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER 2.0 manual expert scores (contract/plover.md), for cooperation-conflict curves.
PLOVER_SCORES = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
    "RETREAT": 6.5, "REQUEST": 0, "ACCUSE": -3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5,
    "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9,
}
QUAD_CLASS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}


@dataclass(frozen=True)
class Fact:
    evidence: str
    span: Span

    def to_dict(self) -> dict:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple) and f.name == "span":
                value = list(value)
            elif isinstance(value, tuple):
                value = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
            out[f.name] = value
        return out


@dataclass(frozen=True)
class Actor:
    name: str
    country: str | None = None


@dataclass(frozen=True)
class Mission(Fact):
    kind: str = "embassy"
    sender: str = ""
    host: str = ""
    city: str = ""
    opened: int | None = None
    closed: int | None = None
    status: str = "unknown"
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Event(Fact):
    start: str = ""
    end: str | None = None
    time_text: str = ""
    types: tuple[str, ...] = ()
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    location: str | None = None
    section: str = ""


@dataclass(frozen=True)
class Agreement(Fact):
    name: str | None = None
    subject: str | None = None
    signed: str | None = None
    expires: str | None = None
    duration_years: float | None = None
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quantity(Fact):
    value: float = 0.0
    unit: str = "count"
    bound: str = "exact"
    noun: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Person(Fact):
    name: str = ""
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Assessment(Fact):
    text: str = ""
    polarity: str = "neutral"  # positive, negative, mixed, neutral
    start: str | None = None
    end: str | None = None
