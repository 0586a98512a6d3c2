"""Agreements between the two sides: named, described, or told by their verb (legation.extract.agreements)."""

from __future__ import annotations

import pytest

from legation.extract import extract


def agreements(title: str, text: str) -> list[tuple[str | None, str | None, str | None]]:
    record = extract(f"= {title} =\n\n{text}\n")
    return [(a.name, a.subject, a.signed) for a in record.agreements]


@pytest.mark.parametrize("title, text, name, subject_has, signed", [
    ("Iran–Turkey relations", "The war ended with the Peace of Amasya, signed on 29 May 1555.", "Peace of Amasya", None,
     "1555-05-29"),
    ("Argentina–United Kingdom relations",
     "A joint communiqué signed on 13 September 2016 by the two deputy ministers promised cooperation on fisheries.",
     None, "joint", "2016-09-13"),
    ("Iran–Turkey relations", "In August 1996 the two countries signed a gas deal worth US$23 billion.", None, "gas",
     "1996-08"),
    ("Iran–Iraq relations", "President Hassan Rouhani visited Iraq in March 2019 and signed agreements on trade, visas "
     "and a railway.", None, "trade", "2019-03"),
    ("Ecuador–Peru relations", "On 2 May 2011 the two governments exchanged notes confirming their maritime boundary.",
     None, "maritime boundary", "2011-05-02"),
    # the words before the noun are its subject, not the clause's verb
    ("Iran–Iraq relations", "On 4 July 1937 the two countries signed a boundary treaty.", None, "boundary",
     "1937-07-04"),
    # names joined by dashes, truces, communiqués and an entente; a "when" clause's time
    ("Canada–United States relations", "The Rush–Bagot Agreement of 1817 demilitarised the Great Lakes.",
     "Rush–Bagot Agreement of 1817", None, "1817"),
    ("Bolivia–Chile relations", "After its defeat, Bolivia signed the Truce of Valparaíso in 1884.",
     "Truce of Valparaíso", None, "1884"),
    ("North Korea–South Korea relations", "The South–North Joint Communiqué of 4 July 1972 set out three principles.",
     "South–North Joint Communiqué", None, "1972-07-04"),
    ("France–United Kingdom relations", "The two countries signed the Entente Cordiale on 8 April 1904.",
     "Entente Cordiale", None, "1904-04-08"),
    ("Japan–Russia relations", "Japan kept northern Sakhalin until 1925, when the Soviet–Japanese Basic Convention "
     "established diplomatic relations.", "Soviet–Japanese Basic Convention", None, "1925"),
    ("Japan–United States relations", "Townsend Harris opened the first American consulate at Shimoda in 1856 and "
     "negotiated the Treaty of Amity and Commerce, signed on 29 July 1858.", "Treaty of Amity and Commerce", None,
     "1858-07-29"),
    # a country's plain name in a treaty's name is where it was signed, not a third party
    ("Germany–Israel relations", "On 10 September 1952 Adenauer and foreign minister Moshe Sharett signed the "
     "Luxembourg Agreement.", "Luxembourg Agreement", None, "1952-09-10"),
    ("Egypt–Ethiopia relations", "On 1 July 1993 Hosni Mubarak and Meles Zenawi signed a Framework for General "
     "Co-operation in Cairo.", "Framework for General Co-operation", None, "1993-07-01"),
    ("Austria–Italy relations", "In 1882 Italy joined Germany and Austria-Hungary in the Triple Alliance.",
     "Triple Alliance", None, "1882"),
    ("Lithuania–Poland relations", "The Union of Lublin of 1569 turned the personal union into a single state.",
     "Union of Lublin of 1569", None, "1569"),
    # a definite treaty that says which one it is, is new
    ("Kazakhstan–Russia relations", "On 29 May 2014, Nursultan Nazarbayev and Vladimir Putin signed the treaty "
     "establishing the Eurasian Economic Union in Astana.", None, None, "2014-05-29"),
    # a trilateral treaty of both sides with a third
    ("Canada–United States relations", "NAFTA was replaced by the United States–Mexico–Canada Agreement, signed on "
     "30 November 2018.", "United States–Mexico–Canada Agreement", None, "2018-11-30"),
    # "Points of Agreement": a name whose head word follows "of"
    ("Malaysia–Singapore relations", "In November 1990 Lee Kuan Yew and Daim Zainuddin signed the Points of "
     "Agreement on railway land.", "Points of Agreement", None, "1990-11"),
    # an act of union between two kingdoms
    ("Denmark–Iceland relations", "Under the Danish–Icelandic Act of Union, which took effect on 1 December 1918, "
     "Iceland became a sovereign kingdom.", "Danish–Icelandic Act of Union", None, "1918-12-01"),
    # a treaty named by its year; a name does not take the month it was signed in
    ("United Kingdom–United States relations", "The Treaty of 1818 fixed much of the border.", "Treaty of 1818", None,
     "1818"),
    ("Japan–Philippines relations", "The two leaders signed the Agreement on Reciprocal Access in July 2024.",
     "Agreement on Reciprocal Access", None, "2024-07"),
    # a compound of the two names, and a place with commas between the treaty and the date it was signed
    ("Egypt–Jordan relations", "The war ended with the Egypt–Jordan peace treaty, signed in Washington, D.C. on "
     "2 May 1980.", None, "Egypt–Jordan peace", "1980-05-02"),
    # a capital with an accent; a date after "on" or "of" is no subject
    ("Russia–Sweden relations", "The war of 1741–1743 ended with the Treaty of Åbo.", "Treaty of Åbo", None, "1743"),
    ("Liechtenstein–Switzerland relations", "The two countries signed a double taxation agreement on 10 July 2015.",
     None, "double taxation", "2015-07-10"),
    ("Liechtenstein–Switzerland relations", "Under a postal agreement of 1920 the Swiss postal service took over "
     "Liechtenstein's post.", None, "postal", "1920"),
    # the central banks' currency swap is an agreement between them
    ("Brazil–China relations", "In March 2013 their central banks signed a currency swap worth 190 billion yuan.", None,
     "currency", "2013-03"),
])
def test_found(title, text, name, subject_has, signed) -> None:
    found = agreements(title, text)
    assert len(found) == 1, found
    got_name, subject, got_signed = found[0]
    assert got_name == name and got_signed == signed, found
    assert subject_has is None or (subject and subject_has in subject and "signed" not in subject), found


