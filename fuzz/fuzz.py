"""Fuzz read → extract → ingest with a million mutated and generated articles (``make fuzz``).

    python fuzz/fuzz.py --inputs 1000000 --jobs 2 --seed 1

Each input is an article made one of three ways from the bundled samples, the held-out articles and
the wikitext fixtures: a window of a real article mutated by one to eight edits (markup fragments,
dates, numbers, invisible and right-to-left characters inserted; ranges deleted, doubled, swapped
or spliced from another article), a small article written from a grammar of relations sentences,
or arbitrary Unicode under a relations title. It is read as plain text or wikitext (either, whatever
it was made from), extracted, and every ``--ingest-every``-th record is stored in a SQLite database
and read back. What must hold:

* reading never raises; extracting raises nothing but ``NotARelationsArticle`` (a title that names
  no two countries is a user's error, not a crash);
* every fact has evidence and a span inside the text, and for plain text the span *is* the evidence;
* the record validates against the JSON Schema of the relation record;
* a stored record reads back equal to what was stored, and no article is left with partial facts;
* no input takes longer than ``--hang`` seconds (a watchdog signal stops it).

A failure is written to ``--out`` (``fuzz/crashes/``) as the input and its traceback, named by the
input's hash, and the run exits 1; a found crash then becomes a regression test under
``tests/fixtures/fuzz/``. The run prints one ``name: value`` per line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "src" / "legation" / "data" / "samples", ROOT / "tests" / "fixtures" / "heldout",
         ROOT / "tests" / "fixtures" / "wikitext"]

# Pieces inserted by mutations: markup of both formats, the words extraction keys on, odd characters.
FRAGMENTS = [
    "{{", "}}", "[[", "]]", "|", "{{Infobox bilateral relations|", "[[File:x.jpg|thumb|", "<ref>", "</ref>",
    "<ref name=a/>", "'''", "''", "== ", " ==", "\n== History ==\n", "\n* ", "\n# ", "\n- ", "\n:", "{|", "|}",
    "|-", "<!--", "-->", "<nowiki>", "&amp;", "&nbsp;", "&#8211;", "__NOTOC__", "[http://example.org x]",
    "(", ")", '"', "“", "”", "–", "—", ";", ",", ".", ". ", "\n", "\n\n", "Infobox\n", "= ", " =",
    " and ", " in 1897", " since ", " until 1944", "1947–", " BC", "18th century", "early 1960s", "mid-2000s",
    "September 2006", "c. 1262", "between 1990 and 1995", "In 2001, ", " the war ", "Then ", " signed a treaty",
    " visited ", " condemned ", " expelled ", "Embassy of", " has an embassy in ", " consulates in ",
    " President ", " Prime Minister ", "$5 billion", "12%", "3,000 troops", "€", "\u200b", "\u200e", "\u202e",
    "\ufeff", "\u0301", "\x00", "\t", "\r", "\r\n", "\u2028", "🇲🇦", "日本", "Россия", "المغرب",
]
COUNTRIES = ["Morocco", "Russia", "Soviet Union", "Russian Empire", "France", "Chile", "United States", "Japan",
             "India", "Bosnia and Herzegovina", "Ottoman Empire", "Holy See", "Atlantis", "Prussia", "Egypt",
             "East Germany", "Yugoslavia", "Côte d'Ivoire", "Timor-Leste", "Korea"]
CITIES = ["Rabat", "Moscow", "Casablanca", "Paris", "Santiago", "Tokyo", "New Delhi", "Sarajevo", "Tangier",
          "Saint Petersburg", "Springfield", "Cairo"]
TIMES = ["in 1897", "in the early 1960s", "in the 18th century", "in September 2006", "on 3 May 1999",
         "between 1990 and 1995", "since 2014", "until 1944", "in 1947–1950", "in the 3rd century BC",
         "during the Cold War", "in the mid-2000s", "c. 1262", "in 2035", "in the year 0", "in 99999",
         "last year", "in the late 19th and early 20th centuries"]
VERBS = ["signed a trade agreement with", "visited", "condemned", "expelled diplomats of", "recognized",
         "opened an embassy in", "declared war on", "sent 3,000 troops to", "granted $5 billion to",
         "voted against", "established diplomatic relations with", "protested against", "met", "is bordered by"]
PEOPLE = ["President Vladimir Putin", "King Mohammed VI", "Prime Minister Modi", "Foreign Minister Lavrov",
          "Ambassador John Smith", "the Secretary-General"]


def seed_texts() -> list[tuple[str, str, str]]:
    """``(format, title, text)`` of every seed article."""
    from legation.read import read_path

    out = []
    for folder in SEEDS:
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".wiki"):
                title = next(read_path(path)).title
                out.append(("wikitext" if path.suffix == ".wiki" else "plain", title, path.read_text("utf-8")))
    return out


# --------------------------------------------------------------------------- making inputs


def _window(rng: random.Random, text: str) -> str:
    """The title line of a plain article and a random run of the rest, 100 to 1,500 characters."""
    cut = text.find(" =\n")
    head, body = (text[:cut + 3], text[cut + 3:]) if 0 <= cut < 400 else ("", text)
    size = rng.randint(100, 1500)
    start = rng.randint(0, max(0, len(body) - size))
    return head + body[start:start + size]


def _mutate(rng: random.Random, text: str, other: str) -> str:
    for _ in range(rng.randint(1, 8)):
        n = len(text)
        at = rng.randint(0, n)
        kind = rng.random()
        if kind < 0.45:
            text = text[:at] + rng.choice(FRAGMENTS) + text[at:]
        elif kind < 0.6 and n:
            text = text[:at] + text[at + rng.randint(1, 80):]
        elif kind < 0.7 and n:
            piece = text[at:at + rng.randint(1, 200)]
            text = text[:at] + piece * rng.randint(2, 5) + text[at:]
        elif kind < 0.8 and n:
            b = rng.randint(0, n)
            a, b = sorted((at, b))
            k = rng.randint(1, 60)
            text = text[:a] + text[b:b + k] + text[a + k:b] + text[a:a + k] + text[b + k:]
        elif kind < 0.9:
            s = rng.randint(0, max(0, len(other) - 1))
            text = text[:at] + other[s:s + rng.randint(1, 300)] + text[at:]
        else:
            text = text[:at] + chr(rng.choice([rng.randint(32, 0x2FFF), rng.randint(0x1F000, 0x1FAFF)])) + text[at:]
    return text


def _grammar(rng: random.Random) -> tuple[str, str]:
    a, b = rng.sample(COUNTRIES, 2)
    sentences = []
    for _ in range(rng.randint(1, 12)):
        x, y = rng.sample([a, b, a, b, rng.choice(COUNTRIES)], 2)
        time_ = rng.choice(TIMES)
        who = rng.choice([x, f"{x}'s {rng.choice(PEOPLE)}", rng.choice(PEOPLE)])
        obj = rng.choice(CITIES) if "embassy" in (verb := rng.choice(VERBS)) else y
        sentence = rng.choice([f"{time_.capitalize()}, {who} {verb} {obj}.", f"{who} {verb} {obj} {time_}.",
                               f"{who.capitalize()} {verb} {obj}, and {y} {rng.choice(VERBS)} {x} {time_}."])
        sentences.append(sentence)
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    if rng.random() < 0.5:
        body = f"'''{a}–{b} relations''' are the relations of [[{a}]] and [[{b}]].\n\n" + "\n\n".join(paragraphs)
        return "wikitext", body
    infobox = f"Infobox\n- Mission1: Embassy of {a}, {rng.choice(CITIES)}\n\n" if rng.random() < 0.5 else ""
    return "plain", f"= {a}–{b} relations =\n\n{infobox}" + "\n\n".join(paragraphs) + "\n"


def _arbitrary(rng: random.Random) -> tuple[str, str]:
    alphabet = [chr(rng.randint(0, 0x10FFFF)) for _ in range(40)] + list(" \n\n=*-|[]{}<>'") + list("abcXYZ019")
    body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 600)))
    body = body.encode("utf-8", "replace").decode("utf-8", "replace")  # no lone surrogates: files cannot hold them
    fmt = rng.choice(["plain", "wikitext"])
    title = "= Morocco–Russia relations =\n\n" if fmt == "plain" else "'''Morocco–Russia relations'''\n"
    return fmt, title + body


def make_input(rng: random.Random, seeds: list[tuple[str, str, str]]) -> tuple[str, str, str, str | None]:
    """``(how, format, text, title)`` of one input (a title for wikitext, which has no title line)."""
    r = rng.random()
    if r < 0.6:
        fmt, title, text = rng.choice(seeds)
        other = rng.choice(seeds)[2]
        text = _mutate(rng, _window(rng, text), other)
        if rng.random() < 0.15:
            fmt = "wikitext" if fmt == "plain" else "plain"
        return "mutated", fmt, text, title if fmt == "wikitext" else None
    if r < 0.85:
        return ("grammar", *_grammar(rng), None)
    return ("arbitrary", *_arbitrary(rng), None)


# --------------------------------------------------------------------------- checking one input


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang("took longer than the watchdog allows")


def check(fmt: str, text: str, title: str | None = None, store=None) -> str:
    """Run one input through read, extract (and ingest into ``store``); return the outcome's name."""
    from legation.extract import NotARelationsArticle, extract_article
    from legation.read import read_text
    from legation.record import validate

    article = read_text(text, source="fuzz", fmt=fmt, title=title)
    n = len(article.text)
    for block in article.blocks:
        assert 0 <= block.span[0] <= block.span[1] <= n, f"block span {block.span} outside 0..{n}"
    try:
        record = extract_article(article)
    except NotARelationsArticle:
        return "not_relations"
    for fact in record.facts():
        start, end = fact.span
        assert fact.evidence, f"{type(fact).__name__} without evidence"
        assert 0 <= start < end <= n, f"{type(fact).__name__} span {fact.span} outside 0..{n}"
        if fmt == "plain":
            assert article.text[start:end] == fact.evidence, f"span {fact.span} is not the evidence"
    problems = validate(record.to_dict())
    assert not problems, f"record does not validate: {problems[:3]}"
    if store is None:
        return "extracted"
    report = store.ingest([(article, record)])
    assert report.failed == 0, f"ingest failed: {report.errors}"
    assert store.show(record.title).to_dict() == record.to_dict(), "stored record reads back different"
    assert not store.partial_articles(), "an article has partial facts"
    return "ingested"


