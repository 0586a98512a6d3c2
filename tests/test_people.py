"""People acting in the relations: their names as written, and the country each acted for."""

from __future__ import annotations

import pytest

from legation.extract import extract


def people(title: str, sentence: str) -> dict[str, str | None]:
    record = extract(f"= {title} =\n\n{sentence}\n")
    return {p.name: p.country for p in record.people}


@pytest.mark.parametrize("title, sentence, name, country", [
    # a country's word before a title of several words, lower case
    ("Argentina–United Kingdom relations",
     "A joint communiqué was signed in 2016 by Argentine deputy foreign minister Carlos Foradori and British "
     "minister Alan Duncan.", "Carlos Foradori", "ARG"),
    ("Argentina–United Kingdom relations",
     "A joint communiqué was signed in 2016 by Argentine deputy foreign minister Carlos Foradori and British "
     "minister Alan Duncan.", "Alan Duncan", "GBR"),
    # the country's title set beside the name between commas (invented)
    ("Kenya–Somalia relations",
     "Jomo Kenyatta and Somalia's prime minister, Mohamed Ibrahim Egal, signed a memorandum in October 1967.",
     "Mohamed Ibrahim Egal", "SOM"),
    # the side in a compound that was beaten is the other's (invented)
    ("Spain–United Kingdom relations",
     "Horatio Nelson destroyed a Franco-Spanish fleet at Trafalgar on 21 October 1805.", "Horatio Nelson", "GBR"),
    # an heir set beside his name; one who fled to a side is of the other (invented)
    ("Spain–United Kingdom relations", "Philip, the heir to the Spanish throne, married Mary I at Winchester in 1554.",
     "Philip", "ESP"),
    ("Brazil–Uruguay relations", "After the coup of 1964 Leonel Brizola fled to Uruguay.", "Leonel Brizola", "BRA"),
    # an invader of one side is of the other, unless the table of leaders knows him as a third's (invented)
    ("Afghanistan–Iran relations", "His son Mahmud Hotaki invaded Persia in 1722.", "Mahmud Hotaki", "AFG"),
    ("China–South Korea relations", "Toyotomi Hideyoshi invaded Korea in 1592.", "Toyotomi Hideyoshi", "JPN"),
    # a Vietnamese dynasty is Vietnam's (invented)
    ("Thailand–Vietnam relations", "The Tây Sơn general Nguyễn Huệ destroyed it in January 1785.", "Nguyễn Huệ", "VNM"),
    # a third country's word: the person acted for it
    ("Ethiopia–Somalia relations",
     "Talks mediated by Turkish President Recep Tayyip Erdoğan led to the Ankara Declaration of 11 December 2024.",
     "Recep Tayyip Erdoğan", "TUR"),
    # a plural title is not part of the first name
    ("Finland–Sweden relations",
     "In April 2022 Prime Ministers Sanna Marin and Magdalena Andersson met in Stockholm.", "Sanna Marin", "FIN"),
    # a leader's name may hold a country's word ("Pahlavi")
    ("Iran–Turkey relations", "Reza Shah Pahlavi made a state visit to Turkey in June 1934.", "Reza Shah Pahlavi",
     "IRN"),
    # a particle joined to a name; coordinated with someone whose side is said, the other side
    ("Iran–Iraq relations",
     "On 19 March 2023 Ali Shamkhani and Iraqi national security adviser Qasim al-Araji signed a border security "
     "agreement.", "Qasim al-Araji", "IRQ"),
    ("Iran–Iraq relations",
     "On 19 March 2023 Ali Shamkhani and Iraqi national security adviser Qasim al-Araji signed a border security "
     "agreement.", "Ali Shamkhani", "IRN"),
    # the side fought is the other side's; a side that is only the topic is nobody's
    ("Kazakhstan–Russia relations", "Kenesary Khan led an uprising against Russian rule from 1837 to 1847.",
     "Kenesary Khan", "KAZ"),
    ("Myanmar–Thailand relations",
     "In June 2023 Thailand hosted an informal meeting on Myanmar in Pattaya, and the following month Foreign "
     "Minister Don Pramudwinai met the detained Aung San Suu Kyi in Naypyidaw.", "Don Pramudwinai", "THA"),
    ("Colombia–Venezuela relations", "Venezuela seceded from Gran Colombia in 1830 under José Antonio Páez.",
     "José Antonio Páez", "VEN"),
    # a month before a name is a time, not part of the name; military titles
    ("Japan–United States relations", "In May 2016 Barack Obama visited Hiroshima, and that December Shinzo Abe "
     "visited Pearl Harbor.", "Shinzo Abe", "JPN"),
    # a minister whose title the leaders' table knows for one side only is no sign of it; where he went is
    ("Armenia–Turkey relations", "On 15 February 2023 Foreign Minister Ararat Mirzoyan visited Ankara.",
     "Ararat Mirzoyan", "ARM"),
    ("Indonesia–Netherlands relations",
     "In August 2005 foreign minister Ben Bot attended the independence anniversary in Jakarta.", "Ben Bot", "NLD"),
    ("Canada–India relations", "In October 2024 each side expelled six diplomats, including India's high "
     "commissioner Sanjay Kumar Verma.", "Sanjay Kumar Verma", "IND"),
    ("Mongolia–Russia relations", "In the 13th century Mongol armies under Batu Khan conquered most of the Rus' "
     "principalities.", "Batu Khan", "MNG"),
    # older states: a dynasty's word before a title
    ("Myanmar–Thailand relations",
     "On 7 April 1767 the army of the Konbaung king Hsinbyushin sacked and burned Ayutthaya.", "Hsinbyushin", "MMR"),
    # "as the first … minister", in lower case
    ("Denmark–Iceland relations", "Home rule followed in 1904, with Hannes Hafstein as the first Icelandic minister.",
     "Hannes Hafstein", "ISL"),
    # a state's ruler named after "its ruler"
    ("China–Mongolia relations", "In 200 BC the Xiongnu and its ruler Modu Chanyu surrounded the emperor at Baideng.",
     "Modu Chanyu", "MNG"),
])
def test_name_and_country(title: str, sentence: str, name: str, country: str) -> None:
    found = people(title, sentence)
    assert found.get(name) == country, found


