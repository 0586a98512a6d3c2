"""The relation's name in other languages, from the lead's parentheses (legation.extract.names)."""

from __future__ import annotations

import pytest

from legation.extract import extract


def names(title: str, lead: str) -> dict[str, str]:
    return dict(extract(f"= {title} =\n\n{lead}\n").names)


@pytest.mark.parametrize("title, lead, wanted", [
    # the label names the language, whatever the script could be
    ("Kyrgyzstan–Tajikistan relations",
     "Kyrgyzstan–Tajikistan relations (Kyrgyz: Кыргызстан–Тажикстан мамилелери; Tajik: Муносибатҳои Қирғизистону "
     "Тоҷикистон) are the bilateral relations between the two countries.",
     {"ky": "Кыргызстан–Тажикстан мамилелери", "tg": "Муносибатҳои Қирғизистону Тоҷикистон"}),
    ("Guinea-Bissau–Senegal relations",
     "Guinea-Bissau–Senegal relations (Wolof: Diggante Gine-Bisaawo ak Senegaal) are the relations between them.",
     {"wo": "Diggante Gine-Bisaawo ak Senegaal"}),
    # no label: the script and the sides tell
    ("Morocco–Russia relations",
     "Morocco–Russia relations (Российско-марокканские отношения) are the bilateral relations.",
     {"ru": "Российско-марокканские отношения"}),
])
def test_the_languages_of_the_lead(title: str, lead: str, wanted: dict[str, str]) -> None:
    assert names(title, lead) == wanted
