"""The leaders gazetteer: the table itself, name lookup, country_of, find_leaders and titles_of."""

import subprocess
import sys
from importlib import resources

import pytest

from legation.leaders import Leader, country_of, find_leaders, leaders, titles_of

COUNTRY_CODES = {
    line.split("\t")[1]
    for line in (resources.files("legation") / "data" / "countries.tsv").read_text("utf-8").splitlines()
    if line.startswith(("state\t", "territory\t"))
}


def table_rows() -> list[list[str]]:
    text = (resources.files("legation") / "data" / "leaders.tsv").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0].split("\t") == ["name", "aliases", "iso3", "role", "start", "end"]
    return [line.split("\t") for line in lines[1:]]


def test_table_is_well_formed():
    rows = table_rows()
    assert 2000 <= len(rows) <= 4500
    for row in rows:
        assert len(row) == 6, row
        name, aliases, iso3, role, start, end = row
        assert name and name == name.strip(), row
        assert iso3 in COUNTRY_CODES, row
        assert role, row
        assert start.lstrip("-").isdigit(), row
        assert end == "" or (end.isdigit() and int(start) <= int(end) <= 2026), row
        assert name not in aliases.split("|"), row


# The countries whose leaders the table must cover, by region.
REGIONS = (
    # G20 and the permanent members
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
    # Europe, the Middle East and North Africa, South, East and Southeast Asia
    "POL UKR SWE NOR HUN ROU SRB GRC PRT ESP NLD BEL AUT CZE FIN EST XKX MNE "
    "EGY MAR DZA TUN LBY ISR PSE JOR LBN SYR IRQ IRN KWT QAT ARE OMN YEM BHR "
    "PAK BGD LKA NPL AFG PRK TWN VNM THA MMR MYS SGP PHL KHM MNG "
    # Latin America, Africa, Oceania and the Caribbean
    "CHL COL VEN PER BOL URY PRY CUB HTI DOM JAM "
    "NGA ETH KEN TZA GHA SEN GMB CIV COD AGO UGA ERI SDN ZWE NZL PLW FJI PNG"
)


def test_table_covers_the_regions_asked_for():
    codes = {row[2] for row in table_rows()}
    assert set(REGIONS.split()) <= codes, set(REGIONS.split()) - codes


