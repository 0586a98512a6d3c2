"""Extraction from wikitext gives the facts of the plain-text twin, with spans over the markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from legation.cli import sample_paths
from legation.extract import extract_article
from legation.read import read_path

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "wikitext").glob("*.wiki"))


def _facts(record):
    return {
        "missions": sorted((m.kind, m.sender, m.host, m.city) for m in record.missions),
        "events": sorted((e.start, e.end or "", e.types) for e in record.events),
        "people": sorted((p.name, p.country or "") for p in record.people),
        "quantities": sorted((q.value, q.unit) for q in record.quantities),
        "agreements": sorted((a.signed or "", a.name or "") for a in record.agreements),
        "names": record.names,
    }


@pytest.mark.parametrize("wiki", FIXTURES, ids=lambda p: p.stem)
def test_wikitext_twin_gives_the_same_facts(wiki):
    plain = next(p for p in sample_paths() if p.stem == wiki.stem)
    from_wiki = extract_article(next(read_path(wiki)))
    from_plain = extract_article(next(read_path(plain)))
    assert _facts(from_wiki) == _facts(from_plain)
    assert from_wiki.countries == from_plain.countries


@pytest.mark.parametrize("wiki", FIXTURES, ids=lambda p: p.stem)
def test_wikitext_spans_cover_the_markup_of_the_evidence(wiki):
    article = next(read_path(wiki))
    record = extract_article(article)
    for fact in record.facts():
        source = article.text[fact.span[0]:fact.span[1]]
        shown = re.sub(r"\[\[(?:[^|\]]*\|)?|\]\]|'{2,}|<ref[^>]*/>|<ref.*?</ref>", "", source)
        words = re.findall(r"\w+", fact.evidence)
        assert words and words[0] in shown and words[-1] in shown, (fact.evidence, source)
        # Links are whole: no "[[" opened without its "]]" at the edges of the span.
        assert source.count("[[") == source.count("]]"), source
