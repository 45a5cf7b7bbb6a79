"""Score the timex stage on TimeML (TimeBank, AQUAINT) as TempEval-3 scores TIMEX3 extraction.

TempEval-3 (the TE3 toolkit's ``evaluate_entities.py``):
- strict match: identical extent; relaxed match: extents overlap by at least one character here (the
  toolkit uses one token);
- precision = system timexes matched / system timexes, recall = gold timexes matched / gold timexes;
- value accuracy = gold timexes whose relaxed-matched system timex has the same ``value`` / relaxed
  matches, and value P, R, F1 = accuracy times relaxed P, R, F1 (so value F1 = accuracy x relaxed F1).
The DCT (``functionInDocument="CREATION_TIME"``) is read from the file and given to the tagger; it is
not scored. Only TIMEX3 inside ``<TEXT>`` are scored.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsgraph.eval.report import EvalReport
from newsgraph.pipeline import COMPONENTS, pipeline_nlp
from newsgraph.pipeline import docs as pipeline_docs
from newsgraph.records import Document, Timex

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    text: str
    kind: str
    value: str
    span: tuple[int, int]


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """Plain text of ``<TEXT>``, its TIMEX3 with character offsets, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")[:10] or None
            break
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0] if "<TEXT>" in raw else raw
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_attrs: dict[str, str] | None = None
    open_at = 0
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_attrs, open_at = dict(_ATTR.findall(m.group(3))), length
        elif open_attrs is not None:
            text = "".join(parts)[open_at:length]
            timexes.append(
                GoldTimex(text, open_attrs.get("type", ""), open_attrs.get("value", ""), (open_at, length))
            )
            open_attrs = None
    parts.append(html.unescape(body[pos:]))
    return TimeMLDoc(path.stem, "".join(parts), dct, tuple(timexes))


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict_gold: int = 0
    strict_system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    value_ok: int = 0
    type_ok: int = 0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Disagreement:
    """One place where the tagger and the gold differ: a missed, a spurious or a wrongly valued timex."""

    doc: str
    what: str  # "missed" | "spurious" | "value"
    gold_type: str
    gold_value: str
    gold_text: str
    system_type: str
    system_value: str
    system_text: str
    context: str

    def key(self) -> str:
        """The line the report's top-error counts group by."""
        if self.what == "missed":
            return f"missed {self.gold_type}: {self.gold_text.lower()}"
        if self.what == "spurious":
            return f"spurious: {self.system_text.lower()}"
        return f"value {self.gold_text.lower()!r}: gold {self.gold_value} got {self.system_value}"


_COLUMNS = tuple(Disagreement.__dataclass_fields__)


def _context(text: str, span: tuple[int, int], width: int = 70) -> str:
    a, b = span
    return " ".join(f"{text[max(0, a - width) : a]}[[{text[a:b]}]]{text[b : b + width]}".split())


def score_document(doc: TimeMLDoc, system: list[Timex], tally: Tally, found: list[Disagreement]) -> None:
    gold = doc.timexes
    tally.gold += len(gold)
    tally.system += len(system)

    def note(what: str, g: GoldTimex | None, s: Timex | None) -> None:
        span = g.span if g is not None else s.span if s is not None else (0, 0)
        found.append(
            Disagreement(
                doc.name,
                what,
                g.kind if g else "",
                g.value if g else "",
                g.text if g else "",
                s.kind.value if s else "",
                s.value if s else "",
                s.text if s else "",
                _context(doc.text, span),
            )
        )

    for g in gold:
        matches = [s for s in system if _overlap(g.span, s.span)]
        if not matches:
            note("missed", g, None)
            continue
        tally.relaxed_gold += 1
        # The best overlapping system timex: the exact one if present, else the first.
        best = next((s for s in matches if s.span == g.span), matches[0])
        if best.span == g.span:
            tally.strict_gold += 1
        if best.value == g.value:
            tally.value_ok += 1
        else:
            note("value", g, best)
        if best.kind.value == g.kind:
            tally.type_ok += 1
    for s in system:
        overlapping = [g for g in gold if _overlap(g.span, s.span)]
        if overlapping:
            tally.relaxed_system += 1
            if any(g.span == s.span for g in overlapping):
                tally.strict_system += 1
        else:
            note("spurious", None, s)