# The names in the examples of the table's documentation, each with the country it must give.
@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Vladimir Putin", "RUS"),
        ("Mohammed VI", "MAR"),
        ("Catherine II", "RUS"),
        ("Catherine the Great", "RUS"),
        ("Charles de Gaulle", "FRA"),
        ("de Gaulle", "FRA"),
        ("Recep Tayyip Erdoğan", "TUR"),
        ("Erdogan", "TUR"),
        ("Park Chung Hee", "KOR"),
        ("Park Chung-hee", "KOR"),
        ("Luiz Inácio Lula da Silva", "BRA"),
        ("Lula", "BRA"),
        ("Lula da Silva", "BRA"),
        ("Abdel Fattah el-Sisi", "EGY"),
        ("Sisi", "EGY"),
        ("el-Sisi", "EGY"),
        ("FDR", "USA"),
        ("Franklin Roosevelt", "USA"),
        ("Franklin Delano Roosevelt", "USA"),
        ("Theodore Roosevelt", "USA"),
        ("Mustafa Kemal Atatürk", "TUR"),
        ("Atatürk", "TUR"),
        ("Ataturk", "TUR"),
        ("Mustafa Kemal", "TUR"),
        # the superpowers
        ("Richard Nixon", "USA"),
        ("Nixon", "USA"),
        ("Leonid Brezhnev", "RUS"),
        ("Brezhnev", "RUS"),
        ("Ronald Reagan", "USA"),
        ("Mikhail Gorbachev", "RUS"),
        ("Gorbachev", "RUS"),
        ("Joseph Stalin", "RUS"),
        ("Stalin", "RUS"),
        ("Maxim Litvinov", "RUS"),
        ("Litvinov", "RUS"),
        ("Georgy Chicherin", "RUS"),
        ("Vyacheslav Molotov", "RUS"),
        ("Andrei Gromyko", "RUS"),
        ("Sergey Lavrov", "RUS"),
        ("Henry Kissinger", "USA"),
        # South Asia
        ("Jawaharlal Nehru", "IND"),
        ("Nehru", "IND"),
        ("Liaquat Ali Khan", "PAK"),
        ("Ayub Khan", "PAK"),
        ("Lal Bahadur Shastri", "IND"),
        ("Shastri", "IND"),
        ("Indira Gandhi", "IND"),
        ("Zulfikar Ali Bhutto", "PAK"),
        ("Atal Bihari Vajpayee", "IND"),
        ("Vajpayee", "IND"),
        ("Nawaz Sharif", "PAK"),
        ("Muhammad Zia-ul-Haq", "PAK"),
        ("Zia-ul-Haq", "PAK"),
        ("Mahatma Gandhi", "IND"),
        ("Muhammad Ali Jinnah", "PAK"),
        ("Sheikh Mujibur Rahman", "BGD"),
        # East Africa
        ("Jomo Kenyatta", "KEN"),
        ("Uhuru Kenyatta", "KEN"),
        ("Julius Nyerere", "TZA"),
        ("Nyerere", "TZA"),
        ("Daniel arap Moi", "KEN"),
        ("Moi", "KEN"),
        ("Benjamin Mkapa", "TZA"),
        ("Mkapa", "TZA"),
        ("Abiy Ahmed", "ETH"),
        ("Isaias Afwerki", "ERI"),
        # Australia, Indonesia, Canada
        ("Paul Keating", "AUS"),
        ("Keating", "AUS"),
        ("Suharto", "IDN"),
        ("Soeharto", "IDN"),
        ("Susilo Bambang Yudhoyono", "IDN"),
        ("Yudhoyono", "IDN"),
        ("Mackenzie King", "CAN"),
        ("William Lyon Mackenzie King", "CAN"),
        ("Brian Mulroney", "CAN"),
        ("Mulroney", "CAN"),
        ("Pierre Trudeau", "CAN"),
        ("Pierre Elliott Trudeau", "CAN"),
        ("Justin Trudeau", "CAN"),
        # Japan and Korea
        ("Eisaku Satō", "JPN"),
        ("Eisaku Sato", "JPN"),
        ("Satō Eisaku", "JPN"),
        ("Kim Dae-jung", "KOR"),
        ("Kim Dae Jung", "KOR"),
        ("Keizō Obuchi", "JPN"),
        ("Obuchi", "JPN"),
        ("Itō Hirobumi", "JPN"),
        ("Hirobumi Ito", "JPN"),
        # Brazil, Portugal, Germany
        ("Jair Bolsonaro", "BRA"),
        ("Bolsonaro", "BRA"),
        ("Marcelo Rebelo de Sousa", "PRT"),
        ("Willy Brandt", "DEU"),
        ("Brandt", "DEU"),
        ("Adolf Hitler", "DEU"),
        ("Hitler", "DEU"),
        ("Konrad Adenauer", "DEU"),
        ("Adenauer", "DEU"),
        ("Helmut Kohl", "DEU"),
        ("Kohl", "DEU"),
        ("Angela Merkel", "DEU"),
        ("Merkel", "DEU"),
        ("Otto von Bismarck", "DEU"),
        ("Bismarck", "DEU"),
        ("Erich Honecker", "DEU"),
        # Morocco and North Africa
        ("Hassan II", "MAR"),
        ("Mohammed V", "MAR"),
        ("Mohammed ben Abdallah", "MAR"),
        ("Mohammed III", "MAR"),
        ("Abdelmadjid Tebboune", "DZA"),
        ("Tebboune", "DZA"),
        # West Africa and the Caribbean
        ("Dawda Jawara", "GMB"),
        ("Jawara", "GMB"),
        ("Léopold Sédar Senghor", "SEN"),
        ("Leopold Sedar Senghor", "SEN"),
        ("Senghor", "SEN"),
        ("Fulgencio Batista", "CUB"),
        ("Batista", "CUB"),
        ("Fidel Castro", "CUB"),
        ("Raúl Castro", "CUB"),
        ("Che Guevara", "CUB"),
        ("Ho Chi Minh", "VNM"),
        # Belarus, in each of its spellings
        ("Alexander Lukashenko", "BLR"),
        ("Aleksandr Lukashenko", "BLR"),
        ("Aleksander Lukashenko", "BLR"),
        ("Alyaksandr Lukashenka", "BLR"),
        ("Lukashenko", "BLR"),
        # explorers and conquerors
        ("Hernán Cortés", "ESP"),
        ("Hernan Cortes", "ESP"),
        ("Christopher Columbus", "ESP"),
        ("Pedro Álvares Cabral", "PRT"),
        ("Vasco da Gama", "PRT"),
        ("Napoleon", "FRA"),
        ("Napoleon III", "FRA"),
        # earlier rulers
        ("Peter the Great", "RUS"),
        ("Ivan IV", "RUS"),
        ("Ivan the Terrible", "RUS"),
        ("Suleiman the Magnificent", "TUR"),
        ("Otto I", "DEU"),
        ("Otto III", "DEU"),
        ("Bolesław I the Brave", "POL"),
        ("Boleslaw the Brave", "POL"),
    ],
)
def test_country_of_known_names(name, iso3):
    assert leaders(name), name
    assert country_of(name) == iso3


