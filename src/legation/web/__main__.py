"""``python -m legation.web [--db DB] [--host H] [--port P] [--token T]``: the same as ``legation serve``."""

import typer

from legation.web.command import serve

if __name__ == "__main__":
    typer.run(serve)
