"""The web app and JSON API: a page per pair of countries, with timeline, map and sources.

``legation serve`` runs it (:mod:`legation.web.command`); :func:`create_app` builds it for tests
and other servers. The modules: :mod:`~legation.web.app` (the application, errors, security
headers), :mod:`~legation.web.api` (``/api``), :mod:`~legation.web.pages` (HTML pages and their
``.json`` twins), :mod:`~legation.web.views` (what each page shows, as data),
:mod:`~legation.web.charts` (timeline and curve geometry) and :mod:`~legation.web.geo` (maps).
Needs the ``web`` extra: ``pip install 'legation[web]'``.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(db: str | None = None, token: str | None = None, allowed_hosts: tuple[str, ...] | None = None):
    """The FastAPI app over ``db`` (see :func:`legation.web.app.create_app`)."""
    from legation.web.app import create_app as create

    return create(db, token=token, allowed_hosts=allowed_hosts)
