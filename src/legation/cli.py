"""The ``legation`` command: thin commands over importable functions.

Library code raises :class:`legation.errors.LegationError`; only this module
turns errors into one-line messages and exit codes (2 for user errors).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from legation.errors import LegationError

app = typer.Typer(
    name="legation",
    help="Turn encyclopedia articles about the relations of two countries into a sourced, dated record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON (JSON Lines for many items).")]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files (plain text or wikitext) or XML dumps (.xml, .xml.bz2).", show_default=False),
]
SamplesOption = Annotated[bool, typer.Option("--samples", help="Use the sample articles bundled with legation.")]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or postgresql+psycopg://USER@HOST/DB URL "
                 "(default: $LEGATION_DB, else ./legation.db)", show_default=False),
]


def _fail(message: str) -> None:
    typer.echo(f"legation: {message}", err=True)


def sample_paths() -> list[Path]:
    """The bundled sample articles (the seed and the dev corpus texts)."""
    from importlib import resources

    folder = resources.files("legation").joinpath("data/samples")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def _articles(paths: list[Path] | None, samples: bool, errors: list[str]) -> Iterator:
    """Every article of every path; a path that fails is reported and the rest go on."""
    from legation.read import read_path

    chosen = list(paths or []) + (sample_paths() if samples else [])
    if not chosen:
        raise typer.BadParameter("give at least one PATH, or --samples")
    for path in chosen:
        try:
            yield from read_path(path)
        except LegationError as exc:
            errors.append(str(exc))
            _fail(str(exc))


def _outline(article) -> str:
    lines = [f"{article.title}  [{article.format}] {article.source}"]
    for entry in article.infobox:
        lines.append(f"  infobox {entry.key}: {entry.value}")
    for block in article.blocks:
        if block.kind == "heading":
            lines.append(f"{'  ' * (block.level - 1)}== {block.section}")
            continue
        indent = "  " * (2 + block.depth)
        text = block.text if len(block.text) <= 100 else block.text[:97] + "…"
        lines.append(f"{indent}{block.kind} {block.span[0]}-{block.span[1]}: {text}")
    if article.see_also:
        lines.append("  see also: " + "; ".join(article.see_also))
    return "\n".join(lines)


@app.command()
def read(paths: PathsArgument = None, as_json: JsonOption = False, samples: SamplesOption = False) -> None:
    """Print the article model of each file: an outline, or JSON with spans."""
    errors: list[str] = []
    for article in _articles(paths, samples, errors):
        if as_json:
            typer.echo(json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            typer.echo(_outline(article))
    if errors:
        raise typer.Exit(2)


def _summary(record) -> str:
    lines = [f"{record.title}  ({' – '.join(record.countries)})"]
    if record.names:
        lines.append("  names: " + "; ".join(f"{k}: {v}" for k, v in record.names.items()))
    for m in record.missions:
        lines.append(f"  mission  {m.kind} of {m.sender} in {m.city}, {m.host} ({m.status})")
    for e in record.events:
        when = e.start if e.end in (None, e.start) else f"{e.start}..{e.end or ''}"
        lines.append(f"  event    {when:>12} {','.join(e.types) or '-':<18} {e.evidence[:80]}")
    for a in record.agreements:
        lines.append(f"  agreement {a.signed or '????'} {a.name or a.subject or a.evidence[:60]}")
    for q in record.quantities:
        lines.append(f"  figure   {q.value:g} {q.unit}{' ' + q.noun if q.noun else ''} ({q.bound})")
    for p in record.people:
        lines.append(f"  person   {p.name} ({p.country or '?'}{', ' + p.role if p.role else ''})")
    for s in record.assessments:
        lines.append(f"  assessment {s.polarity}: {s.text}")
    return "\n".join(lines)


@app.command()
def extract(paths: PathsArgument = None, as_json: JsonOption = False, samples: SamplesOption = False) -> None:
    """Extract the relation record of each article (JSON Lines with --json)."""
    from legation.extract import extract_article

    errors: list[str] = []
    for article in _articles(paths, samples, errors):
        try:
            record = extract_article(article)
        except LegationError as exc:
            errors.append(str(exc))
            _fail(f"{article.source}: {exc}")
            continue
        typer.echo(record.to_json() if as_json else _summary(record))
    if errors:
        raise typer.Exit(2)


# --- the knowledge base: thin commands over legation.store and legation.export ----------------------


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """A :class:`LegationError` becomes one line on stderr and exit code 2."""
    try:
        yield
    except LegationError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None


def _open(db: str | None, create: bool = False):
    from legation.store import open as open_store

    return open_store(db, create=create)


def _lines(items, as_json: bool, text, empty: str) -> None:
    """Items as JSON Lines, or as text lines; ``empty`` when there are none (text only)."""
    if as_json:
        for item in items:
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        return
    for item in items:
        typer.echo(text(item))
    if not items:
        typer.echo(empty)


@contextlib.contextmanager
def _progress(total: int):
    """Callbacks for ingest: a rich progress bar on a terminal, nothing when stderr is piped."""
    if not sys.stderr.isatty():
        yield None, None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    seen = {"added": 0, "changed": 0, "unchanged": 0, "failed": 0}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingesting", total=total or None)

        def on_article(_title: str, status: str) -> None:
            seen[status] = seen.get(status, 0) + 1
            bar.update(task, description="ingesting: " + ", ".join(f"{v} {k}" for k, v in seen.items()))

        def on_source(_path: str) -> None:
            bar.advance(task)

        yield on_article, on_source


@app.command()
def ingest(paths: PathsArgument = None, db: DbOption = None, as_json: JsonOption = False,
           samples: SamplesOption = False,
           jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes for extraction "
                                                    "(default: all cores; 1: no pool).", show_default=False)] = None,
           dask: Annotated[str | None, typer.Option("--dask", help="Extract on a Dask cluster: 'local' or a "
                                                    "scheduler address such as tcp://host:8786 (extra legation[dask]).",
                                                    show_default=False)] = None,
           index: Annotated[Path | None, typer.Option("--index", help="The index of a multistream dump, when it "
                                                      "is not beside the dump.", show_default=False)] = None) -> None:
    """Store the records of articles (files, folders searched for *.txt *.wiki *.xml *.xml.bz2, dumps)."""
    from legation import bulk
    from legation.read import expand

    chosen = list(paths or []) + (sample_paths() if samples else [])
    if not chosen:
        raise typer.BadParameter("give at least one PATH, or --samples")
    with _user_errors():
        store = _open(db, create=True)
        workers = bulk.default_jobs() if jobs is None else jobs
        with _progress(len(expand(chosen))) as (on_article, on_source):
            if workers == 1 and dask is None and index is None:
                report = store.ingest(chosen, on_article=on_article, on_source=on_source)
            else:
                # Extraction in worker processes (or on Dask); this process alone writes, in input order.
                report = bulk.ingest(store, chosen, jobs=workers, dask=dask, index=index,
                                     on_article=on_article, on_source=on_source)
    for error in report.errors:
        _fail(error)
    typer.echo(json.dumps({"db": store.name, **report.to_dict()}, ensure_ascii=False) if as_json
               else f"{store.name}: {report.summary()}")
    if report.failed:
        raise typer.Exit(2)


@app.command()
def counts(db: DbOption = None, as_json: JsonOption = False) -> None:
    """How many articles, pairs and facts of each kind the database holds."""
    with _user_errors():
        store = _open(db)
        found = store.counts()
    if as_json:
        typer.echo(json.dumps({"db": store.name, **found.to_dict()}))
        return
    typer.echo(store.name)
    for key, value in found.to_dict().items():
        typer.echo(f"  {key:<12} {value:>7}")


@app.command()
def pairs(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The pairs of countries with an article, and how many facts each has."""
    with _user_errors():
        found = _open(db).pairs()
    _lines(found, as_json, lambda p: f"{p.a} {p.b}  {p.title}  ({p.facts} facts)", "(no articles)")


