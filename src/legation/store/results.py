"""What the store's queries return: frozen dataclasses, each with ``to_dict()`` for JSON.

These are the shapes a web page or a notebook works with; they import nothing of SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Generic, TypeVar

from legation.facts import Fact

F = TypeVar("F", bound=Fact)


@dataclass(frozen=True)
class StoredFact(Generic[F]):
    """A fact as stored: its id, the article it comes from, the record list it is in, its section, the fact.

    ``category`` is the record's list (``"missions"``, ``"events"``, …); a mission's own ``kind``
    ("embassy") is the fact's. ``to_dict()`` is the fact's record form with ``id``, ``title``,
    ``category`` and ``section`` added.
    """

    id: str
    title: str
    category: str
    section: str
    fact: F

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "category": self.category, "section": self.section,
                **self.fact.to_dict()}


@dataclass(frozen=True)
class Pair:
    """Two countries and the article about their relations."""

    a: str
    b: str
    a_name: str
    b_name: str
    title: str
    facts: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SearchHit:
    """A fact whose evidence matches a full-text search; ``category`` is its record list ("missions", …)."""

    id: str
    title: str
    category: str
    evidence: str
    span: tuple[int, int]
    section: str

    def to_dict(self) -> dict:
        return {**asdict(self), "span": list(self.span)}


@dataclass(frozen=True)
class ArticleInfo:
    """An article as stored, without its text."""

    id: str
    title: str
    source: str
    format: str
    revision: str | None
    content_hash: str
    ingested_at: str
    countries: tuple[str, str]
    facts: int

    def to_dict(self) -> dict:
        return {**asdict(self), "countries": list(self.countries)}


@dataclass(frozen=True)
class Counts:
    """How many of each thing the database holds."""

    articles: int = 0
    pairs: int = 0
    missions: int = 0
    events: int = 0
    agreements: int = 0
    quantities: int = 0
    people: int = 0
    assessments: int = 0
    names: int = 0
    see_also: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did: articles added, changed (replaced), unchanged, and inputs that failed."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """``"16 added, 0 changed, 0 unchanged, 0 failed"``."""
        return f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged, {self.failed} failed"

    def to_dict(self) -> dict:
        return {**asdict(self), "errors": list(self.errors)}
