"""The version of frusdoc, the one place it is written: the build reads it from here
(``[tool.hatch.version]`` in ``pyproject.toml``), ``frusdoc.__version__`` re-exports it,
and the writers that stamp their output (HTML pages, Parquet metadata) import it from here."""

__all__ = ["__version__"]

__version__ = "0.2.0"
"""The version of frusdoc (``MAJOR.MINOR.PATCH``, Semantic Versioning)."""