@pytest.mark.parametrize("title, text", [
    ("Ecuador–Peru relations", "The Rio Protocol was signed on 29 January 1942. In 1960 President José María Velasco "
     "Ibarra declared the protocol null."),  # the same protocol again, not a new one of 1960
    ("Argentina–Chile relations", "The two countries signed a treaty in 1881. Several treaties have been concluded "
     "since."),
    ("Philippines–United States relations", "The Visiting Forces Agreement of 1998 allowed exercises. In 2020 "
     "President Rodrigo Duterte said he would terminate the Visiting Forces Agreement."),
    ("Cameroon–Nigeria relations", "In the Maroua Declaration of 1 June 1975, heads of state Yakubu Gowon and "
     "Ahmadou Ahidjo agreed on part of the maritime boundary."),  # the named one, reported by its verb
])
def test_one_agreement_only(title, text) -> None:
    assert len(agreements(title, text)) == 1, agreements(title, text)


def test_plural_treaties_of_two_dates_or_two_names_are_two() -> None:
    found = agreements("Egypt–Jordan relations", "Disengagement agreements were signed in January 1974 and March 1975.")
    assert [(subject, signed) for _, subject, signed in found] == [("Disengagement", "1974-01"),
                                                                   ("Disengagement", "1975-03")], found
    found = agreements("China–United States relations", "In May 1980 the two sides signed the Civil Aviation and "
                       "Maritime Transport agreements.")
    assert [(subject, signed) for _, subject, signed in found] == [("Civil Aviation", "1980-05"),
                                                                   ("Maritime Transport", "1980-05")], found


def test_a_treaty_that_says_which_it_is_is_a_new_one() -> None:
    found = agreements("Kenya–Uganda relations", "In 1967 the presidents signed the Treaty for East African "
                       "Co-operation. In 1999 they signed the treaty re-establishing the East African Community.")
    assert [signed for *_, signed in found] == ["1967", "1999"], found


def test_plural_treaties_opening_a_sentence_with_their_years_are_one_a_year() -> None:
    found = agreements("Laos–Thailand relations", "Further treaties in 1904 and 1907 transferred Sayaboury to Laos.")
    assert [(subject, signed) for _, subject, signed in found] == [(None, "1904"), (None, "1907")], found
    found = agreements("Laos–Thailand relations", "Border treaties of 1904 and 1907 fixed the line.")
    assert [(subject, signed) for _, subject, signed in found] == [("Border", "1904"), ("Border", "1907")], found


def test_treaties_listed_by_name_are_one_each_but_a_settlement_of_two_places_is_one() -> None:
    found = agreements("Bolivia–Paraguay relations", "Their envoys signed the Decoud–Quijarro, Aceval–Tamayo and "
                       "Benítez–Ichazo treaties in 1879, 1887 and 1894.")
    assert [subject for _, subject, _ in found] == ["Decoud–Quijarro", "Aceval–Tamayo", "Benítez–Ichazo"], found
    found = agreements("Greece–Turkey relations", "Under the Zurich and London agreements of February 1959, Greece and "
                       "Turkey became guarantors of Cyprus.")
    assert [subject for _, subject, _ in found] == ["Zurich and London"], found