def test_a_title_then_a_name_then_and_a_full_name_are_two_people() -> None:
    found = people("Argentina–United Kingdom relations",
                   "The Roca–Runciman Treaty, signed on 1 May 1933 by Vice President Julio Argentino Roca Jr. and "
                   "Walter Runciman, guaranteed Argentine beef a share of British imports.")
    assert {"Julio Argentino Roca Jr", "Walter Runciman"} <= set(found), found


@pytest.mark.parametrize("title, sentence, not_a_person", [
    ("Argentina–United Kingdom relations",
     "The United Kingdom recognised Argentina with the Treaty of Friendship, Commerce and Navigation, signed in "
     "Buenos Aires on 2 February 1825.", "Navigation"),
    ("Ethiopia–Somalia relations",
     "In the 16th century the Adal Sultanate, led by Imam Ahmad ibn Ibrahim al-Ghazi, overran the highlands.",
     "Adal Sultanate"),
    ("Qatar–Saudi Arabia relations",
     "Saudi Arabia withdrew its ambassador from Doha in 2002 over programmes broadcast by Al Jazeera.", "Al Jazeera"),
    ("Cambodia–Vietnam relations", "Cambodia has an embassy in Hanoi and a consulate-general in Ho Chi Minh City.",
     "Ho Chi Minh"),
    ("Canada–India relations", "On 23 May 1914 the Komagata Maru arrived in Vancouver with 376 passengers from "
     "British India.", "Komagata Maru"),
    # a city of two words before a verb
    ("Hungary–Romania relations", "On 1 December 1918, an assembly of Transylvanian Romanians at Alba Iulia "
     "proclaimed union with Romania.", "Alba Iulia"),
    # the rest of an institution's name
    ("Mauritania–Senegal relations", "After mediation by the Organisation of African Unity, the two presidents "
     "agreed to restore relations in April 1992.", "African Unity"),
])
def test_things_named_like_people_are_not(title: str, sentence: str, not_a_person: str) -> None:
    assert not_a_person not in people(title, sentence)


def test_an_imam_keeps_his_whole_name() -> None:
    found = people("Ethiopia–Somalia relations",
                   "In the 16th century the Adal Sultanate, led by Imam Ahmad ibn Ibrahim al-Ghazi, overran the "
                   "Ethiopian highlands.")
    assert "Ahmad ibn Ibrahim al-Ghazi" in found, found


