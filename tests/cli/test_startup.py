"""Start-up: loading the CLI imports no heavy library; each command imports what it uses."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "sqlalchemy",
    "alembic",
    "pyarrow",
    "fastapi",
    "uvicorn",
    "pandas",
    "polars",
    "spacy",
    "scipy",
    "datasketch",
)


def _imported_by(code: str) -> list[str]:
    probe = f"{code}; import sys; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_the_cli_loads_without_heavy_libraries() -> None:
    """`newsgraph --help` took 1.3 s loading SQLAlchemy, alembic, pyarrow and scipy it never used."""
    assert _imported_by("import newsgraph.cli.app") == []


def test_reading_the_store_loads_neither_pyarrow_nor_scipy() -> None:
    loaded = _imported_by("import newsgraph.cli.app; from newsgraph.store import Store")
    assert "sqlalchemy" in loaded and "pyarrow" not in loaded and "scipy" not in loaded
