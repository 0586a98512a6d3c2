"""Tests for legation.places / legation.countries: country names, mentions, titles and cities."""

from __future__ import annotations

import csv
import gzip
import subprocess
import sys
from importlib import resources

import pytest

from legation import places
from legation.places import (
    City,
    Country,
    Mention,
    adjective_of,
    capital,
    city,
    country,
    find_cities,
    find_countries,
    historical_name,
    title_countries,
)

# --- country() -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Morocco", "MAR"),
        ("MAR", "MAR"),
        ("MA", "MAR"),
        ("504", "MAR"),
        ("Kingdom of Morocco", "MAR"),
        ("the Kingdom of Morocco", "MAR"),
        ("morocco", "MAR"),
        ("the Russian Federation", "RUS"),
        ("Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("Soviet Union", "RUS"),
        ("the Soviet Union", "RUS"),
        ("USSR", "RUS"),
        ("U.S.S.R.", "RUS"),
        ("Russian Empire", "RUS"),
        ("Tsarist Russia", "RUS"),
        ("People's Republic of China", "CHN"),
        ("People’s Republic of China", "CHN"),
        ("PRC", "CHN"),
        ("Islamic Republic of Pakistan", "PAK"),
        ("Dominion of Pakistan", "PAK"),
        ("the Gambia", "GMB"),
        ("The Gambia", "GMB"),
        ("Gambia", "GMB"),
        ("Republic of Ireland", "IRL"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("United States", "USA"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("Czechoslovakia", "CZE"),
        ("Yugoslavia", "SRB"),
        ("Ottoman Empire", "TUR"),
        ("Weimar Germany", "DEU"),
        ("Nazi Germany", "DEU"),
        ("West Germany", "DEU"),
        ("East Germany", "DEU"),
        ("Sultanate of Morocco", "MAR"),
        ("Abyssinia", "ETH"),
        ("Ethiopian Empire", "ETH"),
        ("Persia", "IRN"),
        ("Siam", "THA"),
        ("Burma", "MMR"),
        ("Ceylon", "LKA"),
        ("Zaire", "COD"),
        ("Rhodesia", "ZWE"),
        ("Austria-Hungary", "AUT"),
        ("Austria–Hungary", "AUT"),
        ("Kingdom of Prussia", "DEU"),
        ("Prussia", "DEU"),
        ("Spanish Empire", "ESP"),
        ("Empire of Japan", "JPN"),
        ("imperial Japan", "JPN"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Laos", "LAO"),
        ("Socialist Republic of Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Republic of China", "TWN"),
        ("Holy See", "VAT"),
        ("Vatican", "VAT"),
        ("Vatican City", "VAT"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Türkiye", "TUR"),
        ("Timor-Leste", "TLS"),
        ("Guinea-Bissau", "GNB"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("DRC", "COD"),
        ("Swaziland", "SWZ"),
        ("North Macedonia", "MKD"),
        ("FYROM", "MKD"),
        ("Kosovo", "XKX"),
        ("South Korea", "KOR"),
        ("DPRK", "PRK"),
        ("Korea, Republic of", "KOR"),
        ("Bolivia, Plurinational State of", "BOL"),
        ("Holy See (Vatican City State)", "VAT"),
    ],
)
def test_country(text: str, iso3: str) -> None:
    c = country(text)
    assert c is not None, text
    assert c.iso3 == iso3


@pytest.mark.parametrize(
    ("iso3", "name", "iso2", "numeric"),
    [
        ("RUS", "Russia", "RU", "643"),
        ("MAR", "Morocco", "MA", "504"),
        ("GBR", "United Kingdom", "GB", "826"),
        ("GMB", "The Gambia", "GM", "270"),
        ("IRN", "Iran", "IR", "364"),
        ("VNM", "Vietnam", "VN", "704"),
        ("LAO", "Laos", "LA", "418"),
        ("KOR", "South Korea", "KR", "410"),
        ("AFG", "Afghanistan", "AF", "004"),
    ],
)
def test_country_record(iso3: str, name: str, iso2: str, numeric: str) -> None:
    assert country(iso3) == Country(iso3, iso2, numeric, name)


@pytest.mark.parametrize("text", ["", "   ", "Atlantis", "Embassy", "Moroccan", "in", "to", "XYZ", "999"])
def test_country_unknown(text: str) -> None:
    assert country(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tsarist Russia", "Russian Empire"),
        ("Imperial Russia", "Russian Empire"),
        ("the Russian Empire", "Russian Empire"),
        ("USSR", "Soviet Union"),
        ("Soviet", "Soviet Union"),
        ("Abyssinia", "Ethiopian Empire"),
        ("GDR", "East Germany"),
        ("Third Reich", "Nazi Germany"),
        ("Austro-Hungarian Empire", "Austria-Hungary"),
        ("Dominion of Pakistan", "Dominion of Pakistan"),
        ("Russia", None),
        ("Russian Federation", None),
        ("Morocco", None),
        ("Republic of China", None),
        ("Nowhere", None),
    ],
)
def test_historical_name(text: str, expected: str | None) -> None:
    assert historical_name(text) == expected


@pytest.mark.parametrize(
    ("iso3", "adjective"),
    [("MAR", "Moroccan"), ("RUS", "Russian"), ("CHN", "Chinese"), ("GBR", "British"), ("LAO", "Laotian"),
     ("PLW", "Palauan"), ("GMB", "Gambian"), ("ARG", "Argentine"), ("mar", "Moroccan")],
)
def test_adjective_of(iso3: str, adjective: str) -> None:
    assert adjective_of(iso3) == adjective


def test_adjective_of_unknown() -> None:
    with pytest.raises(KeyError):
        adjective_of("ZZZ")


# --- title_countries() -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "pair"),
    [
        ("Morocco–Russia relations", ("MAR", "RUS")),
        ("Cuba–Soviet Union relations", ("CUB", "RUS")),
        ("The Gambia–Senegal relations", ("GMB", "SEN")),
        ("Ireland–United Kingdom relations", ("IRL", "GBR")),
        ("Guinea-Bissau–Portugal relations", ("GNB", "PRT")),
        ("Bosnia and Herzegovina–Serbia relations", ("BIH", "SRB")),
        ("Trinidad and Tobago–Venezuela relations", ("TTO", "VEN")),
        ("Relations between Morocco and Russia", ("MAR", "RUS")),
        ("Morocco-Russia relations", ("MAR", "RUS")),
        ("Morocco and Russia relations", ("MAR", "RUS")),
        ("Democratic Republic of the Congo–Republic of the Congo relations", ("COD", "COG")),
        ("Timor-Leste–Indonesia relations", ("TLS", "IDN")),
        ("Timor-Leste-Indonesia relations", ("TLS", "IDN")),
        ("Holy See–Italy relations", ("VAT", "ITA")),
        ("Austria-Hungary–Serbia relations", ("AUT", "SRB")),
        ("China–Pakistan relations", ("CHN", "PAK")),
        ("Laos–Vietnam relations", ("LAO", "VNM")),
        ("Relations between Trinidad and Tobago and Venezuela", ("TTO", "VEN")),
    ],
)
def test_title_countries(title: str, pair: tuple[str, str]) -> None:
    got = title_countries(title)
    assert got is not None, title
    assert (got[0].iso3, got[1].iso3) == pair


@pytest.mark.parametrize("title", ["Foreign relations of Morocco", "Morocco", "", "Atlantis–Morocco relations"])
def test_title_countries_none(title: str) -> None:
    assert title_countries(title) is None


# --- find_countries() ------------------------------------------------------------------------------


def _triples(text: str, only: frozenset[str] | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, m.iso3, m.kind) for m in find_countries(text, only)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1897, the Russian Empire established a consulate in Tangier.",
         [("the Russian Empire", "RUS", "historical")]),
        # older states, each of its successor (the seat of its rulers)
        ("Askia Muhammad of Songhai fought the Mossi kingdoms", [("Songhai", "MLI", "historical"),
                                                                ("the Mossi kingdoms", "BFA", "historical")]),
        ("The Xiongnu confederation raided Han China", [("The Xiongnu confederation", "MNG", "historical"),
                                                        ("Han China", "CHN", "historical")]),
        ("the Inca Empire and Upper Peru", [("the Inca Empire", "PER", "historical"), ("Upper Peru", "BOL", "historical")]),
        ("In the early 1960s, Soviet-Moroccan relations were developing very well.",
         [("Soviet", "RUS", "adjective"), ("Moroccan", "MAR", "adjective")]),
        ('Moscow backed "the inalienable rights of the population of Western Sahara to self-determination".',
         [("Moscow", "RUS", "capital"), ("Western Sahara", "ESH", "name")]),
        ("approximately 50 Moroccan students broke into the embassy of Morocco in the Soviet Union in Moscow",
         [("Moroccan", "MAR", "adjective"), ("Morocco", "MAR", "name"),
          ("the Soviet Union", "RUS", "historical"), ("Moscow", "RUS", "capital")]),
        ("France–Germany relations, or Franco-German relations, form a part of the wider politics",
         [("France", "FRA", "name"), ("Germany", "DEU", "name"), ("Franco-", "FRA", "prefix"),
          ("German", "DEU", "adjective")]),
        ("The two countries formally resolved all of their boundary disputes with the Sino-Pakistan "
         "Agreement of 1963",
         [("Sino-", "CHN", "prefix"), ("Pakistan", "PAK", "name")]),
        ("Moroccan-Russian relations are still in constant development",
         [("Moroccan", "MAR", "adjective"), ("Russian", "RUS", "adjective")]),
        ("bilateral relations between the Kingdom of Morocco and the Russian Federation.",
         [("the Kingdom of Morocco", "MAR", "name"), ("the Russian Federation", "RUS", "name")]),
        ("37% of Moroccans want to keep ties with Russia.",
         [("Moroccans", "MAR", "demonym"), ("Russia", "RUS", "name")]),
        ("The Soviets then made a number of contacts.", [("The Soviets", "RUS", "demonym")]),
        ("Rebuilt by the Spanish and the Tlaxcaltecs in 1521.", [("the Spanish", "ESP", "demonym")]),
        ("the Japanese used the term Nan'yō", [("the Japanese", "JPN", "demonym")]),
        ("the Spanish government in exile", [("Spanish", "ESP", "adjective")]),
        ("In 2019, the Moroccan and the Russian government agreed",
         [("Moroccan", "MAR", "adjective"), ("Russian", "RUS", "adjective")]),
        ("The relationship between the USSR and the Castro regime", [("the USSR", "RUS", "historical")]),
        ("Moscow kept in regular contact with Havana", [("Moscow", "RUS", "capital"), ("Havana", "CUB", "capital")]),
        ("Beijing and Islamabad signed", [("Beijing", "CHN", "capital"), ("Islamabad", "PAK", "capital")]),
        ("a trust territory governed by imperial Japan", [("imperial Japan", "JPN", "historical")]),
        ("Northern Ireland is not Ireland", [("Northern Ireland", "GBR", "name"), ("Ireland", "IRL", "name")]),
        ("the Anglo-Irish War", [("Anglo-", "GBR", "prefix"), ("Irish", "IRL", "adjective")]),
        ("Laotian kingdoms often clashed with Vietnamese dynasties",
         [("Laotian", "LAO", "adjective"), ("Vietnamese", "VNM", "adjective")]),
        ("the Lao People's Democratic Republic and Socialist Republic of Vietnam",
         [("the Lao People's Democratic Republic", "LAO", "name"), ("Socialist Republic of Vietnam", "VNM", "name")]),
        ("Greek-Turkish feuding under the Ottoman Empire",
         [("Greek", "GRC", "adjective"), ("Turkish", "TUR", "adjective"),
          ("the Ottoman Empire", "TUR", "historical")]),
        ("Hellenic and Ottoman fleets", [("Hellenic", "GRC", "adjective"), ("Ottoman", "TUR", "adjective")]),
        ("Argentine and Argentinian and Chilean officers",
         [("Argentine", "ARG", "adjective"), ("Argentinian", "ARG", "adjective"), ("Chilean", "CHL", "adjective")]),
        ("Icelandic and Norwegian fishermen", [("Icelandic", "ISL", "adjective"), ("Norwegian", "NOR", "adjective")]),
        ("Eritrean and Ethiopian troops", [("Eritrean", "ERI", "adjective"), ("Ethiopian", "ETH", "adjective")]),
        ("a Palauan embassy", [("Palauan", "PLW", "adjective")]),
        ("Pakistani, Algerian, Irish, Cuban, Mexican, Gambian, Senegalese, Indian, Belarusian and Lao",
         [("Pakistani", "PAK", "adjective"), ("Algerian", "DZA", "adjective"), ("Irish", "IRL", "adjective"),
          ("Cuban", "CUB", "adjective"), ("Mexican", "MEX", "adjective"), ("Gambian", "GMB", "adjective"),
          ("Senegalese", "SEN", "adjective"), ("Indian", "IND", "adjective"),
          ("Belarusian", "BLR", "adjective"), ("Lao", "LAO", "adjective")]),
        ("Russo-Japanese and Indo-Pakistani wars, Greco-Turkish, Turco-Persian, Hispano-Moroccan, Luso-, "
         "Italo-Ethiopian, Germano-Soviet",
         [("Russo-", "RUS", "prefix"), ("Japanese", "JPN", "adjective"), ("Indo-", "IND", "prefix"),
          ("Pakistani", "PAK", "adjective"), ("Greco-", "GRC", "prefix"), ("Turkish", "TUR", "adjective"),
          ("Turco-", "TUR", "prefix"), ("Persian", "IRN", "adjective"), ("Hispano-", "ESP", "prefix"),
          ("Moroccan", "MAR", "adjective"), ("Italo-", "ITA", "prefix"), ("Ethiopian", "ETH", "adjective"),
          ("Germano-", "DEU", "prefix"), ("Soviet", "RUS", "adjective")]),
        ("the Indian Ocean, the Arabian Sea, the Persian Gulf and a Guinea pig", []),
        ("the Indo-Pacific and Anglo-Saxon England", [("England", "GBR", "name")]),
        ("a Senegalo-Gambian Permanent Secretariat", [("Senegalo-", "SEN", "prefix"), ("Gambian", "GMB", "adjective")]),
        ("George Washington and Queen Victoria visited Lake Victoria", []),
        ("Franco's Spain, not Francoism", [("Franco's Spain", "ESP", "historical")]),
        ("Francoist Spain and Spain", [("Francoist Spain", "ESP", "historical"), ("Spain", "ESP", "name")]),
        ("Morocco's King and Russia's President", [("Morocco", "MAR", "name"), ("Russia", "RUS", "name")]),
        ("the Algeria–Morocco border", [("Algeria", "DZA", "name"), ("Morocco", "MAR", "name")]),
        ("The Gambia reached independence; the Gambia then", [("The Gambia", "GMB", "name"), ("the Gambia", "GMB", "name")]),
        ("Guinea-Bissau, Equatorial Guinea and Papua New Guinea",
         [("Guinea-Bissau", "GNB", "name"), ("Equatorial Guinea", "GNQ", "name"), ("Papua New Guinea", "PNG", "name")]),
        ("", []),
    ],
)
def test_find_countries(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _triples(text) == expected


def test_find_countries_historical_field() -> None:
    ms = find_countries("In 1897, the Russian Empire established a consulate; Soviet arms; the Soviets.")
    assert [m.historical for m in ms] == ["Russian Empire", "Soviet Union", "Soviet Union"]
    assert ms[0] == Mention("the Russian Empire", (9, 27), "RUS", "historical", "Russian Empire")


def test_find_countries_spans_match_text() -> None:
    text = "In the late Tsarist years, Russia supported the French colonial position in Morocco."
    for m in find_countries(text):
        assert text[m.span[0]:m.span[1]] == m.text
    assert _triples(text) == [("Tsarist", "RUS", "adjective"), ("Russia", "RUS", "name"),
                              ("French", "FRA", "adjective"), ("Morocco", "MAR", "name")]


@pytest.mark.parametrize(
    ("text", "only", "expected"),
    [
        ("Morocco has an embassy in Moscow, while Russia has an embassy in Rabat; France too.",
         {"MAR", "RUS"}, [("Morocco", "MAR", "name"), ("Moscow", "RUS", "capital"), ("Russia", "RUS", "name"),
                          ("Rabat", "MAR", "capital")]),
        ("Northern Ireland and the Republic of Ireland", {"IRL"}, [("the Republic of Ireland", "IRL", "name")]),
        ("Northern Ireland and Ireland", {"GBR"}, [("Northern Ireland", "GBR", "name")]),
        ("the Indo-Pacific, the Indian Ocean and India", {"IND"}, [("India", "IND", "name")]),
        ("Congolese troops", {"COG"}, [("Congolese", "COG", "adjective")]),
        ("Congolese troops", {"COD"}, [("Congolese", "COD", "adjective")]),
        ("Korean War", {"PRK"}, [("Korean", "PRK", "adjective")]),
        ("Cuba–Soviet Union relations", {"CUB", "RUS"}, [("Cuba", "CUB", "name"), ("Soviet Union", "RUS", "historical")]),
    ],
)
def test_find_countries_only(text: str, only: set[str], expected: list[tuple[str, str, str]]) -> None:
    assert _triples(text, frozenset(only)) == expected


def test_find_countries_only_agrees_with_full_scan() -> None:
    text = open_sample("morocco-russia-relations.txt")
    full = [m for m in find_countries(text) if m.iso3 in {"MAR", "RUS"}]
    assert find_countries(text, frozenset({"MAR", "RUS"})) == full
    assert len(full) > 40


# --- cities ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "name", "iso3"),
    [
        ("Tanger", "Tangier", "MAR"),
        ("Tangier", "Tangier", "MAR"),
        ("Marrakech", "Marrakesh", "MAR"),
        ("Marrakesh", "Marrakesh", "MAR"),
        ("Kiev", "Kyiv", "UKR"),
        ("Kyiv", "Kyiv", "UKR"),
        ("Fes", "Fez", "MAR"),
        ("Fez", "Fez", "MAR"),
        ("Fès", "Fez", "MAR"),
        ("Bombay", "Mumbai", "IND"),
        ("Peking", "Beijing", "CHN"),
        ("Beijing", "Beijing", "CHN"),
        ("Rangoon", "Yangon", "MMR"),
        ("St. Petersburg", "Saint Petersburg", "RUS"),
        ("Saint Petersburg", "Saint Petersburg", "RUS"),
        ("Leningrad", "Saint Petersburg", "RUS"),
        ("Mexico City", "Mexico City", "MEX"),
        ("New Delhi", "New Delhi", "IND"),
        ("Sidi Bel Abbès", "Sidi Bel Abbès", "DZA"),
        ("Sidi Bel Abbes", "Sidi Bel Abbès", "DZA"),
        ("Reykjavík", "Reykjavík", "ISL"),
        ("Reykjavik", "Reykjavík", "ISL"),
        ("Koror", "Koror", "PLW"),
        ("Luxembourg City", "Luxembourg City", "LUX"),
        ("Luxembourg", "Luxembourg City", "LUX"),
        ("Washington, D.C.", "Washington, D.C.", "USA"),
        ("Washington", "Washington, D.C.", "USA"),
        ("Washington DC", "Washington, D.C.", "USA"),
        ("Singapore", "Singapore", "SGP"),
        ("Havana", "Havana", "CUB"),
        ("Oujda", "Oujda", "MAR"),
        ("Calcutta", "Kolkata", "IND"),
        ("Saigon", "Ho Chi Minh City", "VNM"),
        ("Constantinople", "Istanbul", "TUR"),
        ("Vientiane", "Vientiane", "LAO"),
        ("san josé", "San José", "CRI"),
    ],
)
def test_city(query: str, name: str, iso3: str) -> None:
    c = city(query)
    assert c is not None, query
    assert (c.name, c.iso3) == (name, iso3)