def test_a_counterpart_of_a_side_is_of_the_other_side() -> None:
    found = people("Argentina–United Kingdom relations",
                   "In March 2023 Foreign Minister Santiago Cafiero informed British Foreign Secretary James "
                   "Cleverly that Argentina was ending the 2016 agreement.")
    assert (found.get("Santiago Cafiero"), found.get("James Cleverly")) == ("ARG", "GBR"), found


def test_security_chiefs_whose_sides_are_not_told_are_one_of_each_in_the_titles_order() -> None:
    found = people("Kyrgyzstan–Tajikistan relations", "In 2022 the security chiefs Kamchybek Tashiev and Saimumin "
                   "Yatimov then led two years of talks.")
    assert found == {"Kamchybek Tashiev": "KGZ", "Saimumin Yatimov": "TJK"}, found


def test_two_signatories_whose_sides_are_not_told_are_one_of_each_in_the_titles_order() -> None:
    found = people("Finland–Sweden relations",
                   "In May 2019 the transport ministers Anne Berner and Tomas Eneroth signed a treaty on a bridge.")
    assert (found.get("Anne Berner"), found.get("Tomas Eneroth")) == ("FIN", "SWE"), found


@pytest.mark.parametrize("title, sentence, name, country", [
    # a consort is of the monarch's side, whichever side had queens
    ("Belgium–Netherlands relations", "King Philippe and Queen Mathilde paid a state visit to the Netherlands in "
     "November 2016.", "Mathilde", "BEL"),
    # a group's leader is of the group's country
    ("Czech Republic–Slovakia relations", "In 1920 Slovak autonomists led by Andrej Hlinka accused Prague of "
     "breaking the promise.", "Andrej Hlinka", "SVK"),
    # one charged by a side's prosecutors is of the other side
    ("Angola–Portugal relations", "Portuguese prosecutors charged former vice-president Manuel Vicente with "
     "corruption in 2017.", "Manuel Vicente", "AGO"),
    # one who beat a side's forces is of the other side
    ("France–United Kingdom relations", "Horatio Nelson destroyed the Franco-Spanish fleet at Trafalgar in 1805, and "
     "Napoleon was defeated at Waterloo in 1815.", "Horatio Nelson", "GBR"),
    # an envoy presenting credentials in a (former) capital is of the other side
    ("Germany–Israel relations", "Rolf Pauls became the first West German ambassador, and Asher Ben-Natan "
     "presented his credentials in Bonn that August.", "Asher Ben-Natan", "ISR"),
    ("Cameroon–Nigeria relations", "In January 2018, Nigeria arrested the separatist leader Julius Ayuk Tabe in "
     "Abuja.", "Julius Ayuk Tabe", "CMR"),
    # a side named only after "on", "into" and the like is where or what: the person is a guest
    ("Angola–Portugal relations", "In October 2013 foreign minister Rui Machete apologised on Angolan radio for "
     "investigations into Angolan officials.", "Rui Machete", "PRT"),
    # the guest of a state visit is of the other side
    ("Japan–United Kingdom relations", "In May 1998 Ambassador Sadayuki Hayashi paid a state visit to the United "
     "Kingdom with the emperor.", "Sadayuki Hayashi", "JPN"),
    # a regnal name without its realm, in the realm's years (not the tsar of the same name, dead by then)
    ("Montenegro–Serbia relations", "In 1912 Montenegro joined the Balkan League, and King Nicholas I was the first "
     "to declare war on the Ottomans.", "Nicholas I", "MNE"),
    # a capital named as where something happened "under" someone is no side of theirs
    ("Liechtenstein–Switzerland relations", "Liechtenstein opened a legation in Bern in 1919 under Emil Beck.",
     "Emil Beck", "LIE"),
    # troops under an officer: the troops' side; one who defeated a side's force (after "of <place>"): the other
    ("Bolivia–Paraguay relations", "In 1928 Paraguayan troops under Major Rafael Franco stormed the Bolivian post of "
     "Vanguardia.", "Rafael Franco", "PRY"),
    ("Russia–Sweden relations", "In 1240 Prince Alexander of Novgorod defeated a Swedish force at the Neva.",
     "Alexander", "RUS"),
    # (but the victims of massacres "under Sultan X" are not his side)
    ("Armenia–Turkey relations", "Massacres of Armenians under Sultan Abdul Hamid II in 1894–1896 killed many.",
     "Abdul Hamid II", "TUR"),
    # an army commanded by a foreigner: the army's side; the host of talks in a capital: that capital's side
    ("Bolivia–Paraguay relations", "The Bolivian army, commanded until late 1933 by the German general Hans Kundt, "
     "lost two divisions.", "Hans Kundt", "BOL"),
    ("Iran–Oman relations", "In April 2025 Foreign Minister Badr Albusaidi hosted indirect talks in Muscat between "
     "Iranian and American envoys.", "Badr Albusaidi", "OMN"),
    # a movement "of" someone is that person's
    ("Russia–Turkey relations", "In 1920 the Bolshevik government supported the Turkish National Movement of "
     "Mustafa Kemal with gold and arms.", "Mustafa Kemal", "TUR"),
])
def test_the_side_of_a_consort_a_guest_and_a_group_leader(title: str, sentence: str, name: str, country: str) -> None:
    assert people(title, sentence).get(name) == country