def _save(out: Path, kind: str, fmt: str, text: str, detail: str) -> str:
    digest = hashlib.sha1(f"{fmt}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{kind}-{digest}.json"
    path.write_text(json.dumps({"format": fmt, "text": text, "detail": detail}, ensure_ascii=False, indent=1),
                    "utf-8")
    return str(path)


def run_chunk(job: tuple[int, int, int, float, float, str]) -> dict:
    """One worker's share: ``count`` inputs from ``seed``; the counts of outcomes and the failures saved."""
    seed, count, ingest_every, hang, slow, out = job
    import legation

    rng = random.Random(seed)
    seeds = seed_texts()
    counts: Counter = Counter()
    failures: list[str] = []
    slowest = (0.0, "")
    signal.signal(signal.SIGALRM, _alarm)
    fmt, title, text = seeds[0]
    check(fmt, text, title)  # loads the gazetteers: the first input is not slow for its own sake
    with tempfile.TemporaryDirectory() as tmp, legation.open(str(Path(tmp) / "fuzz.db")) as store:
        for i in range(count):
            how, fmt, text, title = make_input(rng, seeds)
            counts[how] += 1
            started = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, hang)
            try:
                counts[check(fmt, text, title, store if ingest_every and i % ingest_every == 0 else None)] += 1
            except Hang:
                counts["hangs"] += 1
                failures.append(_save(Path(out), "hang", fmt, text, f"over {hang} s"))
            except Exception:  # noqa: BLE001 - every failure is what we are looking for
                counts["crashes"] += 1
                failures.append(_save(Path(out), "crash", fmt, text, traceback.format_exc()))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - started
            if took > slow:
                counts["slow"] += 1
                if took > 4 * slow:  # kept for a look, not a failure
                    _save(Path(out), "slow", fmt, text, f"{took:.1f} s; title {title!r}")
            if took > slowest[0]:
                slowest = (took, f"{how} {fmt} {len(text)} chars")
    return {"counts": counts, "failures": failures, "slowest": slowest}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=5000, help="inputs per task")
    parser.add_argument("--ingest-every", type=int, default=20, help="store every n-th record (0: none)")
    parser.add_argument("--hang", type=float, default=30.0, help="seconds after which one input is a hang")
    parser.add_argument("--slow", type=float, default=1.0, help="seconds after which one input counts as slow")
    parser.add_argument("--out", default=str(ROOT / "fuzz" / "crashes"))
    args = parser.parse_args(argv)

    jobs = [(args.seed * 1_000_003 + i, min(args.chunk, args.inputs - i * args.chunk), args.ingest_every,
             args.hang, args.slow, args.out) for i in range((args.inputs + args.chunk - 1) // args.chunk)]
    started = time.perf_counter()
    total: Counter = Counter()
    failures: list[str] = []
    slowest = (0.0, "")
    with get_context("spawn").Pool(args.jobs, maxtasksperchild=20) as pool:
        for done, result in enumerate(pool.imap_unordered(run_chunk, jobs), 1):
            total.update(result["counts"])
            failures += result["failures"]
            slowest = max(slowest, result["slowest"])
            if sys.stderr.isatty() or done % 20 == 0:
                print(f"# {sum(total[k] for k in ('mutated', 'grammar', 'arbitrary'))} inputs, "
                      f"{total['crashes']} crashes, {total['hangs']} hangs", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    inputs = sum(total[k] for k in ("mutated", "grammar", "arbitrary"))
    for name in ("mutated", "grammar", "arbitrary", "extracted", "ingested", "not_relations", "crashes", "hangs",
                 "slow"):
        print(f"{name}: {total[name]}")
    print(f"inputs: {inputs}")
    print(f"seconds: {seconds:.0f}")
    print(f"inputs_per_s: {inputs / seconds:.0f}")
    print(f"slowest_input_s: {slowest[0]:.2f} ({slowest[1]})")
    for path in failures[:20]:
        print(f"failure: {path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