@pytest.mark.parametrize("query", ["Minato-ku", "Minato", "Minato City"])
def test_city_minato_is_in_tokyo(query: str) -> None:
    c = city(query)
    assert c is not None and c.iso3 == "JPN"
    assert abs(c.lat - 35.66) < 0.1 and abs(c.lon - 139.75) < 0.1


@pytest.mark.parametrize(
    ("query", "lat", "lon"),
    [
        ("Rabat", 34.0209, -6.8416),
        ("Casablanca", 33.5731, -7.5898),
        ("Tangier", 35.7595, -5.8340),
        ("Moscow", 55.7558, 37.6173),
        ("Koror", 7.3419, 134.4792),
        ("Oujda", 34.6814, -1.9086),
        ("Reykjavík", 64.1466, -21.9426),
        ("Washington, D.C.", 38.9072, -77.0369),
    ],
)
def test_city_coordinates(query: str, lat: float, lon: float) -> None:
    c = city(query)
    assert c is not None
    assert abs(c.lat - lat) < 0.2 and abs(c.lon - lon) < 0.2
    assert c.population > 10000


@pytest.mark.parametrize(
    ("query", "iso3", "expected_iso3"),
    [("Moscow", "USA", "USA"), ("Moscow", "RUS", "RUS"), ("Rabat", "MLT", "MLT"), ("Casablanca", "CHL", "CHL"),
     ("Tangier", "mar", "MAR")],
)
def test_city_within_country(query: str, iso3: str, expected_iso3: str) -> None:
    c = city(query, iso3)
    assert c is not None and c.iso3 == expected_iso3