def test_lookup_ignores_case_accents_and_titles():
    putin = {(row.iso3, row.role) for row in leaders("Vladimir Putin")}
    assert {("RUS", "President"), ("RUS", "Prime Minister")} <= putin
    for form in (
        "President Vladimir Putin",
        "vladimir putin",
        "VLADIMIR PUTIN",
        "Putin",
        "the President Putin",
    ):
        assert {(row.iso3, row.role) for row in leaders(form)} == putin, form
    assert leaders("King Mohammed VI") == leaders("Mohammed VI") == leaders("mohammed vi")
    assert leaders("Recep Tayyip Erdogan") == leaders("Recep Tayyip Erdoğan")
    assert leaders("Lech Walesa") == leaders("Lech Wałęsa") != []
    assert leaders("Secretary of State Henry Kissinger") == leaders("Henry Kissinger")
    assert leaders("Prime Minister Jawaharlal Nehru") == leaders("Nehru")
    assert leaders("Putin's") == leaders("Putin")


def test_rows_carry_role_and_years():
    (khrushchev_premier,) = [row for row in leaders("Khrushchev") if row.role == "Premier"]
    assert khrushchev_premier == Leader("Nikita Khrushchev", "RUS", "Premier", 1958, 1964)
    assert [row.end for row in leaders("Mohammed VI")] == [None]
    assert leaders("Catherine II") == [Leader("Catherine II", "RUS", "Empress", 1762, 1796)]
    assert {row.role for row in leaders("Litvinov")} == {"Foreign Minister"}
    assert {row.role for row in leaders("Brezhnev")} == {"General Secretary", "Chairman of the Presidium"}
    assert {row.role for row in leaders("Ayub Khan")} == {"President"}


@pytest.mark.parametrize(
    "name", ["Ulrich Krotz", "Van Mook", "Sputnik V", "", "the", "President", "Kenyatta"]
)
def test_unknown_or_ambiguous_surname_is_not_found(name):
    # "Kenyatta" alone could be Jomo or Uhuru, so it is not an alias of either.
    assert leaders(name) == []
    assert country_of(name) is None


