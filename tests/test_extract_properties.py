"""Properties of extraction on arbitrary and mutated input: it never raises, and spans point at evidence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legation.cli import sample_paths
from legation.extract import extract_article
from legation.read import read_text

SAMPLES = [p.read_text(encoding="utf-8") for p in sample_paths()]
WORDS = sorted({w for text in SAMPLES for w in text.split()})
MARKS = ["(", ")", '"', "“", "”", "–", ";", ",", ".", " and ", " in 1897", " since ", " the war ", "Then ",
         " until 1944", "1947–", " BC", "18th century", "Embassy of", " consulates in ", " President ", "\n",
         "== X ==", "- ", "[[", "]]", "{{", "}}", "'''", "<ref>", "%", "$", "€", "\u200b", "\x00"]


def _check(text: str, fmt: str, title: str | None = None) -> None:
    article = read_text(text, fmt=fmt, title=title)
    record = extract_article(article)
    for fact in record.facts():
        assert fact.evidence
        if fmt == "plain":
            assert article.text[fact.span[0]:fact.span[1]] == fact.evidence


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(SAMPLES))), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(MARKS + WORDS[:400])),
                                                       max_size=12), st.sampled_from(["plain", "wikitext"]))
def test_mutated_articles_extract_without_error(index, edits, fmt):
    text = SAMPLES[index]
    head, sep, body = text.partition("relations =\n")
    for where, piece in edits:
        at = int(where * len(body))
        body = body[:at] + piece + body[at:]
    title = head.rsplit("= ", 1)[-1] + "relations" if fmt == "wikitext" else None
    _check(head + sep + body, fmt, title)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_arbitrary_bodies_extract_without_error(body):
    _check("= Morocco–Russia relations =\n\n" + body, "plain")
