"""The word-start index of legation.extract.triggers: it only ever skips what cannot match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from legation.extract import triggers
from legation.extract.cues import _LEXICON as CUES
from legation.extract.triggers import Lexicon, Shared

PATTERNS = [
    re.compile(r"\bexpel(?:s|led|ling)?\b|\bexpulsion\b", re.IGNORECASE),
    re.compile(r"\b(?:the\s+)?following\s+(?:month|week)\b", re.IGNORECASE),
    re.compile(r"\bSigned\b"),  # minds case
    re.compile(r"\d+ (?:troops|soldiers)"),  # not indexable: always run
    re.compile(r"(?<!\w)war(?:s|time)?\b", re.IGNORECASE),
]
WORDS = ["expelled", "Expulsion", "EXPELS", "following", "the", "month", "week", "Signed", "signed",
         "war", "wartime", "Warsaw", "12", "troops", "ſigned", "İstanbul", "_war", "a", ",", " ", "\n"]
TEXTS = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join) | st.text(max_size=60)


def _plain(lexicon: Lexicon, text: str) -> dict[int, list[tuple[int, int]]]:
    return {n: [m.span() for m in p.finditer(text)] for n, p in enumerate(lexicon.patterns)}


def _indexed(lexicon: Lexicon, text: str) -> dict[int, list[tuple[int, int]]]:
    hits = lexicon.hits(text)
    return {n: [m.span() for m in lexicon.finditer(n, text, hits[n])] if n in hits else []
            for n in range(len(lexicon.patterns))}


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_indexed_search_finds_what_a_scan_finds(text):
    lexicon = Lexicon(PATTERNS)
    assert _indexed(lexicon, text) == _plain(lexicon, text)
    for n in range(len(PATTERNS)):
        for pos in (0, len(text) // 2):
            expected = PATTERNS[n].search(text, pos)
            got = lexicon.search_in(n, text, pos)
            assert (got and got.span()) == (expected and expected.span())


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_a_part_of_a_shared_lexicon_answers_as_a_lexicon_of_its_own(text):
    shared = Shared()
    first, second = shared.lexicon(PATTERNS[:2]), shared.lexicon(PATTERNS[2:])
    for part, own in ((first, Lexicon(PATTERNS[:2])), (second, Lexicon(PATTERNS[2:]))):
        assert _indexed(part, text) == _plain(own, text)
        assert part.any(text) == any(p.search(text) for p in own.patterns)


def test_a_lexicon_added_after_a_text_was_read_is_searched_in_it():
    shared = Shared()
    first = shared.lexicon(PATTERNS[:1])
    text = "Both sides expelled diplomats during the war."
    assert first.search_in(0, text).group() == "expelled"
    later = shared.lexicon(PATTERNS[4:])  # after the text's hits were kept
    assert later.search_in(0, text).group() == "war"


def test_the_cue_lexicon_skips_nothing_on_a_real_sentence():
    triggers.forget()
    text = ("In September 2006, Vladimir Putin visited Rabat, where both sides signed an agreement on fishing "
            "and the Soviet Union expelled three diplomats.")
    assert _indexed(CUES, text) == _plain(CUES, text)
