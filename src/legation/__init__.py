"""legation: encyclopedia articles on the relations of two countries → a sourced, dated record.

>>> import legation
>>> record = legation.extract("= Morocco–Russia relations =\\n\\nIn 1897, the Russian Empire established a consulate in Tangier.\\n")
>>> record.countries
('MAR', 'RUS')
"""

from __future__ import annotations

# First: decides, before any of them is imported, which modules may load compiled (legation/_native.py).
import legation._native  # noqa: F401  isort: skip
from legation.article import Article
from legation.errors import InputError, LegationError
from legation.extract import extract, extract_article
from legation.read import read_path, read_text
from legation.record import Record
from legation.store import open

__all__ = ["Article", "InputError", "LegationError", "Record", "extract", "extract_article", "open", "read_path",
           "read_text"]
__version__ = "0.1.0"