def write_disagreements(path: Path, found: list[Disagreement]) -> None:
    """Every disagreement as a TSV row (tabs and newlines in the text become spaces)."""
    rows = ["\t".join(_COLUMNS)]
    for d in found:
        rows.append("\t".join(" ".join(str(getattr(d, c)).split()) for c in _COLUMNS))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def evaluate(data: Path, *, limit: int | None = None, errors: Path | None = None) -> EvalReport:
    """TempEval-3 span (strict, relaxed) and value scores of the timex stage on a folder of ``.tml``.

    With ``errors``, every disagreement with the gold (missed, spurious, wrong value) is written there as TSV.
    """
    files = sorted(Path(data).glob("*.tml"))[:limit] if limit else sorted(Path(data).glob("*.tml"))
    docs = [read_timeml(f) for f in files]
    documents = [Document(doc_id=d.name, text=d.text, published=d.dct) for d in docs]
    started = time.perf_counter()
    parsed = list(pipeline_docs(documents, stages=(), batch_size=32))
    parse_seconds = time.perf_counter() - started
    tally = Tally()
    found: list[Disagreement] = []
    tagger = pipeline_nlp().get_pipe(COMPONENTS["timex"])  # the pipeline's own timex component
    tag_started = time.perf_counter()
    outputs: list[list[Timex]] = [tagger(doc)._.newsgraph_timexes for doc in parsed]
    tag_seconds = time.perf_counter() - tag_started
    for d, out in zip(docs, outputs, strict=True):
        score_document(d, out, tally, found)
    if errors is not None:
        write_disagreements(errors, found)
    top = Counter(d.key() for d in found)
    # TE3 counts precision over system timexes and recall over gold ones, so the two matched counts differ
    # and PRF(tp, fp, fn) does not fit.
    strict_p = tally.strict_system / tally.system if tally.system else 0.0
    strict_r = tally.strict_gold / tally.gold if tally.gold else 0.0
    relaxed_p, relaxed_r = relaxed_scores(tally)
    accuracy = value_accuracy(tally)
    type_accuracy = tally.type_ok / tally.relaxed_gold if tally.relaxed_gold else 0.0
    words = sum(len(d.text.split()) for d in docs)
    metrics = {
        **_prf("strict", strict_p, strict_r),
        **_prf("relaxed", relaxed_p, relaxed_r),
        **_prf("value", accuracy * relaxed_p, accuracy * relaxed_r),
        "value_accuracy": round(accuracy, 4),
        "type_accuracy": round(type_accuracy, 4),
        "tag_ms_per_1k_words": round(1000 * tag_seconds / max(words, 1) * 1000, 2),
        "parse_ms_per_1k_words": round(1000 * parse_seconds / max(words, 1) * 1000, 2),
    }
    report = EvalReport(
        stage="timex",
        data=str(data),
        metrics=metrics,
        counts={"documents": len(docs), "gold": tally.gold, "system": tally.system, "words": words},
        seconds=time.perf_counter() - started,
        notes=[
            "TempEval-3 scoring (TE3 evaluate_entities.py): relaxed = any overlap (characters, not tokens); "
            "value P/R/F1 = value accuracy over relaxed-matched gold timexes x relaxed P/R/F1",
            "rules were calibrated on TimeBank and AQUAINT themselves (no held-out test set); "
            "no rule keys on a document",
            *[f"top error: {e} ({n})" for e, n in top.most_common(12)],
        ],
    )
    return report


def relaxed_scores(tally: Tally) -> tuple[float, float]:
    """Relaxed precision and recall; TE3 counts them over system and gold timexes, which match apart."""
    p = tally.relaxed_system / tally.system if tally.system else 0.0
    r = tally.relaxed_gold / tally.gold if tally.gold else 0.0
    return p, r


def value_accuracy(tally: Tally) -> float:
    return tally.value_ok / tally.relaxed_gold if tally.relaxed_gold else 0.0


def value_f1(tally: Tally) -> float:
    """TempEval-3 value F1: value accuracy over relaxed matches times relaxed precision and recall."""
    p, r = relaxed_scores(tally)
    accuracy = value_accuracy(tally)
    return _f1(accuracy * p, accuracy * r)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(prefix: str, p: float, r: float) -> dict[str, float]:
    return {
        f"{prefix}_precision": round(p, 4),
        f"{prefix}_recall": round(r, 4),
        f"{prefix}_f1": round(_f1(p, r), 4),
    }
