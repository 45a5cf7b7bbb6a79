"""The one shape every evaluation returns, so the CLI, tests and bench read them alike."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str) -> dict[str, float]:
        return {
            f"{prefix}_precision": round(self.precision, 4),
            f"{prefix}_recall": round(self.recall, 4),
            f"{prefix}_f1": round(self.f1, 4),
        }


@dataclass
class EvalReport:
    """Scores of one stage on one data set."""

    stage: str
    data: str
    metrics: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {
                "stage": self.stage,
                "data": self.data,
                "metrics": self.metrics,
                "counts": self.counts,
                "seconds": round(self.seconds, 2),
                "notes": self.notes,
            }
        )

    def to_text(self) -> str:
        lines = [f"{self.stage} on {self.data} ({self.seconds:.1f}s)"]
        lines += [f"  {k:<28} {v:.4f}" for k, v in self.metrics.items()]
        lines += [f"  {k:<28} {v}" for k, v in self.counts.items()]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)
