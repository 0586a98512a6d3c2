"""The vocabulary of time: named periods, and the words around dates.

Named periods are wars, eras and regimes that date an event by name.

Each :class:`Period` lists the ways the name is written and the years it covers,
inclusive; ``end=None`` means it is still going on. Some names mean different
years for different countries ("the Ottoman period" of Greece is not that of
Turkey): ``countries`` holds those intervals keyed by ISO 3166-1 alpha-3, and
``start=None`` means the name dates nothing without one of those countries.

>>> next(p for p in PERIODS if "cold war" in p.aliases).start
1947

Alias syntax: lower-case words; a space or hyphen between words matches any run
of spaces, hyphens or dashes ("Russo–Japanese", "Russo-Japanese", "russo japanese").
A word may be a regular expression, except the first, which must be a plain word because
names are looked up by their first word. A word written "=Troubles" matches only with that
capitalization ("the Troubles" of Northern Ireland, not "the troubles of a state").
``@`` stands for a period word (era, period, years, times, rule, ...), which any
alias may also take as an optional suffix ("the Cold War era").
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Words that turn a name into a period: "the Soviet era", "Tsarist times".
ERA_WORDS = r"(?:era|eras|period|periods|years|times|days|age|epoch|rule|regime)"


@dataclass(frozen=True)
class Period:
    aliases: tuple[str, ...]
    start: int | None
    end: int | None
    countries: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    # "prep": the name is also an entity ("the Ottoman Empire"), so it dates only
    # after during/under/since/...; "bound": only with "the end of", "the collapse of", ...
    needs: str = ""


def _p(aliases: str, start: int | None, end: int | None, needs: str = "", **countries) -> Period:
    return Period(tuple(a.strip() for a in aliases.split(";")), start, end, countries, needs)


_POST_SOVIET = {c: (1922, 1991) for c in ("UKR", "BLR", "ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB")}
_SPANISH_COLONIES = {
    "MEX": (1521, 1821), "ARG": (1536, 1816), "CHL": (1541, 1818), "PER": (1532, 1824),
    "COL": (1525, 1819), "VEN": (1522, 1821), "BOL": (1538, 1825), "ECU": (1534, 1822),
    "PRY": (1537, 1811), "URY": (1680, 1814), "CUB": (1511, 1898), "PHL": (1565, 1898),
    "GTM": (1524, 1821), "HND": (1524, 1821), "SLV": (1525, 1821), "NIC": (1524, 1821),
    "CRI": (1561, 1821), "PAN": (1510, 1821), "DOM": (1492, 1821), "PRI": (1508, 1898),
}
_COLONIAL = {
    "MAR": (1912, 1956), "DZA": (1830, 1962), "TUN": (1881, 1956), "SEN": (1895, 1960),
    "GMB": (1888, 1965), "IND": (1858, 1947), "PAK": (1858, 1947), "BGD": (1858, 1947),
    "LAO": (1893, 1953), "VNM": (1887, 1954), "KHM": (1863, 1953), "ERI": (1890, 1941),
    "LBY": (1911, 1943), "NGA": (1900, 1960), "GHA": (1874, 1957), "KEN": (1895, 1963),
    "IDN": (1800, 1945), "MMR": (1824, 1948), "LKA": (1796, 1948), "USA": (1607, 1776),
    "CYP": (1878, 1960), "MLT": (1800, 1964), "PLW": (1885, 1994), **_SPANISH_COLONIES,
}
_WARS_OF_INDEPENDENCE = {c: (1808, 1826) for c in ("ARG", "CHL", "PER", "COL", "VEN", "BOL", "ECU", "URY", "PRY")}
_INDEPENDENCE = {
    "ERI": (1993, 1993), "IND": (1947, 1947), "PAK": (1947, 1947), "BGD": (1971, 1971),
    "MAR": (1956, 1956), "DZA": (1962, 1962), "TUN": (1956, 1956), "LBY": (1951, 1951),
    "GMB": (1965, 1965), "SEN": (1960, 1960), "ARG": (1816, 1816), "CHL": (1818, 1818),
    "MEX": (1821, 1821), "CUB": (1902, 1902), "IRL": (1922, 1922), "ISL": (1944, 1944),
    "NOR": (1905, 1905), "GRC": (1830, 1830), "PLW": (1994, 1994), "LAO": (1953, 1953),
    "VNM": (1945, 1945), "KHM": (1953, 1953), "BLR": (1991, 1991), "UKR": (1991, 1991),
    "KAZ": (1991, 1991), "GEO": (1991, 1991), "ARM": (1991, 1991), "AZE": (1991, 1991),
    "LTU": (1990, 1990), "LVA": (1991, 1991), "EST": (1991, 1991), "FIN": (1917, 1917),
    "PHL": (1946, 1946), "IDN": (1945, 1945), "MYS": (1957, 1957), "SGP": (1965, 1965),
    "NGA": (1960, 1960), "GHA": (1957, 1957), "KEN": (1963, 1963), "USA": (1776, 1776),
    "BRA": (1822, 1822), "PER": (1821, 1821), "COL": (1810, 1810), "VEN": (1811, 1811),
    "ISR": (1948, 1948), "CYP": (1960, 1960), "MLT": (1964, 1964), "SSD": (2011, 2011),
}

PERIODS: tuple[Period, ...] = (
    # World wars and the twentieth century's frame
    _p("world war i; world war 1; world war one; first world war; great war; wwi; ww1; ww i", 1914, 1918),
    _p("world war ii; world war 2; world war two; second world war; wwii; ww2; ww ii; "
       "great patriotic war", 1939, 1945),
    _p("interwar @; interwar; inter war @; inter war; between the wars", 1918, 1939),
    _p("post war @; postwar @", 1945, 1960),
    _p("cold war", 1947, 1991),
    _p("great depression", 1929, 1939),
    _p("roaring twenties", 1920, 1929),
    _p("belle [eé]poque", 1871, 1914),
    _p("spanish flu", 1918, 1920),
    # Ancient, medieval and early modern
    _p("prehistoric @; prehistory", -10000, -3000),
    _p("antiquity; ancient @; ancient history", -3000, 500),
    _p("classical antiquity", -800, 500),
    _p("late antiquity", 250, 750),
    _p("bronze age", -3300, -1200),
    _p("iron age", -1200, -550),
    _p("middle ages; medieval @", 500, 1500),
    _p("early middle ages; early medieval @", 500, 1000),
    _p("high middle ages; high medieval @", 1000, 1300),
    _p("late middle ages; late medieval @", 1300, 1500),
    _p("viking age", 793, 1066),
    _p("crusades", 1095, 1291),
    _p("renaissance", 1400, 1600),
    _p("age of discovery; age of exploration", 1415, 1600),
    _p("reformation; protestant reformation; lutheran reformation", 1517, 1648),
    _p("counter reformation", 1545, 1648),
    _p("early modern @", 1500, 1800),
    _p("modern @", 1800, None),
    _p("age of enlightenment; =Enlightenment", 1685, 1815),
    _p("industrial revolution", 1760, 1840),
    _p("roman empire", -27, 476, "prep"),
    _p("byzantine @", 330, 1453),
    # Europe
    _p("hundred years' war", 1337, 1453),
    _p("thirty years' war", 1618, 1648),
    _p("great northern war", 1700, 1721),
    _p("war of the spanish succession", 1701, 1714),
    _p("seven years' war", 1756, 1763),
    _p("french revolution", 1789, 1799),
    _p("napoleonic wars", 1803, 1815),
    _p("napoleonic @", 1799, 1815),
    _p("peninsular war", 1807, 1814),
    _p("french invasion of russia; napoleon's invasion of russia; patriotic war of 1812", 1812, 1812),
    _p("congress of vienna", 1814, 1815),
    _p("greek war of independence", 1821, 1829),
    _p("crimean war", 1853, 1856),
    _p("franco prussian war", 1870, 1871),
    _p("victorian @", 1837, 1901),
    _p("balkan wars; first balkan war", 1912, 1913),
    _p("second balkan war", 1913, 1913),
    _p("first moroccan crisis; tangier crisis", 1905, 1906),
    _p("second moroccan crisis; agadir crisis", 1911, 1911),
    _p("algeciras conference", 1906, 1906),
    _p("easter rising", 1916, 1916),
    _p("anglo irish war; irish war of independence", 1919, 1921),
    _p("irish civil war", 1922, 1923),
    _p("partition of ireland", 1921, 1921),
    _p("=Troubles", 1968, 1998),
    _p("great famine; great hunger; irish famine", None, None, IRL=(1845, 1852), CHN=(1959, 1961)),
    _p("anglo norman invasion; norman invasion of ireland", 1169, 1171),
    _p("turkish war of independence", 1919, 1923),
    _p("asia minor catastrophe; asia minor campaign", 1919, 1922),
    _p("population exchange between greece and turkey; greek turkish population exchange", 1923, 1923),
    _p("population exchange", None, None, GRC=(1923, 1923), TUR=(1923, 1923)),
    _p("ottoman genocide; late ottoman genocides; greek genocide", 1914, 1923),
    _p("armenian genocide", 1915, 1917),
    _p("istanbul pogrom", 1955, 1955),
    _p("greek junta; regime of the colonels", 1967, 1974),
    _p("turkish invasion of cyprus", 1974, 1974),
    _p("imia crisis; kardak crisis", 1996, 1996),
    _p("russian revolution; october revolution; february revolution; bolshevik revolution", 1917, 1917),
    _p("russian civil war", 1917, 1922),
    _p("time of troubles", 1598, 1613),
    _p("kievan rus", 882, 1240, "prep"),
    _p("tsardom of russia", 1547, 1721, "prep"),
    _p("tsarist @; tsarist russia; tsarist empire; czarist @; czarist russia", 1721, 1917, BGR=(1908, 1946)),
    _p("imperial russia", 1721, 1917),
    _p("russian empire", 1721, 1917, "prep"),
    _p("imperial @", None, None, RUS=(1721, 1917), DEU=(1871, 1918), JPN=(1868, 1947),
       AUT=(1804, 1918), BRA=(1822, 1889), ETH=(1270, 1974), CHN=(-221, 1912), KOR=(1897, 1910)),
    _p("soviet @", 1917, 1991, **_POST_SOVIET),
    _p("soviet union; ussr", 1922, 1991, "bound"),
    _p("communism", 1917, 1991, "bound"),
    _p("stalin @; stalinist @", 1924, 1953),
    _p("khrushchev @; khrushchev thaw", 1953, 1964),
    _p("brezhnev @", 1964, 1982),
    _p("gorbachev @", 1985, 1991),
    _p("perestroika", 1985, 1991, "prep"),
    _p("glasnost", 1986, 1991, "prep"),
    _p("yeltsin @", 1991, 1999),
    _p("putin @", 2000, None),
    _p("great purge", 1936, 1938),
    _p("holodomor", 1932, 1933),
    _p("winter war", 1939, 1940),
    _p("continuation war", 1941, 1944),
    _p("weimar republic", 1918, 1933, "prep"),
    _p("nazi @; nazi germany; third reich", 1933, 1945, "prep"),
    _p("vichy france; vichy regime; vichy @", 1940, 1944),
    _p("holocaust", 1941, 1945),
    _p("german occupation", None, None, FRA=(1940, 1944), NOR=(1940, 1945), GRC=(1941, 1944),
       DNK=(1940, 1945), NLD=(1940, 1945), BEL=(1940, 1944), POL=(1939, 1945), LUX=(1940, 1944)),
    _p("marshall plan", 1948, 1952),
    _p("berlin blockade", 1948, 1949),
    _p("berlin wall", 1961, 1989, "bound"),
    _p("german reunification; reunification of germany", 1990, 1990),
    _p("prague spring", 1968, 1968),
    _p("velvet revolution", 1989, 1989),
    _p("yugoslav wars", 1991, 2001),
    _p("bosnian war", 1992, 1995),
    _p("kosovo war", 1998, 1999),
    _p("first chechen war", 1994, 1996),
    _p("second chechen war", 1999, 2009),
    _p("russo georgian war", 2008, 2008),
    _p("orange revolution", 2004, 2004),
    _p("euromaidan; revolution of dignity", 2013, 2014),
    _p("annexation of crimea", 2014, 2014),
    _p("war in donbas; donbas war", 2014, 2022),
    _p("russo ukrainian war", 2014, None),
    _p("russian invasion of ukraine; full scale invasion of ukraine; full scale invasion", 2022, 2022),
    _p("european debt crisis; eurozone crisis", 2009, 2014),
    _p("brexit", 2016, 2020, "prep"),
    _p("spanish civil war", 1936, 1939),
    _p("spanish second republic; second spanish republic", 1931, 1939, "prep"),
    _p("francoist @; francoist spain; francoist dictatorship; franco @; franco dictatorship; "
       "francoism", 1939, 1975),
    _p("spanish transition to democracy", 1975, 1982),
    _p("cod wars; cod war", 1958, 1976),
    _p("kalmar union", 1397, 1523, "prep"),
    _p("age of settlement; settlement of iceland", 874, 930),
    _p("icelandic commonwealth", 930, 1262, "prep"),
    _p("sturlung @; age of the sturlungs", 1220, 1264),
    _p("ottoman @", 1299, 1922, GRC=(1453, 1830), EGY=(1517, 1914), DZA=(1516, 1830),
       TUN=(1574, 1881), LBY=(1551, 1912), SRB=(1459, 1817), BGR=(1396, 1878), IRQ=(1534, 1918),
       SYR=(1516, 1918), LBN=(1516, 1918), ISR=(1516, 1917), PSE=(1516, 1917), CYP=(1571, 1878)),
    _p("ottoman empire", 1299, 1922, "prep"),
    # Americas
    _p("spanish conquest of the aztec empire; spanish conquest of mexico", 1519, 1521),
    _p("spanish conquest of peru; spanish conquest of the inca empire", 1532, 1572),
    _p("spanish conquest", None, None, MEX=(1519, 1521), PER=(1532, 1572), CHL=(1541, 1598)),
    _p("spanish colonial @; spanish colonial rule; colonial spanish rule; spanish rule", 1492, 1825,
       "prep", **_SPANISH_COLONIES),
    _p("viceroyalty of new spain; new spain", 1535, 1821, "prep"),
    _p("spanish american wars of independence; south american wars of independence; "
       "south american wars of liberation; wars of independence from the spanish empire; "
       "latin american wars of independence", 1808, 1826),
    _p("wars of independence", None, None, MEX=(1810, 1821), **_WARS_OF_INDEPENDENCE),
    _p("war of independence", None, None, ERI=(1961, 1991), IRL=(1919, 1921), MEX=(1810, 1821),
       GRC=(1821, 1829), TUR=(1919, 1923), DZA=(1954, 1962), USA=(1775, 1783), BGD=(1971, 1971),
       HRV=(1991, 1995), ISR=(1947, 1949), CUB=(1895, 1898)),
    _p("mexican war of independence", 1810, 1821),
    _p("pastry war", 1838, 1839),
    _p("mexican american war", 1846, 1848),
    _p("reform war", 1857, 1861),
    _p("french intervention in mexico; second french intervention in mexico", 1861, 1867),
    _p("second mexican empire", 1864, 1867, "prep"),
    _p("porfiriato; porfirian @", 1876, 1911),
    _p("mexican revolution", 1910, 1920),
    _p("cristero war", 1926, 1929),
    _p("ten years' war", 1868, 1878),
    _p("cuban war of independence", 1895, 1898),
    _p("spanish american war", 1898, 1898),
    _p("cuban revolution", 1953, 1959),
    _p("bay of pigs invasion; bay of pigs", 1961, 1961),
    _p("cuban missile crisis; caribbean crisis", 1962, 1962),
    _p("=Special =Period", 1991, 2000),
    _p("cuban thaw", 2014, 2016),
    _p("war of the pacific", 1879, 1884),
    _p("paraguayan war; war of the triple alliance", 1864, 1870),
    _p("chaco war", 1932, 1935),
    _p("beagle conflict", 1978, 1984),
    _p("falklands war; malvinas war", 1982, 1982),
    _p("dirty war", 1974, 1983),
    _p("pinochet @; pinochet dictatorship", 1973, 1990),
    _p("military dictatorship", None, None, ARG=(1976, 1983), CHL=(1973, 1990), BRA=(1964, 1985),
       GRC=(1967, 1974), URY=(1973, 1985), PRY=(1954, 1989)),
    # Asia and the Pacific
    _p("tokugawa shogunate; edo @", 1603, 1868),
    _p("sakoku", 1633, 1853),
    _p("meiji @; meiji restoration", 1868, 1912),
    _p("taisho @; taishō @", 1912, 1926),
    _p("showa @; shōwa @", 1926, 1989),
    _p("heisei @", 1989, 2019),
    _p("reiwa @", 2019, None),
    _p("first sino japanese war", 1894, 1895),
    _p("russo japanese war", 1904, 1905),
    _p("second sino japanese war", 1937, 1945),
    _p("pacific war", 1941, 1945),
    _p("japanese occupation", None, None, KOR=(1910, 1945), CHN=(1937, 1945), PHL=(1942, 1945),
       IDN=(1942, 1945), MYS=(1941, 1945), SGP=(1942, 1945), MMR=(1942, 1945), VNM=(1940, 1945),
       KHM=(1941, 1945), LAO=(1945, 1945), TWN=(1895, 1945)),
    _p("south seas mandate", 1920, 1947, "prep"),
    _p("mandate @", None, None, ISR=(1920, 1948), PSE=(1920, 1948), JOR=(1920, 1946),
       SYR=(1923, 1946), LBN=(1923, 1946), IRQ=(1920, 1932), PLW=(1920, 1947), NAM=(1920, 1990)),
    _p("british mandate", 1920, 1948),
    _p("french mandate", 1923, 1946),
    _p("first opium war", 1839, 1842),
    _p("opium wars", 1839, 1860),
    _p("second opium war", 1856, 1860),
    _p("taiping rebellion", 1850, 1864),
    _p("boxer rebellion", 1899, 1901),
    _p("xinhai revolution", 1911, 1912),
    _p("chinese civil war", 1927, 1949),
    _p("great leap forward", 1958, 1962),
    _p("cultural revolution", 1966, 1976),
    _p("mao @", 1949, 1976),
    _p("han dynasty", -202, 220, "prep"),
    _p("tang dynasty", 618, 907, "prep"),
    _p("song dynasty", 960, 1279, "prep"),
    _p("yuan dynasty", 1271, 1368, "prep"),
    _p("ming dynasty", 1368, 1644, "prep"),
    _p("qing dynasty", 1644, 1912, "prep"),
    _p("mughal @", 1526, 1857),
    _p("mughal empire", 1526, 1857, "prep"),
    _p("british raj; raj", 1858, 1947, "prep"),
    _p("partition of india", 1947, 1947),
    _p("nehru @", 1947, 1964),
    _p("sino indian war", 1962, 1962),
    _p("bangladesh liberation war", 1971, 1971),
    _p("kargil war", 1999, 1999),
    _p("korean war", 1950, 1953),
    _p("first indochina war; indochina war", 1946, 1954),
    _p("vietnam war; second indochina war", 1955, 1975),
    _p("laotian civil war", 1959, 1975),
    _p("third indochina war", 1979, 1991),
    _p("cambodian vietnamese war", 1978, 1989),
    _p("sino vietnamese war", 1979, 1979),
    _p("khmer rouge @; cambodian genocide", 1975, 1979),
    _p("french colonial @; french colonial rule; french indochina", None, None, LAO=(1893, 1953),
       VNM=(1887, 1954), KHM=(1863, 1953), DZA=(1830, 1962), MAR=(1912, 1956), TUN=(1881, 1956),
       SEN=(1895, 1960)),
    _p("asian financial crisis", 1997, 1998),
    # Middle East and Africa
    _p("scramble for africa", 1881, 1914),
    _p("berlin conference", 1884, 1885),
    _p("decolonisation of africa; decolonization of africa", 1951, 1980),
    _p("colonial @; colonisation; colonization; colonial rule", None, None, "prep", **_COLONIAL),
    _p("french protectorate; spanish protectorate; protectorate @", None, None, "prep",
       MAR=(1912, 1956), TUN=(1881, 1956)),
    _p("rif war", 1921, 1926),
    _p("ifni war", 1957, 1958),
    _p("algerian war; algerian war of independence", 1954, 1962),
    _p("sand war", 1963, 1963),
    _p("green march", 1975, 1975),
    _p("western sahara war", 1975, 1991),
    _p("western sahara conflict", 1975, None),
    _p("algerian civil war", 1991, 2002),
    _p("suez crisis", 1956, 1956),
    _p("six day war", 1967, 1967),
    _p("yom kippur war", 1973, 1973),
    _p("lebanese civil war", 1975, 1990),
    _p("iranian revolution; islamic revolution", 1978, 1979),
    _p("iran iraq war", 1980, 1988),
    _p("first intifada", 1987, 1993),
    _p("second intifada", 2000, 2005),
    _p("gulf war; persian gulf war; first gulf war", 1990, 1991),
    _p("iraq war; second gulf war", 2003, 2011),
    _p("war on terror", 2001, None),
    _p("war in afghanistan", 2001, 2021),
    _p("soviet afghan war; soviet invasion of afghanistan", 1979, 1989),
    _p("arab spring", 2010, 2012),
    _p("syrian civil war", 2011, None),
    _p("first italo ethiopian war", 1895, 1896),
    _p("second italo ethiopian war; italo ethiopian war", 1935, 1937),
    _p("italian occupation", None, None, ETH=(1936, 1941)),
    _p("british military administration", None, None, ERI=(1941, 1952)),
    _p("eritrean war of independence", 1961, 1991),
    _p("ethiopian civil war", 1974, 1991),
    _p("derg @", 1974, 1991),
    _p("ogaden war", 1977, 1978),
    _p("eritrean ethiopian war; ethiopian eritrean war; eritrea ethiopia war; badme war", 1998, 2000),
    _p("tigray war; tigray conflict", 2020, 2022),
    _p("somali civil war", 1991, None),
    _p("nigerian civil war; biafran war", 1967, 1970),
    _p("rwandan genocide", 1994, 1994),
    _p("apartheid @; apartheid", 1948, 1994, "prep"),
    _p("casamance conflict", 1982, None),
    _p("senegambia confederation", 1982, 1989, "prep"),
    _p("independence", None, None, "prep", **_INDEPENDENCE),
    # The twenty-first century
    _p("great recession; global financial crisis", 2007, 2009),
    _p("covid 19 pandemic; covid pandemic; coronavirus pandemic; covid 19 crisis; covid 19 outbreak; "
       "pandemic of covid 19; coronavirus outbreak", 2020, 2022),
)


# ---------------------------------------------------------------- words around times
# The grammar in time.py reads numbers and names with these word lists.

# Prepositions by what they do to the interval that follows them: None keeps it,
# "since" opens its end, "until" bounds it, "after" and "before" take its end or start.
PREPOSITIONS: dict[str | None, str] = {
    None: "in|on|at|during|throughout|through|within|amid|amidst|under|around|about|circa|ca.|c.|"
          "approximately|roughly|towards|toward|upon|as of|as early as|as late as|in the course of|"
          "during the course of|over the course of|in the context of|at the time of|in the time of|"
          "in the days of|in the midst of|back in|sometime in|some time in|in about|in around|in circa|in c.|"
          "much of|during much of|for much of|in much of|throughout much of|through much of|most of|"
          "during most of|for most of|in most of|throughout most of|early in|late in|later in|earlier in",
    "since": "since|ever since|starting in|starting from|starting with|beginning in|beginning with|from|"
             "dating back to|dates back to|date back to|dating from|dates from|going back to|goes back to|"
             "traced back to|as far back as|stretching back to|back to",
    "until": "until|till|til|up to|up until|down to|by|no later than",
    "after": "after|following|in the aftermath of|the aftermath of|following the aftermath of|in the wake of|"
             "shortly after|soon after|immediately after|just after|long after|not long after|"
             "in the years after|in the years following|in the decades after|in the decades following",
    "before": "before|prior to|ahead of|shortly before|just before|long before|not long before|on the eve of|"
              "in the run-up to|in the run up to|in the lead-up to|in the years before|in the years leading up to",
    "between": "between",
}
# A number followed by a measure is a quantity, never a year: "5300 km", "2000 dollars".
MEASURES = ("km|km2|km²|kilomet(?:re|er)s?|sq|square|mi|miles?|m|metres?|meters?|ft|feet|hectares?|ha|acres?|"
            "nautical|knots?|kg|kilo(?:gram)?s?|grams?|tonnes?|tons?|t|barrels?|bbl|litres?|liters?|gallons?|"
            "cubic|[mgk]wh?|megawatts?|dollars?|euros?|rubles?|roubles?|pounds?|francs?|yen|yuan|dinars?|"
            "dirhams?|pesos?|rupees?|kron(?:a|or|er)|liras?|marks|usd|eur|rub|million|billion|thousand|"
            "trillion|hundred|bn|mn|years?|months?|weeks?|days?|hours?|minutes?|seconds?|percent|per\\s*cent")
# Followed by a counted noun a number is a count ("1500 soldiers"), unless a preposition
# makes it a year ("In 1945 troops withdrew").
COUNTED = ("people|persons?|inhabitants|residents|citizens|nationals|troops|soldiers|men|women|children|"
           "students|workers|employees|refugees|migrants|immigrants|emigrants|tourists|visitors|pilgrims|"
           "members|delegates|deputies|officers|diplomats|casualties|deaths|dead|killed|wounded|victims|"
           "prisoners|hostages|vessels|ships|boats|aircraft|planes|tanks|vehicles|cars|units|copies|pages|"
           "words|cases|items|projects|companies|firms|houses|homes|households|families|jobs|votes|seats|"
           "head|cattle|sheep|horses|missiles|weapons|books|villages|schools|scholarships")
# Words before a number that make it a label or an amount: "Resolution 550", "over 1500".
LABELS = ("resolutions?|route|highway|road|boeing|airbus|flight|no\\.?|nos\\.?|nr\\.?|number|article|art\\.|"
          "section|sec\\.|chapter|ch\\.|pages?|pp?\\.|vol\\.|volume|iso|model|type|class|code|decree|over|some|"
          "nearly|almost|more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|population\\s+of|total\\s+of|"
          "height\\s+of|altitude\\s+of|elevation\\s+of|usd|eur|rub|gbp|chf|jpy|cny|inr")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth")
NUMBERS = {
    **{w: i for i, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                   "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                   "seventeen", "eighteen", "nineteen", "twenty"))},
    "a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100,
}
# Relative phrases, the years they move from the time before them, and words one of which a
# text must contain for the phrase to be tried (a cheap filter: most sentences have none).
CLAUSE_END = r"(?=\s*[,.;:)!?]|\s*\Z)"
RELATIVE_PHRASES = (
    (r"(?:later|earlier)\s+(?:that|this|the\s+same)\s+(?:year|month|week|day)\b", 0, "later|earlier"),
    (r"(?:(?:in|on|during)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?:year|month|week|day)\b", 0,
     "that year|same year|that month|same month|that week|same week|that day|same day|that same"),
    (r"(?:(?:in|during)\s+)?(?:the\s+)?(?:following|next|subsequent|succeeding)\s+year\b", 1,
     "following year|next year|subsequent year|succeeding year"),
    (r"(?:(?:in|during)\s+)?(?:the\s+)?(?:previous|preceding|prior)\s+year\b", -1,
     "previous year|preceding year|prior year"),
    (rf"the\s+year\s+before{CLAUSE_END}", -1, "year before"),
    (rf"the\s+year\s+after{CLAUSE_END}", 1, "year after"),
    (r"(?:(?:in|on|during)\s+)?(?:the\s+)?(?:following|next|subsequent)\s+(?:month|week|day)\b", 0,
     "following|next|subsequent"),
    (rf"(?:shortly|soon|immediately|not\s+long)\s+(?:thereafter|afterwards?|after{CLAUSE_END})|"
     rf"thereafter|afterwards?|subsequently|after\s+(?:that|this){CLAUSE_END}", 0,
     "thereafter|afterward|subsequently|after th|shortly|soon|immediately|not long"),
    (r"(?:at|around|about|by|until|till|up\s+to|since|before|from|after)\s+(?:that|this|the\s+same)\s+"
     r"(?:time|point|date)\b(?!\s+of)(?:\s+on(?:wards?)?\b)?", 0,
     "that time|this time|same time|that point|this point|same point|that date|this date|same date"),
    (r"at\s+the\s+time\b(?!\s+of)", 0, "at the time"),
    (r"(?:since|until|till|by|before|up\s+to|up\s+until|from)\s+then\b(?:\s+on(?:wards?)?\b)?", 0, " then"),
    (rf"ever\s+since{CLAUSE_END}", 0, "ever since"),
    (r"(?:in\s+the\s+meantime|meanwhile)\b", 0, "meantime|meanwhile"),
    (r"(?:during|in|throughout)\s+(?:this|that|the\s+same)\s+(?:period|time|era|decade)\b", 0,
     "this period|that period|same period|this time|that time|same time|this era|that era|same era|"
     "this decade|that decade|same decade"),
    (rf"during\s+the\s+period{CLAUSE_END}", 0, "during the period"),
    # A deadline or a span from an earlier time: "they left within two weeks", "within months" (that year).
    (r"within\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}|a\s+few|several|a\s+matter\s+of)\s+)?"
     r"(?:hours?|days?|weeks?|months?)\b|within\s+(?:a|one|the)\s+year\b", 0, "within"),
    # Seasons told from an earlier time: "that autumn", "later that summer", "the following spring"
    # (the year: a season is no month; see time.resolve).
    (r"(?:(?:in|during|by|through)\s+)?(?:(?:later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same|the\s+(?:following|next|"
     r"subsequent|previous|preceding))\s+(?:spring|summer|autumn|fall|winter)\b", 0, "spring|summer|autumn|fall|winter"),
)