def _when(start: str | None, end: str | None) -> str:
    return (start or "?") if end in (None, start) else f"{start or '?'}..{end}"


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="A country: ISO code or English name (MAR, MA, Morocco).")],
    b: Annotated[str, typer.Argument(help="The other country (historical states too: 'Soviet Union').")],
    start: Annotated[str | None, typer.Option("--from", help="Only events that end in or after this year (or YYYY-MM[-DD]).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Only events that start in or before this year.")] = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="Only events of this PLOVER type (repeatable).")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The dated events of the relations of two countries, ordered by start, then end."""
    with _user_errors():
        found = _open(db).timeline(a, b, start=start, end=end, types=types)
    _lines(found, as_json,
           lambda e: f"{_when(e.fact.start, e.fact.end):<23} {','.join(e.fact.types) or '-':<26} {e.fact.evidence}",
           "(no events)")


def _mission_line(item) -> str:
    m = item.fact
    years = ("" if m.opened is None and m.closed is None
             else f" {m.opened if m.opened is not None else ''}–{m.closed if m.closed is not None else ''}")
    where = f" ({m.lat:.4f}, {m.lon:.4f})" if m.lat is not None and m.lon is not None else ""
    return f"{m.kind:<18} {m.sender} in {m.host}  {m.city}{where}  {m.status}{years}  [{item.title}]"


@app.command()
def missions(
    sender: Annotated[str | None, typer.Option("--sender", help="Missions of this country.")] = None,
    host: Annotated[str | None, typer.Option("--host", help="Missions in this country.")] = None,
    city: Annotated[str | None, typer.Option("--city", help="Missions in this city (any case; Tanger = Tangier).")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Embassies, consulates and other missions, with their city's coordinates."""
    with _user_errors():
        found = _open(db).missions(sender=sender, host=host, city=city)
    _lines(found, as_json, _mission_line, "(no missions)")