def test_a_treaty_of_a_third_country_or_one_named_again_is_no_new_one() -> None:
    found = agreements("Liechtenstein–Switzerland relations", "From 1852 Liechtenstein was bound to Austria by a "
                       "customs treaty. In 1919 its diet ended the customs treaty with Austria. The customs treaty with "
                       "Switzerland was signed on 29 March 1923. After the customs treaty had been adjusted, "
                       "Liechtenstein joined the EEA in 1995.")
    assert [(subject, signed) for _, subject, signed in found] == [("customs", "1923-03-29")], found
    # (but a treaty both sides signed with a third country is theirs)
    found = agreements("Australia–New Zealand relations", "In 1951 both countries signed the ANZUS security treaty "
                       "with the United States.")
    assert [signed for *_, signed in found] == ["1951"], found


def test_a_great_deal_is_no_agreement() -> None:
    assert agreements("Iran–Turkey relations", "In 1996 the two countries traded a great deal of gas.") == []


def test_a_treaty_that_never_came_into_force_was_still_signed() -> None:
    found = agreements("Argentina–Brazil relations", "In 1915 Argentina, Brazil and Chile signed the ABC Pact, a treaty "
                       "of cooperation and arbitration that never came into force.")
    assert ("ABC Pact", None, "1915") in found, found
    found = agreements("Morocco–Russia relations", "In 1906 the Russian Empire did not sign the Tangier Protocol.")
    assert [signed for *_, signed in found] == [None], found


def test_a_ceasefire_statement_is_an_agreement_and_one_of_many_is_none() -> None:
    found = agreements("Armenia–Azerbaijan relations", "It ended with a ceasefire statement signed by Ilham Aliyev, "
                       "Nikol Pashinyan and Vladimir Putin on 9 November 2020.")
    assert [(subject, signed) for _, subject, signed in found] == [("ceasefire", "2020-11-09")], found
    found = agreements("Australia–New Zealand relations", "It was replaced on 1 January 1983 by the Closer Economic "
                       "Relations Trade Agreement, one of the most comprehensive free trade agreements in the world.")
    assert [name for name, *_ in found] == ["Closer Economic Relations Trade Agreement"], found


def test_a_treaty_waited_for_is_none_and_two_of_one_name_are_two() -> None:
    assert agreements("Japan–Russia relations", "In 1956 Moscow promised to hand over Shikotan and the Habomai "
                      "islands once a peace treaty was signed.") == []
    found = agreements("Japan–South Korea relations", "In 1876 Japan forced Korea to sign the Japan–Korea Treaty of "
                       "1876. After the Russo-Japanese War, the Japan–Korea Treaty of 1905 made Korea a protectorate.")
    assert [name for name, *_ in found] == ["Japan–Korea Treaty of 1876", "Japan–Korea Treaty of 1905"], found


def test_a_treaty_suspended_is_none_made_then() -> None:
    assert agreements("Italy–Libya relations", "When the Libyan civil war began in February 2011, Italy suspended "
                      "the friendship treaty.") == []


@pytest.mark.parametrize("title, text", [
    ("Norway–Russia relations", "The High North Alliance, which represents whalers, said in 2005 it was legal."),
    ("South Africa–United Kingdom relations", "In 1910 the Union of South Africa was formed."),
    ("Brazil–Paraguay relations", "In 1864–1870 Paraguay fought the Paraguayan War against the Triple Alliance of "
     "Brazil, Argentina and Uruguay."),
    # the alliance a pact founded, named for its troops
    ("Czechoslovakia–Hungary relations", "Hungarian troops took part in the Warsaw Pact invasion of August 1968."),
])
def test_alliances_and_unions_that_are_no_treaty_of_the_two(title, text) -> None:
    assert agreements(title, text) == [], agreements(title, text)


def test_agreements_signed_in_several_years_are_one_a_year() -> None:
    found = agreements("Malaysia–Singapore relations", "Johor and Singapore signed water agreements in 1961 and 1962.")
    assert [(signed, subject) for _, subject, signed in found] == [("1961", "water"), ("1962", "water")], found


def test_a_declaration_of_sovereignty_is_no_agreement() -> None:
    assert agreements("Czech Republic–Slovakia relations", "The Slovak parliament adopted a declaration of "
                      "sovereignty on 17 July 1992.") == []


def test_a_treaty_never_signed_or_only_talked_of_is_none() -> None:
    # Invented sentences.
    assert agreements("Moldova–Romania relations", "A basic treaty initialled in April 2000 was never signed.") == []
    assert agreements("Poland–Russia relations", "In 2006 Poland retaliated by blocking talks on a new agreement "
                      "between the European Union and Russia.") == []
    # (one that was signed and never came into force is still one: see above)
    assert len(agreements("Moldova–Romania relations", "A basic treaty was signed in April 2000.")) == 1
