"""The one family of errors legation raises for things a user can fix."""

from __future__ import annotations


class LegationError(Exception):
    """Something the user can act on; the message says what and how."""


class InputError(LegationError):
    """An input file cannot be read: missing, a directory, binary, wrong encoding, corrupt."""

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        self.path, self.problem, self.fix = str(path), problem, fix
        super().__init__(f"{path}: {problem}" + (f" ({fix})" if fix else ""))

    def __reduce__(self):  # (raised in a worker process, it is pickled back to the driver)
        return type(self), (self.path, self.problem, self.fix)


class ConfigError(LegationError):
    """A setting or option has a value legation cannot use."""


class MissingExtraError(LegationError):
    """An optional dependency is not installed; the message names the extra."""


class UnknownCountryError(ConfigError):
    """A country given as an argument is not a country legation knows."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(f"unknown country {text!r} (give an ISO code or an English name, e.g. MAR or Morocco)")


class NotFoundError(LegationError):
    """Something asked for by name (an article title) is not in the database."""