@pytest.mark.parametrize("title, sentence, name, country", [
    # a title word that is part of the name a leader is known by stays in it
    ("Bangladesh–India relations", "On 19 March 1972, Prime Ministers Indira Gandhi and Sheikh Mujibur Rahman signed "
     "a 25-year Treaty of Friendship.", "Sheikh Mujibur Rahman", "BGD"),
    # an epithet is part of the name
    ("Germany–Russia relations", "After the death of Empress Elizabeth in 1762, her successor Peter III made peace "
     "with Frederick the Great.", "Frederick the Great", "DEU"),
    # the title and the name together name the leader
    ("Germany–Russia relations", "After the death of Empress Elizabeth in 1762, her successor Peter III made peace "
     "with Frederick the Great.", "Elizabeth", "RUS"),
])
def test_leaders_by_the_names_they_are_known_by(title: str, sentence: str, name: str, country: str) -> None:
    found = people(title, sentence)
    assert found.get(name) == country, found


def test_a_king_is_still_named_without_his_title() -> None:
    assert "Hassan II" in people("Morocco–Russia relations", "In 1966 King Hassan II visited Moscow.")


@pytest.mark.parametrize("title, sentence, name", [
    ("Japan–United States relations", "Commodore Matthew Perry's squadron anchored at Uraga on 8 July 1853.",
     "Matthew Perry"),
    # capitals of Central European alphabets
    ("Lithuania–Poland relations", "General Lucjan Żeligowski's troops seized Vilnius in October 1920.",
     "Lucjan Żeligowski"),
    # a particle after the second word
    ("Angola–Portugal relations", "Paulo Dias de Novais founded Luanda in 1575.", "Paulo Dias de Novais"),
    # a name before an act of war or a voyage
    ("France–United Kingdom relations", "Horatio Nelson destroyed the Franco-Spanish fleet at Trafalgar in 1805.",
     "Horatio Nelson"),
    ("Japan–Russia relations", "In 1792, Adam Laxman sailed to Hokkaido to seek trade.", "Adam Laxman"),
])
def test_a_name_is_found_whole_without_its_title(title: str, sentence: str, name: str) -> None:
    assert name in people(title, sentence), people(title, sentence)


@pytest.mark.parametrize("title, text, full, surname", [
    ("France–United Kingdom relations",
     "In June 1940 Charles de Gaulle led the Free French from London. De Gaulle, by then president, vetoed British "
     "entry into the European Economic Community in 1963.", "Charles de Gaulle", "De Gaulle"),  # two words
    ("Egypt–Ethiopia relations",
     "In 2015 President Abdel Fattah el-Sisi visited Addis Ababa. In July 2023 Sisi and Abiy Ahmed agreed in Cairo "
     "to conclude a deal within four months.", "Abdel Fattah el-Sisi", "Sisi"),  # after a particle
])
def test_a_surname_is_the_person_named_in_full(title: str, text: str, full: str, surname: str) -> None:
    found = people(title, text)
    assert full in found and surname not in found, found
