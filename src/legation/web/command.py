"""``legation serve``: the web app on a local port, read-only unless a token is given.

The function is Typer-compatible; ``legation.cli`` registers it as the ``serve`` command, and
``python -m legation.web`` runs it on its own.
"""

from __future__ import annotations

import ipaddress
import socket

import typer

from legation.errors import LegationError, MissingExtraError

WEB_HINT = "pip install 'legation[web]'"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port), or a ConfigError saying why not."""
    from legation.errors import ConfigError

    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot serve on {host!r}: {exc.strerror} (give --host 127.0.0.1 or an address "
                          "of this machine)") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot serve on {host}:{port}: {exc.strerror} (is another server using it? "
                          "give another --port)") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(
    db: str | None = typer.Option(None, "--db", help="SQLite file or postgresql+psycopg://USER@HOST/DB URL "
                                  "(default: $LEGATION_DB, else ./legation.db; it must exist)", show_default=False),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default: only "
                             "this machine can connect)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on (0: any free port)."),
    token: str | None = typer.Option(None, "--token", envvar="LEGATION_TOKEN", show_default=False,
                                     help="Enable POST /api/ingest for requests with 'Authorization: Bearer TOKEN' "
                                     "(without one the server is read-only)"),
) -> None:
    """Serve the web app and JSON API: a page per pair of countries, with timeline, map and sources."""
    try:
        import uvicorn

        from legation.web.app import LOOPBACK_HOSTS, create_app
    except ImportError as exc:
        raise MissingExtraError(f"the web app needs {exc.name}, which is not installed: {WEB_HINT}") from None
    try:
        local = _is_loopback(host)
        app = create_app(db, token=token, allowed_hosts=(*LOOPBACK_HOSTS, host) if local else None)
        sock = _bind(host, port)
    except LegationError as exc:
        typer.echo(f"legation: {exc}", err=True)
        raise typer.Exit(2) from None
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    typer.echo(f"legation: serving {app.state.store.name} at http://{shown}:{bound_port}/ "
               f"({'ingest enabled with the token' if token else 'read-only'}; Ctrl+C to stop)")
    if not local:
        typer.echo(f"legation: {host} is not a loopback address: other machines can reach this server", err=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