def test_two_people_of_one_name():
    # Jomo and Uhuru Kenyatta are both Kenyan; the two Trudeaus Canadian.
    assert {row.name for row in leaders("Jomo Kenyatta") + leaders("Uhuru Kenyatta")} == {
        "Jomo Kenyatta",
        "Uhuru Kenyatta",
    }
    assert leaders("Trudeau") == []
    # George I of Great Britain and George I of Greece share a name: only a year or the sides tell.
    assert {row.iso3 for row in leaders("George I")} == {"GBR", "GRC"}
    assert country_of("George I") is None
    assert country_of("George I", year=1900) == "GRC"
    assert country_of("George I", year=1720) == "GBR"
    assert country_of("George I", sides=("GRC", "TUR")) == "GRC"
    assert country_of("Charles III", year=2023) == "GBR"
    assert country_of("Charles III", year=1770) == "ESP"


def test_country_of_with_sides():
    assert country_of("Nixon", sides=("RUS", "USA")) == "USA"
    assert country_of("Brezhnev", sides=("RUS", "USA")) == "RUS"
    assert country_of("Nixon", sides=("CHN", "RUS")) is None
    assert country_of("Nehru", sides=("IND", "PAK")) == "IND"
    assert country_of("Liaquat Ali Khan", sides=("IND", "PAK")) == "PAK"
    assert country_of("Hassan II", sides=("DZA", "MAR")) == "MAR"
    # Shevardnadze was the Soviet foreign minister, then Georgia's head of state.
    assert {row.iso3 for row in leaders("Shevardnadze")} == {"RUS", "GEO"}
    assert country_of("Shevardnadze") is None
    assert country_of("Shevardnadze", sides=("RUS", "USA")) == "RUS"
    assert country_of("Shevardnadze", sides=("GEO", "USA")) == "GEO"
    assert country_of("Shevardnadze", year=1987) == "RUS"
    assert country_of("Shevardnadze", year=2000) == "GEO"
    # Chiang Kai-shek led the Republic of China on the mainland, then on Taiwan.
    assert country_of("Chiang Kai-shek", sides=("CHN", "JPN")) == "CHN"
    assert country_of("Chiang Kai-shek", year=1960) == "TWN"
    # The grand princes of Kievan Rus' count for each of its present-day successors; the sides choose.
    assert {row.iso3 for row in leaders("Yaroslav the Wise")} == {"UKR", "RUS", "BLR"}
    assert country_of("Yaroslav the Wise", sides=("EST", "RUS")) == "RUS"
    assert country_of("Vladimir the Great", sides=("POL", "UKR")) == "UKR"
    assert country_of("Yaroslav the Wise", year=1030) is None


def test_year_out_of_office_still_answers():
    # The year only chooses between rows; a single person's country stands outside their term.
    assert country_of("Nixon", year=1990) == "USA"
    # ... unless only those in office that year are asked for (the third countries of a sentence).
    assert country_of("Nixon", year=1990, in_office=True) is None
    assert country_of("Nixon", year=1972, in_office=True) == "USA"


def test_a_regnal_name_is_known_without_its_realm():
    # "Nicholas I of Montenegro" is "King Nicholas I" in a sentence of 1912; the tsar died in 1855.
    assert {row.iso3 for row in leaders("Nicholas I")} >= {"RUS", "MNE"}
    assert country_of("King Nicholas I", sides=("MNE", "SRB")) == "MNE"
    assert country_of("Nicholas I", year=1912) == "MNE"


