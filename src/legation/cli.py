"""The ``legation`` command: thin commands over importable functions.

Library code raises :class:`legation.errors.LegationError`; only this module
turns errors into one-line messages and exit codes (2 for user errors).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
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


def main() -> None:  # pragma: no cover - the console entry point
    try:
        app()
    except LegationError as exc:
        _fail(str(exc))
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