@pytest.mark.parametrize(("text", "iso3", "historical"), [
    ("the Mauryan emperor Ashoka", "IND", "Maurya Empire"), ("the Khmer Empire ruled", "KHM", "Khmer Empire"),
    ("Ayutthayan forces sacked Angkor", "THA", "Ayutthaya Kingdom"), ("the Kingdom of Kush", "SDN", "Kingdom of Kush"),
    ("the Regency of Algiers", "DZA", "Regency of Algiers"),
    ("the Independent State of Croatia", "HRV", "Independent State of Croatia"),
])
def test_older_states_map_to_their_successors(text: str, iso3: str, historical: str) -> None:
    assert [(m.iso3, m.historical) for m in find_countries(text)] == [(iso3, historical)]


@pytest.mark.parametrize(("query", "iso3"), [("Hong Kong", "CHN"), ("Mariehamn", "FIN"), ("Nuuk", "DNK"),
                                           ("Gibraltar", "GBR"), ("San Juan", "USA")])
def test_a_territory_city_is_in_its_sovereign_state(query: str, iso3: str) -> None:
    c = city(query, iso3)
    assert c is not None and c.iso3 == iso3
    assert find_cities(f"a consulate in {query} opened", iso3)[0][0] == c


@pytest.mark.parametrize(
    ("query", "iso3"),
    [("Embassy", None), ("Morocco", None), ("Mexico", None), ("Kuwait", None), ("Russia", None), ("", None),
     ("Soviet Union", None), ("Moscow", "MAR"), ("Tangier", "RUS")],
)
def test_city_none(query: str, iso3: str | None) -> None:
    assert city(query, iso3) is None


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("MAR", "Rabat"), ("RUS", "Moscow"), ("PLW", "Ngerulmud"), ("USA", "Washington, D.C."), ("BOL", "Sucre"),
     ("NLD", "Amsterdam"), ("CHN", "Beijing"), ("GMB", "Banjul"), ("IND", "New Delhi"), ("VAT", "Vatican City"),
     ("XKX", "Pristina"), ("MMR", "Naypyidaw"), ("UKR", "Kyiv")],
)
def test_capital(iso3: str, name: str) -> None:
    c = capital(iso3)
    assert c is not None and c.name == name and c.iso3 == iso3.upper()


