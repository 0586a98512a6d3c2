"""Many articles from the 16 samples: the same texts under other titles, for load tests and benchmarks.

``varied_texts(n)`` gives ``n`` (file name, text) pairs: each a sample whose title (in the heading
and the lead) is swapped for another real pair of countries, so every title is different and names
two countries the extractor knows. ``varied_records(n)`` does the same to extracted records
directly (no extraction: for measuring the store alone), its missions moved to the new pair.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from functools import cache
from pathlib import Path

from legation.article import Article
from legation.extract import extract_article
from legation.places import all_countries, is_sovereign
from legation.read import read_path
from legation.record import Record

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "legation" / "data" / "samples"


@cache
def samples() -> tuple[tuple[Path, Article, Record], ...]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        article = next(read_path(path))
        out.append((path, article, extract_article(article)))
    return tuple(out)


def country_pairs(n: int, seed: int = 0) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """``n`` different pairs of sovereign countries, ``((name, iso3), (name, iso3))``, in a fixed random order."""
    countries = sorted((c.name, c.iso3) for c in all_countries() if is_sovereign(c.iso3))
    pairs = list(itertools.combinations(countries, 2))
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} different pairs")
    random.Random(seed).shuffle(pairs)
    return pairs[:n]


def varied_texts(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` article files ``(name, text)``: the samples in turn, each under a new pair's title."""
    out = []
    templates = samples()
    for i, ((a, _), (b, _)) in enumerate(country_pairs(n, seed)):
        path, article, _ = templates[i % len(templates)]
        title = f"{a}–{b} relations"
        out.append((f"{i:05d}-{path.name}", path.read_text(encoding="utf-8").replace(article.title, title)))
    return out


def varied_records(n: int, seed: int = 0) -> list[tuple[Article, Record]]:
    """``n`` (Article, Record) pairs from the samples' records, retitled for new pairs (no extraction)."""
    out = []
    templates = samples()
    for i, ((a, a3), (b, b3)) in enumerate(country_pairs(n, seed)):
        path, article, record = templates[i % len(templates)]
        title = f"{a}–{b} relations"
        source = f"bench/{i:05d}-{path.name}"
        sides = dict(zip(record.countries, (a3, b3), strict=True))
        missions = tuple(replace(m, sender=sides.get(m.sender, m.sender), host=sides.get(m.host, m.host))
                         for m in record.missions)
        out.append((replace(article, title=title, source=source),
                    replace(record, title=title, source=source, countries=(a3, b3), missions=missions)))
    return out