def test_find_leaders_in_sentences():
    text = "Richard Nixon and Leonid Brezhnev signed SALT I in Moscow in 1972."
    found = find_leaders(text)
    assert [(text[a:b], leader.iso3) for leader, (a, b) in found] == [
        ("Richard Nixon", "USA"),
        ("Leonid Brezhnev", "RUS"),
    ]

    text = "In 1966 Lal Bahadur Shastri and Ayub Khan met at Tashkent; Kosygin mediated."
    assert [(text[a:b], leader.iso3) for leader, (a, b) in find_leaders(text)] == [
        ("Lal Bahadur Shastri", "IND"),
        ("Ayub Khan", "PAK"),
        ("Kosygin", "RUS"),
    ]

    text = "President Daniel arap Moi received Nyerere's envoy; moi, I said."
    assert [(text[a:b], leader.name) for leader, (a, b) in find_leaders(text)] == [
        ("Daniel arap Moi", "Daniel arap Moi"),
        ("Nyerere", "Julius Nyerere"),
    ]

    text = "After the Franco-German treaty, de Gaulle and Adenauer met; Franco was not invited."
    assert [text[a:b] for _, (a, b) in find_leaders(text)] == ["de Gaulle", "Adenauer", "Franco"]

    text = "George W. Bush, F. W. de Klerk and Zia-ul-Haq; the Nixon–Brezhnev summit."
    assert [(text[a:b], leader.iso3) for leader, (a, b) in find_leaders(text)] == [
        ("George W. Bush", "USA"),
        ("F. W. de Klerk", "ZAF"),
        ("Zia-ul-Haq", "PAK"),
        ("Nixon", "USA"),
        ("Brezhnev", "RUS"),
    ]


def test_find_leaders_prefers_the_longest_name_and_the_main_row():
    text = "Indira Gandhi succeeded Shastri; Mahatma Gandhi had died in 1948."
    assert [leader.name for leader, _ in find_leaders(text)] == [
        "Indira Gandhi",
        "Lal Bahadur Shastri",
        "Mahatma Gandhi",
    ]
    (brezhnev,) = find_leaders("Brezhnev")
    assert brezhnev[0].role == "General Secretary"
    (putin,) = find_leaders("Putin")
    assert putin[0].role == "President"
    assert find_leaders("Nothing here but Sputnik V and Ulrich Krotz.") == []
    # A regnal number makes another name: King John VI of Portugal is not King John of England.
    text = "King John VI returned to Lisbon in 1821; Mohammed VI and Mohammed V; Napoleon III."
    assert [(text[a:b], leader.iso3) for leader, (a, b) in find_leaders(text)] == [
        ("John VI", "PRT"),
        ("Mohammed VI", "MAR"),
        ("Mohammed V", "MAR"),
        ("Napoleon III", "FRA"),
    ]
    assert find_leaders("the moi of the french") == []


def test_find_leaders_accents_and_case():
    text = "Erdogan met Erdoğan's rival; Lech Walesa and Atatürk."
    assert [leader.name for leader, _ in find_leaders(text)] == [
        "Recep Tayyip Erdoğan",
        "Recep Tayyip Erdoğan",
        "Lech Wałęsa",
        "Mustafa Kemal Atatürk",
    ]
    assert find_leaders("NIXON")[0][0].name == "Richard Nixon"
    assert find_leaders("nixon") == []


def test_titles_of():
    assert "prime minister" in titles_of("IND")
    assert "president" in titles_of("IND")
    assert "prime minister" not in titles_of("USA")
    assert {"president", "secretary of state"} <= titles_of("USA")
    assert "chancellor" in titles_of("DEU")
    assert "king" in titles_of("MAR")
    assert "sultan" in titles_of("MAR")
    assert "president" not in titles_of("MAR")
    assert "general secretary" in titles_of("RUS")
    assert titles_of("XXX") == frozenset()
    # Monarchs who reigned before 1900 do not count.
    assert "tsar" not in titles_of("RUS")


def test_load_is_lazy():
    # Importing reads no data; the first lookup loads the table once and later ones reuse it.
    # (How fast the load and a lookup are is measured by `make bench`, not here.)
    code = (
        "import legation.leaders as L\n"
        "assert L._table.cache_info().currsize == 0\n"
        "assert L.country_of('President Vladimir Putin', sides=('RUS', 'USA')) == 'RUS'\n"
        "L.country_of('Prime Minister Narendra Modi')\n"
        "info = L._table.cache_info()\n"
        "assert (info.misses, info.currsize) == (1, 1), info\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