@app.command()
def agreements(
    a: Annotated[str | None, typer.Argument(help="A country (ISO code or English name).", show_default=False)] = None,
    b: Annotated[str | None, typer.Argument(help="The other country.", show_default=False)] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Words of the subject or name, e.g. fisheries.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Agreements and treaties, of one pair of countries or all, optionally on a subject."""
    with _user_errors():
        found = _open(db).agreements(a, b, subject=subject)
    _lines(found, as_json,
           lambda g: f"{g.fact.signed or '?':<10} {g.fact.name or g.fact.subject or '-'}  "
                     f"({','.join(g.fact.parties) or '?'})  [{g.title}]",
           "(no agreements)")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find in the evidence of facts (all of them, any form).")],
    limit: Annotated[int, typer.Option("--limit", help="At most this many facts.")] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Facts whose evidence holds every word of TEXT (full-text search), best first."""
    with _user_errors():
        found = _open(db).search(text, limit=limit)
    _lines(found, as_json, lambda h: f"{h.title} · {h.category} · {h.span[0]}-{h.span[1]}: {h.evidence}",
           "(nothing found)")


@app.command()
def show(
    title: Annotated[str, typer.Argument(help="The article title, e.g. 'Morocco–Russia relations'.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The stored relation record of one article (the record JSON with --json)."""
    with _user_errors():
        record = _open(db).show(title)
    typer.echo(record.to_json() if as_json else _summary(record))


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    ttl = "ttl"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl: records; csv: a table per kind "
                                              "of fact; geojson: missions; ttl: RDF Turtle.")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The file to write (csv: a folder or "
                                                 "a .zip) [default: standard output].", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Export the whole database: records, tables, a map of missions, or linked data."""
    from legation.export import export as write

    with _user_errors():
        written = write(_open(db), fmt.value, output)
    for path in written:
        typer.echo(f"wrote {path}", err=True)


from legation.web.command import serve as serve_command  # noqa: E402  (typer and stdlib only; FastAPI loads when it runs)

app.command(name="serve")(serve_command)


def main() -> None:  # pragma: no cover - the console entry point
    try:
        app()
    except LegationError as exc:
        _fail(str(exc))
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
