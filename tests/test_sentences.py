"""Where sentences end (legation.extract.sentences): full stops of abbreviations and initials."""

from __future__ import annotations

import pytest

from legation.article import Block
from legation.extract.sentences import split_block


def parts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_block(Block("paragraph", text, (0, len(text))))]


@pytest.mark.parametrize("text, wanted", [
    # initials and abbreviations do not end a sentence …
    ("John F. Kennedy met him. In 1961 he left.", ["John F. Kennedy met him.", "In 1961 he left."]),
    ("Harry S. Truman visited Ottawa.", ["Harry S. Truman visited Ottawa."]),
    ("The U.S. President came in 1990.", ["The U.S. President came in 1990."]),
    ("Dr. Smith arrived.", ["Dr. Smith arrived."]),
    ("Guðni Th. Jóhannesson chose Denmark.", ["Guðni Th. Jóhannesson chose Denmark."]),  # an abbreviated patronymic
    # … unless a word that opens sentences follows: a regnal number, an abbreviation at the end
    ("It was repulsed by Rama I. The wars ended later.", ["It was repulsed by Rama I.", "The wars ended later."]),
    ("It was ruled by Nicholas II. In 1905 a war began.", ["It was ruled by Nicholas II.", "In 1905 a war began."]),
    ("Many moved to the U.S. The treaty followed.", ["Many moved to the U.S.", "The treaty followed."]),
])
def test_where_sentences_end(text: str, wanted: list[str]) -> None:
    assert parts(text) == wanted