def test_capital_unknown() -> None:
    assert capital("ZZZ") is None
    assert capital("ATA") is None


def _cities(text: str, iso3: str | None = None) -> list[tuple[str, str, str]]:
    return [(c.name, c.iso3, text[a:b]) for c, (a, b) in find_cities(text, iso3)]


@pytest.mark.parametrize(
    ("text", "iso3", "expected"),
    [
        ("Morocco has an embassy in Moscow, while Russia has an embassy in Rabat and a consulate general in "
         "Casablanca.", None,
         [("Moscow", "RUS", "Moscow"), ("Rabat", "MAR", "Rabat"), ("Casablanca", "MAR", "Casablanca")]),
        ("In 1897, the Russian Empire established a consulate in Tangier.", None, [("Tangier", "MAR", "Tangier")]),
        ("Algeria also has consulates in Casablanca and Oujda; Oran and Sidi Bel Abbès.", None,
         [("Casablanca", "MAR", "Casablanca"), ("Oujda", "MAR", "Oujda"), ("Oran", "DZA", "Oran"),
          ("Sidi Bel Abbès", "DZA", "Sidi Bel Abbès")]),
        ("a Palauan embassy in Minato-ku, Tokyo.", None,
         [("Minato City", "JPN", "Minato-ku"), ("Tokyo", "JPN", "Tokyo")]),
        ("Embassy of Japan, Koror", None, [("Koror", "PLW", "Koror")]),
        ("Spanish embassy, Mexico City", None, [("Mexico City", "MEX", "Mexico City")]),
        ("talks in Washington, D.C. and Moscow's role", None,
         [("Washington, D.C.", "USA", "Washington, D.C."), ("Moscow", "RUS", "Moscow")]),
        ("the French bombardment of Tanger and the Battle of Isly", None, [("Tangier", "MAR", "Tanger")]),
        ("President Vladimir Putin visited Morocco in March and the Tangier Protocol", None, []),
        ("In March 2016, King Mohammed VI of Morocco visited Russia.", None, []),
        ("the Anglo-Norman invasion of Ireland", None, []),
        ("Casablanca, Rabat and Moscow", "MAR", [("Casablanca", "MAR", "Casablanca"), ("Rabat", "MAR", "Rabat")]),
        ("an oil refinery in Mohammedia and the Nador Port", "MAR", [("Mohammedia", "MAR", "Mohammedia")]),
        ("Singapore and Luxembourg", None, [("Singapore", "SGP", "Singapore")]),
        ("", None, []),
    ],
)
def test_find_cities(text: str, iso3: str | None, expected: list[tuple[str, str, str]]) -> None:
    assert _cities(text, iso3) == expected


