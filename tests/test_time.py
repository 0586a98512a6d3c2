"""Time expressions: what the grammar reads, what it refuses, and the invariants of its output."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legation.extract.periods import PERIODS
from legation.extract.time import TimeExpr, find_times, heading_time, parse_time, resolve
from tests.conftest import corpus_files

RUS = frozenset({"MAR", "RUS"})


def first(sentence: str, context: frozenset[str] = frozenset()) -> TimeExpr:
    found = parse_time(sentence, context)
    assert found is not None, sentence
    return found


def year(value: str | None) -> int | None:
    return None if value is None else int(re.match(r"-?\d+", value).group())


# ---------------------------------------------------------------- intervals
# (sentence, words that give the time, start, end, kind); end None: open-ended.
CASES = [
    # years
    ("In 1897, the Russian Empire established a consulate.", "In 1897", "1897", "1897", "point"),
    ("Ingólfr Arnarson the first settler arrived in 874.", "in 874", "0874", "0874", "point"),
    ("particularly the 1963 Sand War", "the 1963 Sand War", "1963", "1963", "point"),
    ("trade reached over 2 billion dollars in 2011.", "in 2011", "2011", "2011", "point"),
    ("During the 1964 Moscow protest, students broke in.", "1964", "1964", "1964", "point"),
    ("in the year 1897", "in the year 1897", "1897", "1897", "point"),
    ("As of 2017, trade stood at US$17.63 billion.", "As of 2017", "2017", "2017", "point"),
    # months and days
    ("March 2016", "March 2016", "2016-03", "2016-03", "point"),
    ("In March 2016, King Mohammed VI visited Russia.", "In March 2016", "2016-03", "2016-03", "point"),
    ("On 20 December 2023, the forum took place.", "On 20 December 2023", "2023-12-20", "2023-12-20", "point"),
    ("December 20, 2023", "December 20, 2023", "2023-12-20", "2023-12-20", "point"),
    ("creating, on 8 December 1991, a regional organization", "on 8 December 1991", "1991-12-08",
     "1991-12-08", "point"),
    ("Lukashenko came to power in July 1994.", "in July 1994", "1994-07", "1994-07", "point"),
    ("the talks of 8–10 December 1991", "8–10 December 1991", "1991-12-08", "1991-12-10", "range"),
    ("between March and May 2016", "between March and May 2016", "2016-03", "2016-05", "range"),
    ("signed on 2016-03-20", "on 2016-03-20", "2016-03-20", "2016-03-20", "point"),
    # decades
    ("In the 1920s, the Comintern was active.", "In the 1920s", "1920", "1929", "point"),
    ("1920s", "1920s", "1920", "1929", "point"),
    ("in the 1920s and the 1930s, the Soviet Union did not sign", "in the 1920s and the 1930s", "1920", "1939",
     "range"),
    ("In the early 1960s, relations developed.", "In the early 1960s", "1960", "1963", "point"),
    ("In the mid-1990s Belarus seemed ideal.", "In the mid-1990s", "1994", "1996", "point"),
    ("in the mid 1990s", "in the mid 1990s", "1994", "1996", "point"),
    ("in the late 1960s", "in the late 1960s", "1967", "1969", "point"),
    # a decade of the first millennium; a hundred of them is the century
    ("until the Arab conquest of the 630s", "the 630s", "0630", "0639", "point"),
    ("in the 300s", "in the 300s", "0300", "0399", "point"),
    ("In the 2000s, trade widened.", "In the 2000s", "2000", "2009", "point"),
    ("established relations in the 1830s", "in the 1830s", "1830", "1839", "point"),
    ("in the late 1980s and early 1990s", "in the late 1980s and early 1990s", "1987", "1993", "range"),
    ("Mid through end of the 1990s", "Mid through end of the 1990s", "1994", "1999", "point"),
    # centuries
    ("trade in the 18th century", "in the 18th century", "1700", "1799", "point"),
    ("during much of the 19th and the 20th century", "during much of the 19th and the 20th century", "1800",
     "1999", "range"),
    ("in the 19th and 20th centuries", "in the 19th and 20th centuries", "1800", "1999", "range"),
    ("in the early 18th century", "in the early 18th century", "1700", "1733", "point"),
    ("in the mid-18th century", "in the mid-18th century", "1740", "1760", "point"),  # its middle decades
    ("the invasion of Laos in the late 15th century", "in the late 15th century", "1467", "1499", "point"),
    ("from the 1st century AD", "from the 1st century AD", "0001", None, "since"),
    ("the 1st century AD", "the 1st century AD", "0001", "0100", "point"),
    ("the 5th century BC", "the 5th century BC", "-0500", "-0401", "point"),
    ("Towards the end of the 19th century, Eritrea became a focus.", "Towards the end of the 19th century",
     "1867", "1899", "point"),
    ("at the end of the 19th century", "at the end of the 19th century", "1867", "1899", "point"),
    ("in the early 20th century", "in the early 20th century", "1900", "1933", "point"),
    ("in the nineteenth century", "in the nineteenth century", "1800", "1899", "point"),
    ("In the 19th century and early 20th century, the term was used.",
     "In the 19th century and early 20th century", "1800", "1933", "range"),
    ("the late 19th and early 20th centuries", "the late 19th and early 20th centuries", "1867", "1933", "range"),
    # ranges
    ("between 1905 and 1910", "between 1905 and 1910", "1905", "1910", "range"),
    ("the Cold War (1947–1991)", "the Cold War", "1947", "1991", "period"),
    ("1947–1991", "1947–1991", "1947", "1991", "range"),
    ("1947-1991", "1947-1991", "1947", "1991", "range"),
    ("1947 to 1991", "1947 to 1991", "1947", "1991", "range"),
    ("feuding from 1930 to 1955", "from 1930 to 1955", "1930", "1955", "range"),
    ("the 1936–39 Spanish Civil War", "the 1936–39 Spanish Civil War", "1936", "1939", "range"),
    ('"reconciliation" (1945–1963)', "1945–1963", "1945", "1963", "range"),
    ("most settlers coming between 880 and 910", "between 880 and 910", "0880", "0910", "range"),
    ("the Western Sahara War of 1975–1991", "the Western Sahara War of 1975–1991", "1975", "1991", "range"),
    ("from March 2016 to May 2017", "from March 2016 to May 2017", "2016-03", "2017-05", "range"),
    # a first day without its year takes the year of the second, or the year before it
    ("was fought from 26 January to 28 February 1995 over", "from 26 January to 28 February 1995", "1995-01-26",
     "1995-02-28", "range"),
    ("talks between 28 December and 3 January 1995", "between 28 December and 3 January 1995", "1994-12-28",
     "1995-01-03", "range"),
    ("the siege (25 August – 18 November 1991)", "25 August – 18 November 1991", "1991-08-25", "1991-11-18",
     "range"),
    ("from the 1st century AD to the early Middle Ages", "from the 1st century AD to the early Middle Ages",
     "0001", "1000", "range"),
    ("2014–present", "2014–present", "2014", None, "since"),
    ("From the 16th to the 18th century, trade flourished.", "From the 16th to the 18th century", "1500", "1799",
     "range"),
    ("(880–910)", "880–910", "0880", "0910", "range"),
    # open and bounded
    ("the 8th of its kind since 1992", "since 1992", "1992", None, "since"),
    ("very good since the 18th century", "since the 18th century", "1700", None, "since"),
    ("Iceland remained a colony until 1944.", "until 1944", "1944", "1944", "until"),
    ("till 1944", "till 1944", "1944", "1944", "until"),
    ("After 1968, the USSR provided aid.", "After 1968", "1968", "1968", "after"),
    ("after 1968", "after 1968", "1968", "1968", "after"),
    ("before 1917", "before 1917", "1917", "1917", "before"),
    ("cooperation had begun in earnest by 1979", "by 1979", "1979", "1979", "until"),
    ('"hereditary enmity" (down to 1945)', "down to 1945", "1945", "1945", "until"),
    ("existed from the 15th century onwards", "from the 15th century onwards", "1400", None, "since"),
    ("post-1991 Russia", "post-1991", "1991", "1991", "after"),
    # BCE and approximate
    ("500 BC", "500 BC", "-0500", "-0500", "point"),
    ("500 BCE", "500 BCE", "-0500", "-0500", "point"),
    ("Caesar died in 44 BC.", "in 44 BC", "-0044", "-0044", "point"),
    ("AD 800", "AD 800", "0800", "0800", "point"),
    ("brought under Norwegian rule around 1262", "around 1262", "1262", "1262", "point"),
    ("circa 1262", "circa 1262", "1262", "1262", "point"),
    ("c. 1262", "c. 1262", "1262", "1262", "point"),
    # named periods
    ("During the Cold War, Morocco traded.", "During the Cold War", "1947", "1991", "period"),
    ("the Cold War era", "the Cold War era", "1947", "1991", "period"),
    ("during World War I", "during World War I", "1914", "1918", "period"),
    ("in the First World War", "in the First World War", "1914", "1918", "period"),
    ("after WWI", "after WWI", "1918", "1918", "after"),
    ("during World War II", "during World War II", "1939", "1945", "period"),
    ("in the Second World War", "in the Second World War", "1939", "1945", "period"),
    ("WWII", "WWII", "1939", "1945", "period"),
    ("in the interwar period", "in the interwar period", "1918", "1939", "period"),
    ("back to the Middle Ages", "back to the Middle Ages", "0500", None, "since"),
    ("in the early Middle Ages", "in the early Middle Ages", "0500", "1000", "period"),
    ("settled in medieval times", "in medieval times", "0500", "1500", "period"),
    ("linked since ancient times", "since ancient times", "-3000", None, "since"),
    ("in antiquity", "in antiquity", "-3000", "0500", "period"),
    ("the Napoleonic Wars", "the Napoleonic Wars", "1803", "1815", "period"),
    ("during the Great Depression", "during the Great Depression", "1929", "1939", "period"),
    ("in the aftermath of the Cuban missile crisis", "in the aftermath of the Cuban missile crisis", "1962",
     "1962", "after"),
    ("During the coronavirus pandemic, cooperation grew.", "During the coronavirus pandemic", "2020", "2022",
     "period"),
    ("during the COVID-19 pandemic", "during the COVID-19 pandemic", "2020", "2022", "period"),
    ("after the Russian Revolution", "after the Russian Revolution", "1917", "1917", "after"),
    ("the Cuban Revolution", "the Cuban Revolution", "1953", "1959", "period"),
    ("after the Cuban Revolution of 1959", "after the Cuban Revolution of 1959", "1959", "1959", "after"),
    ("during the Spanish Civil War", "during the Spanish Civil War", "1936", "1939", "period"),
    ("the Korean War", "the Korean War", "1950", "1953", "period"),
    ("the Vietnam War", "the Vietnam War", "1955", "1975", "period"),
    ("the Gulf War", "the Gulf War", "1990", "1991", "period"),
    ("the Iran–Iraq War", "the Iran–Iraq War", "1980", "1988", "period"),
    ("the Iran-Iraq war", "the Iran-Iraq war", "1980", "1988", "period"),
    ("when the Lutheran Reformation became predominant", "the Lutheran Reformation", "1517", "1648", "period"),
    ("supported France in the First Moroccan Crisis", "in the First Moroccan Crisis", "1905", "1906", "period"),
    ("the Agadir Crisis", "the Agadir Crisis", "1911", "1911", "period"),
    ("participated in the Algeciras Conference", "in the Algeciras Conference", "1906", "1906", "period"),
    ("the Crimean War", "the Crimean War", "1853", "1856", "period"),
    ("the Russo-Japanese War", "the Russo-Japanese War", "1904", "1905", "period"),
    ("During Russo-Ukrainian war", "During Russo-Ukrainian war", "2014", None, "period"),
    ("condemned the Russian invasion of Ukraine", "the Russian invasion of Ukraine", "2022", "2022", "period"),
    ("In the context of Western Sahara War", "In the context of Western Sahara War", "1975", "1991", "period"),
    ("the Sand War", "the Sand War", "1963", "1963", "period"),
    ("following the Anglo-Irish War", "following the Anglo-Irish War", "1921", "1921", "after"),
    ("upon the onset of the Mexican Revolution", "upon the onset of the Mexican Revolution", "1910", "1910",
     "point"),
    ("the end of the Mexican War of Independence", "the end of the Mexican War of Independence", "1821", "1821",
     "point"),
    ("after the Eritrean War of Independence", "after the Eritrean War of Independence", "1991", "1991", "after"),
    ("the 1998 Eritrean–Ethiopian War", "the 1998 Eritrean–Ethiopian War", "1998", "1998", "point"),
    ("the Eritrean–Ethiopian War", "the Eritrean–Ethiopian War", "1998", "2000", "period"),
    ("in the Tigray Conflict", "in the Tigray Conflict", "2020", "2022", "period"),
    ("after the Arab Spring", "after the Arab Spring", "2012", "2012", "after"),
    ("during the Great Recession", "during the Great Recession", "2007", "2009", "period"),
    ("the decolonisation of Africa", "the decolonisation of Africa", "1951", "1980", "period"),
    ("until the end of the Soviet Union", "until the end of the Soviet Union", "1991", "1991", "until"),
    ("after the collapse of the Soviet Union", "after the collapse of the Soviet Union", "1991", "1991", "after"),
    ("Following the aftermath of World War II", "Following the aftermath of World War II", "1945", "1945",
     "after"),
    ("in the aftermath of the Cuban missile crisis to 1968", "in the aftermath of the Cuban missile crisis to 1968",
     "1962", "1968", "after"),
    ("during the porfiriato", "during the porfiriato", "1876", "1911", "period"),
    ("fleeing from the Francoist dictatorship", "the Francoist dictatorship", "1939", "1975", "period"),
    ("in the Meiji era", "in the Meiji era", "1868", "1912", "period"),
    ("before World War II", "before World War II", "1939", "1939", "before"),
    ("during the Cold-War era", "during the Cold-War era", "1947", "1991", "period"),
    ("at the height of the Cold War", "at the height of the Cold War", "1962", "1976", "period"),
    ("the early Cold War", "the early Cold War", "1947", "1962", "period"),
    ("stagnated during the Khrushchev Thaw", "during the Khrushchev Thaw", "1953", "1964", "period"),
    # the end's unit left to the reader
    ("fought wars from the 16th century to the 19th.", "from the 16th century to the 19th", "1500", "1899", "range"),
    ("in the 18th century to the 1st Army", "in the 18th century", "1700", "1799", "point"),
    # "back" of a phrasal verb is not "back in …"
    ("but it handed them back in November 1946.", "in November 1946", "1946-11", "1946-11", "point"),
    ("Relations were warm back in 1990.", "back in 1990", "1990", "1990", "point"),
    # a polity named as a time only when nothing makes it the actor
    ("during the Tokugawa shogunate trade was small", "during the Tokugawa shogunate", "1603", "1868", "period"),
    # a preposition before the event a time dates: the act is after (before, since, until) that event
    ("Vietnam withdrew after the war with Siam of 1841–1845.", "after the war with Siam of 1841–1845", "1845",
     "1845", "after"),
    ("Relations were frozen since the revolution of 1979.", "since the revolution of 1979", "1979", None, "since"),
    ("and lasted until the Addis Ababa Agreement of 1972", "1972", "1972", "1972", "point"),  # an act of its own
    ("After the 1967 war, Egypt broke relations.", "After the 1967", "1967", "1967", "after"),
    ("He fought in the war of 1812.", "1812", "1812", "1812", "point"),  # (no such preposition)
    ("and ruled until his death in 1900", "until his death in 1900", "1900", "1900", "until"),
    ("a member until Iraq withdrew in March 1959", "until Iraq withdrew in March 1959", "1959-03", "1959-03", "until"),
    ("fought until the Soviet Union collapsed in 1991", "until the Soviet Union collapsed in 1991", "1991", "1991",
     "until"),
    ("After the 1974 agreement, trade grew.", "1974", "1974", "1974", "point"),
    # a year narrowed before a count of people: the year, not the count
    ("In late 1919 Chinese troops occupied Urga.", "In late 1919", "1919", "1919", "point"),
    ("in the summer of 1874 Danish troops landed", "in the summer of 1874", "1874", "1874", "point"),
]


@pytest.mark.parametrize("sentence, words, start, end, kind", CASES, ids=[c[0][:50] for c in CASES])
def test_interval(sentence: str, words: str, start: str, end: str | None, kind: str) -> None:
    t = first(sentence)
    assert (t.text, t.start, t.end, t.kind) == (words, start, end, kind)
    assert sentence[t.span[0]:t.span[1]] == t.text


@pytest.mark.parametrize("sentence, context, start, end", [
    # country-specific periods need the article's countries
    ("In the late Tsarist years, Russia supported France.", RUS, "1893", "1917"),
    ("in imperial Russia under Catherine II", RUS, "1721", "1917"),
    ("trade in the Russian Empire", RUS, None, None),  # "in" alone: the Russian Empire is also a place
    ("under the Russian Empire", RUS, "1721", "1917"),
    ("in the Soviet era", RUS, "1917", "1991"),
    ("Ottoman period", frozenset({"TUR", "EGY"}), "1517", "1914"),
    ("in the Ottoman period", frozenset({"TUR"}), "1299", "1922"),
    ("during the Franco era", frozenset({"ESP", "MEX"}), "1939", "1975"),
    ("an alliance during Spanish colonial times", frozenset({"ARG", "CHL"}), "1541", "1816"),
    ("during Spanish colonial times", frozenset(), "1492", "1825"),
    ("during the Mandate period", frozenset({"ISR", "JOR"}), "1920", "1946"),
    ("Since independence Eritrea's relationship with Ethiopia", frozenset({"ERI", "ETH"}), "1993", None),
    ("under French colonial rule in Indochina", frozenset({"LAO", "VNM"}), "1893", "1953"),
])
def test_context(sentence: str, context: frozenset[str], start: str | None, end: str | None) -> None:
    t = parse_time(sentence, context)
    if start is None:
        assert t is None, t
        return
    assert t is not None
    assert (t.start, t.end) == (start, end)
    if "late Tsarist" in sentence:
        assert 1890 <= year(t.start) <= 1912 and 1914 <= year(t.end) <= 1917


@pytest.mark.parametrize("phrase", ["Imperial period", "during the Imperial period", "the Mandate period",
                                    "since independence", "in the colonial era"])
def test_ambiguous_period_needs_context(phrase: str) -> None:
    assert parse_time(phrase) is None


def test_ambiguous_context_of_both_sides_without_common_years() -> None:
    # Greece and Turkey each had a war of independence, a century apart: no single time.
    assert parse_time("during the War of Independence", frozenset({"GRC", "TUR"})) is None
    assert parse_time("during the War of Independence", frozenset({"GRC"})).start == "1821"


# ---------------------------------------------------------------- what is not a time
@pytest.mark.parametrize("sentence", [
    "5300 km", "2 billion dollars", "around 100,000 barrels per day", "the 8th of its kind", "15 nautical miles",
    "37%", "visit without a visa for 90 days", "Route 66", "UN Resolution 550", "UN Resolution 1973",
    "a Boeing 747", "a fleet of 10 Russian vessels", "the 6th Russian-Arab Cooperation forum", "page 1234",
    "about 1500 people", "some 1200 Russian soldiers", "over 1990 troops", "$1500", "1500 km of border",
    "In recent years, relations have improved", "in recent times", "currently", "nowadays", "today",
    "Russia and Morocco currently enjoy a very good relationship", "approximately 50 Moroccan students",
    "the Soviet Union supported the Polisario", "the Ottoman Empire occupied Massawa",
    "independence from the Ottoman Empire", "the troubles of a young state", "the March agreement",
    "the spanning of 4 years", "the population rose by 1500",
    "sometimes called the Second Hundred Years' War",  # another war of that name
    "but the Tokugawa shogunate refused", "the Qing dynasty ceded Taiwan",  # the state acting
    "a step that may help",  # a modal verb, not a month
])
def test_not_a_time(sentence: str) -> None:
    assert find_times(sentence) == [], find_times(sentence)


@pytest.mark.parametrize("sentence, wanted", [
    ("About 154,000 had crossed by November 1951, when Ankara closed the border.", "1951-11"),
    ("Refugees had crossed by 1951.", "1951"),  # a year after a verb of no change is a time
])
def test_by_a_time_after_a_verb(sentence: str, wanted: str) -> None:
    assert [t.start for t in find_times(sentence)] == [wanted], find_times(sentence)


def test_only_the_year_in_a_sentence_of_figures() -> None:
    s = "Trade reached over 2 billion dollars in 2011 and 200,000 barrels per day in the 8th year."
    assert [(t.text, t.start) for t in find_times(s)] == [("in 2011", "2011")]


def test_several_in_order() -> None:
    s = "In 1906, Cassini attended the Algeciras Conference; since 1992, ten vessels fish beyond 15 nautical miles."
    assert [t.text for t in find_times(s)] == ["In 1906", "the Algeciras Conference", "since 1992"]


# ---------------------------------------------------------------- relative expressions
@pytest.mark.parametrize("sentence, words, rel", [
    ("Then the mutual relations began.", "Then", 0),
    ("then the relations began", "then", 0),
    ("Later that year, both signed.", "Later that year", 0),
    ("diplomats visited Moscow the same year", "the same year", 0),
    ("that year", "that year", 0),
    ("in the same year", "in the same year", 0),
    ("The following year, the treaty entered into force.", "The following year", 1),
    ("A year later, a defence agreement was signed.", "A year later", 1),
    ("Two years later, they met again.", "Two years later", 2),
    ("the next year", "the next year", 1),
    ("the previous year", "the previous year", -1),
    ("three years earlier", "three years earlier", -3),
    ("a decade later", "a decade later", 10),
    ("Thereafter, relations cooled.", "Thereafter", 0),
    ("and that December Shinzo Abe visited Pearl Harbor", "that December", 0),  # a month of the year told
    ("The Vietnamese subsequently retreated.", "subsequently", 0),
    ("Russia, which at that time was unstable", "at that time", 0),
    ("Since then, relations have been cordial.", "Since then", 0),
    ("an agreement signed in 2016, expired in March.", "in March", 0),
    ("On 8 December, they met.", "On 8 December", 0),
    ("Palau achieved self-sufficiency during the period.", "during the period", 0),
    ("Riyadh withdrew the privileges of Yemeni workers that autumn.", "that autumn", 0),  # seasons
    ("and again at Novara the following spring.", "the following spring", 0),
    ("Later that summer the talks resumed.", "Later that summer", 0),
    ("they left within two weeks", "within two weeks", 0),  # a span from the time told
    ("took the port within months", "within months", 0),
])
def test_relative(sentence: str, words: str, rel: int) -> None:
    t = [t for t in find_times(sentence) if t.kind == "relative"][0]
    assert (t.text, t.rel, t.start, t.end, t.precision) == (words, rel, None, None, "relative")


def test_then_inside_a_sentence_is_not_a_time() -> None:
    assert find_times("Jacques Doriot (then a communist) campaigned.") == []
    assert [t.text for t in find_times("Cuba then entered an era of hardship.")] == []


@pytest.mark.parametrize("sentence, anchor, start, end, kind", [
    ("A year later", "In 1964", "1965", "1965", "point"),
    ("the same year", "in 1943", "1943", "1943", "point"),
    ("Then", "since the 18th century", "1700", None, "point"),
    ("the previous year", "in March 2016", "2015", "2015", "point"),
    ("later that year", "In March 2016", "2016", "2016", "point"),  # that year, not that month
    ("the same month", "on 19 August 2009", "2009-08", "2009-08", "point"),
    ("later that month", "on 19 August 2009", "2009-08", "2009-08", "point"),
    ("the same month", "in 2009", "2009", "2009", "point"),
    ("expired in March", "in 2020", "2020-03", "2020-03", "point"),
    ("on 8 December", "in 1991", "1991-12-08", "1991-12-08", "point"),
    ("Since then", "in 1950", "1950", None, "since"),
    ("until then", "during the Cold War", "1947", "1991", "until"),
    ("the next day", "On 20 December 2023", "2023-12-21", "2023-12-21", "point"),
    ("the next day", "in 2023", "2023", "2023", "point"),  # a year moved by a day is still that year
    ("four days later", "on 4 July 1937", "1937-07-08", "1937-07-08", "point"),
    ("five days later", "on 28 December 1980", "1981-01-02", "1981-01-02", "point"),
    ("two weeks earlier", "on 3 January 1990", "1989-12-20", "1989-12-20", "point"),
    ("three months later", "in November 1990", "1991-02", "1991-02", "point"),
    ("a month later", "on 31 January 2001", "2001-02", "2001-02", "point"),
    ("at that time", "during World War II", "1939", "1945", "period"),
    ("the following May", "in July 2015", "2016-05", "2016-05", "point"),  # the next May after the anchor
    ("that December", "In May 2016", "2016-12", "2016-12", "point"),
    ("the following May", "in March 2015", "2015-05", "2015-05", "point"),
    ("the following April", "In late 2018", "2019-04", "2019-04", "point"),  # after a year: the next year's
    ("the next day", "in February 2015", "2015-02", "2015-02", "point"),  # a day after a month: that month
    ("within months", "On 7 April 1767", "1767", "1767", "point"),  # the year: no finer
    ("within 48 hours", "in March 1938", "1938", "1938", "point"),
    # A season is told as its year: the anchor's, or the one its next (or last) such season falls in.
    ("that autumn", "on 22 May 1990", "1990", "1990", "point"),
    ("later that summer", "on 3 July 1914", "1914", "1914", "point"),
    ("the following spring", "In March 1848", "1849", "1849", "point"),
    ("the following spring", "in January 1849", "1849", "1849", "point"),
    ("the following summer", "in 1848", "1849", "1849", "point"),
    ("the following winter", "in 1848", "1848", "1848", "point"),  # the winter that starts in its December
    ("the previous summer", "in March 1849", "1848", "1848", "point"),
    ("the previous summer", "in October 1849", "1849", "1849", "point"),
])
def test_resolve(sentence: str, anchor: str, start: str, end: str | None, kind: str) -> None:
    rel = [t for t in find_times(sentence) if t.kind == "relative"][0]
    out = resolve(rel, first(anchor))
    assert (out.start, out.end, out.kind) == (start, end, kind)
    assert out.text == rel.text and out.rel == rel.rel and out.precision != "relative"


def test_resolve_leaves_absolute_expressions_alone() -> None:
    t = first("in 1897")
    assert resolve(t, first("in 1950")) is t
    rel = first("A year later")
    assert resolve(rel, TimeExpr("x", (0, 1), None, None, "relative", "relative")) is rel


# ---------------------------------------------------------------- headings
@pytest.mark.parametrize("heading, context, start, end", [
    ("Soviet period", RUS, "1917", "1991"),
    ("Imperial period", RUS, "1721", "1917"),
    ("Early 1990s", frozenset(), "1990", "1993"),
    ("Mid through end of the 1990s", frozenset(), "1994", "1999"),
    ("Post-colonization and the Sand War", frozenset({"DZA", "MAR"}), "1956", "1963"),
    ("Historical relations (1550–1989)", frozenset(), "1550", "1989"),
    ("Modern era", frozenset(), "1800", None),
    ("Cold War", frozenset(), "1947", "1991"),
    ("During Russo-Ukrainian war", RUS, "2014", None),
    ("Antiquity and medieval era", frozenset(), "-3000", "1500"),
    ("Relations before Cuban Revolution", frozenset(), "1953", "1953"),
    ("Spanish conquest", frozenset({"ESP", "MEX"}), "1519", "1521"),
])
def test_heading(heading: str, context: frozenset[str], start: str, end: str | None) -> None:
    t = heading_time(heading, context)
    assert t is not None and (t.start, t.end) == (start, end)
    assert heading[t.span[0]:t.span[1]] == t.text


@pytest.mark.parametrize("heading", ["Diplomatic missions", "See also", "Economy", "History", "Early relations",
                                     "Current relations", "Imperial period", "Economy and production"])
def test_heading_without_time(heading: str) -> None:
    assert heading_time(heading) is None


# ---------------------------------------------------------------- invariants
def _check(text: str, found: list[TimeExpr]) -> None:
    last = 0
    for t in found:
        assert text[t.span[0]:t.span[1]] == t.text
        assert t.span[0] >= last  # in order and not overlapping
        last = t.span[1]
        assert t.precision in ("day", "month", "year", "decade", "century", "period", "relative")
        assert t.kind in ("point", "range", "since", "until", "after", "before", "period", "relative")
        if t.kind == "relative":
            assert t.start is None and t.end is None
        else:
            assert t.start is not None and re.fullmatch(r"-?\d{4}(?:-\d{2}){0,2}", t.start)
            assert t.end is None or year(t.start) <= year(t.end)
            assert t.end is not None or t.kind in ("since", "after", "period")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 -–,.()'sthADBCin") + [
    "in ", "since ", "the ", "early ", "late ", "mid-", "century ", "1990s", "March ", "Cold War", "between ",
    " and ", " to ", "BC", "18th ", "World War II", "until ", "after ", "1962", "874", "Then "]), max_size=30)
       .map("".join))
def test_spans_point_at_their_words(text: str) -> None:
    _check(text, find_times(text))


def test_corpus_spans(shared) -> None:
    sentences = []
    for path in corpus_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
    for s in sentences:
        _check(s, find_times(s, RUS))
    assert len(sentences) > 100


def test_period_table() -> None:
    assert len(PERIODS) >= 40
    for p in PERIODS:
        assert p.aliases and all(a == a.lower() or "=" in a for a in p.aliases), p
        for start, end in [(p.start, p.end), *p.countries.values()]:
            assert start is None or end is None or start <= end, p
        assert p.start is not None or p.countries, p
