"""The hand audit of the tagger's AQUAINT disagreements (docs/audit/timex-aquaint.tsv) matches its output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_audit_covers_every_disagreement_and_no_other(shared_data: Path) -> None:
    assert (shared_data / "timex" / "aquaint").is_dir()
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "timex_audit.py")], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "value F1 with every 'ours' and 'open' disagreement fixed" in run.stdout