def test_find_cities_takes_a_countrys_name_for_a_city_only_when_asked() -> None:
    # "Liberia" is a country, and a city of Costa Rica; "Panama" names no city of Panama's own by that name.
    assert _cities("consulates in Liberia", "CRI") == []
    assert [(c.name, c.iso3) for c, _ in find_cities("consulates in Liberia", "CRI", foreign=True)] == [("Liberia", "CRI")]
    assert find_cities("an embassy in Panama", "PAN", foreign=True) == []


def test_find_cities_returns_city_objects() -> None:
    (c, span), = find_cities("Moscow backed it.")
    assert isinstance(c, City) and span == (0, 6)


# --- data ------------------------------------------------------------------------------------------


def _country_rows() -> list[dict[str, str]]:
    text = (resources.files("legation") / "data" / "countries.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_countries_table_covers_iso_3166() -> None:
    import pycountry

    rows = _country_rows()
    current = {r["iso3"] for r in rows if r["kind"] in ("state", "territory")}
    assert {c.alpha_3 for c in pycountry.countries} <= current
    assert len(places.all_countries()) == len(current) == 250
    for r in rows:
        assert r["kind"] in ("state", "territory", "historical", "ignore"), r
        if r["kind"] == "historical":
            assert r["iso3"] in current and r["years"], r
        if r["kind"] == "state":
            assert r["adjectives"], r["name"]
            assert r["capitals"], r["name"]


def test_every_state_resolves_by_its_own_names() -> None:
    for r in _country_rows():
        if r["kind"] in ("state", "territory"):
            for form in [r["name"], r["official"], *r["aliases"].split("|")]:
                if form and not form.endswith("~"):
                    c = country(form)
                    assert c is not None, form
            assert country(r["name"]).iso3 == r["iso3"], r["name"]
            if r["kind"] == "state":
                assert capital(r["iso3"]) is not None, r["name"]


def test_gazetteer_file() -> None:
    raw = (resources.files("legation") / "data" / "cities.tsv.gz").read_bytes()
    assert len(raw) <= 2 * 1024 * 1024
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    assert lines[0].split("\t") == ["name", "key", "alternates", "iso2", "lat", "lon", "population", "capital"]
    assert len(lines) > 60000
    assert all(line.count("\t") == 7 for line in lines[:1000])


def test_import_reads_no_data() -> None:
    code = ("import legation.places as p, legation.countries as c; "
            "assert c._table.cache_info().currsize == 0; assert p._gazetteer.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_first_city_lookup_loads_the_gazetteer_once() -> None:
    # The first lookup pays for the gazetteer; `make bench` times it (gazetteer_load_seconds).
    code = ("import legation.places as p; assert p.city('Rabat').name == 'Rabat'; p.city('Moscow'); "
            "i = p._gazetteer.cache_info(); assert (i.misses, i.currsize) == (1, 1), i")
    subprocess.run([sys.executable, "-c", code], check=True)


def open_sample(name: str) -> str:
    return (resources.files("legation") / "data" / "samples" / name).read_text(encoding="utf-8")


def test_sample_article_mentions() -> None:
    text = open_sample("morocco-russia-relations.txt")
    iso3s = {m.iso3 for m in find_countries(text)}
    assert {"MAR", "RUS", "DZA", "FRA", "UKR", "SAU", "ESH"} <= iso3s
    names = {c.name for c, _ in find_cities(text)}
    assert {"Moscow", "Rabat", "Casablanca", "Tangier", "Marrakesh"} <= names
