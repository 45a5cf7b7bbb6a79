"""Score the claims stage against PolNeAR (brat standoff: Source, Cue, Content linked by ``E`` lines).

Matching follows the PolNeAR paper: a gold attribution is found when a predicted content span overlaps its
content. Predicted and gold attributions are paired one to one, largest content overlap first; the source
and cue of a pair are then scored on that pair (overlap: any shared character; exact: the same span after
trimming punctuation and quotation marks). Gold content made of several fragments counts as one span
from its first to its last character for exact matching, and as its fragments for overlap.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import DataError
from newsgraph.eval.report import PRF, EvalReport
from newsgraph.pipeline import COMPONENTS, pipeline_nlp
from newsgraph.pipeline import docs as pipeline_docs
from newsgraph.records import Claim, Document, Span

_TRIM = " \t\n,;:.-–—\"“”'‘’"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[Span, ...]
    source: tuple[Span, ...] | None
    cue: tuple[Span, ...] | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _fragments(field: str) -> tuple[Span, ...]:
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def read_ann(text: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one ``.ann`` file: every ``E`` line with a Content."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        cells = line.split("\t")
        if line.startswith("T") and len(cells) >= 2:
            label, _, where = cells[1].partition(" ")
            spans[cells[0]] = (label, _fragments(where))
        elif line.startswith("E") and len(cells) >= 2:
            roles: dict[str, str] = {}
            for pair in cells[1].split():
                role, _, ref = pair.partition(":")
                roles.setdefault(role.rstrip("0123456789"), ref)
            events.append(roles)
    out = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        source = spans[roles["Source"]][1] if roles.get("Source") in spans else None
        cue = spans[roles["Cue"]][1] if roles.get("Cue") in spans else None
        out.append(GoldAttribution(spans[roles["Content"]][1], source, cue))
    return tuple(out)


def read_polnear(data: Path, limit: int | None = None) -> list[GoldDocument]:
    """PolNeAR documents of one split folder (``text/*.txt`` beside ``attributions/*.ann``)."""
    texts = sorted((data / "text").glob("*.txt"))
    if not texts:
        raise DataError(f"no PolNeAR texts under {data / 'text'}; pass a split folder such as polnear/dev")
    docs = []
    for path in texts[:limit] if limit is not None else texts:
        # Files are named <text stem>_<annotator>.ann; a text annotated twice is scored on its first one.
        candidates = sorted((data / "attributions").glob(path.stem + "_*.ann")) or sorted(
            (data / "attributions").glob(path.stem + ".ann")
        )
        if not candidates:
            raise DataError(f"no .ann file for {path.name} under {data / 'attributions'}")
        ann = candidates[0]
        text = path.read_text(encoding="utf-8")
        docs.append(GoldDocument(path.stem, text, read_ann(ann.read_text(encoding="utf-8"))))
    return docs


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def _exact(text: str, a: Sequence[Span], b: Sequence[Span]) -> bool:
    def norm(spans: Sequence[Span]) -> tuple[int, int]:
        start, end = min(s[0] for s in spans), max(s[1] for s in spans)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        return start, end

    return norm(a) == norm(b)


@dataclass
class _Tally:
    content_overlap: list[float]
    content_exact: list[float]
    source_overlap: list[float]
    source_exact: list[float]
    cue_overlap: list[float]
    cue_exact: list[float]

    @classmethod
    def empty(cls) -> _Tally:
        return cls(*([0.0, 0.0, 0.0] for _ in range(6)))


def _score(text: str, claims: Sequence[Claim], gold: Sequence[GoldAttribution], tally: _Tally) -> None:
    pairs = []
    for i, claim in enumerate(claims):
        for j, att in enumerate(gold):
            shared = _overlap([claim.span], att.content)
            if shared:
                pairs.append((shared, i, j))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    tally.content_overlap[0] += len(matched)
    tally.content_overlap[1] += len(claims) - len(matched)
    tally.content_overlap[2] += len(gold) - len(matched)
    exact = sum(1 for i, j in matched.items() if _exact(text, [claims[i].span], gold[j].content))
    tally.content_exact[0] += exact
    tally.content_exact[1] += len(claims) - exact
    tally.content_exact[2] += len(gold) - exact
    for part, overlap_counts, exact_counts in (
        ("source", tally.source_overlap, tally.source_exact),
        ("cue", tally.cue_overlap, tally.cue_exact),
    ):
        predicted: list[Span | None] = [
            (c.source.span if c.source is not None else None) if part == "source" else c.cue_span
            for c in claims
        ]
        wanted = [getattr(a, part) for a in gold]
        n_pred = sum(1 for p in predicted if p is not None)
        n_gold = sum(1 for w in wanted if w is not None)
        hit = hit_exact = 0
        for i, j in matched.items():
            p, w = predicted[i], wanted[j]
            if p is not None and w is not None and _overlap([p], w):
                hit += 1
                hit_exact += _exact(text, [p], w)
        overlap_counts[0] += hit
        overlap_counts[1] += n_pred - hit
        overlap_counts[2] += n_gold - hit
        exact_counts[0] += hit_exact
        exact_counts[1] += n_pred - hit_exact
        exact_counts[2] += n_gold - hit_exact


def predict(docs: Sequence[GoldDocument], *, batch_size: int = 32) -> Iterator[tuple[list[Claim], float]]:
    """Claims for each gold document through the pipeline's components, with the seconds the claims
    component itself took (the components before it run in the pipeline's pass)."""
    documents = [Document(doc_id=gold.name, text=gold.text) for gold in docs]
    attributor = pipeline_nlp().get_pipe(COMPONENTS["claims"])
    for doc in pipeline_docs(documents, stages=("actors",), batch_size=batch_size):
        started = time.perf_counter()
        claims: list[Claim] = attributor(doc)._.newsgraph_claims
        yield claims, time.perf_counter() - started


def evaluate(data: Path, *, limit: int | None = None) -> EvalReport:
    """Source, cue and content scores (exact and overlap) of the claims stage on a PolNeAR split."""
    started = time.perf_counter()
    docs = read_polnear(data, limit)
    tally = _Tally.empty()
    stage_seconds = 0.0
    n_claims = 0
    for gold, (claims, seconds) in zip(docs, predict(docs), strict=True):
        stage_seconds += seconds
        n_claims += len(claims)
        _score(gold.text, claims, gold.attributions, tally)
    total = time.perf_counter() - started
    metrics: dict[str, float] = {}
    for name in (
        "content_overlap",
        "source_overlap",
        "cue_overlap",
        "content_exact",
        "source_exact",
        "cue_exact",
    ):
        metrics.update(PRF(*getattr(tally, name)).as_dict(name))
    metrics["claims_share_of_time"] = round(stage_seconds / total, 4) if total else 0.0
    return EvalReport(
        stage="attribution",
        data=str(data),
        metrics=metrics,
        counts={
            "documents": len(docs),
            "gold_attributions": sum(len(d.attributions) for d in docs),
            "predicted_claims": n_claims,
        },
        seconds=total,
        notes=[
            "an attribution is found when content spans overlap (PolNeAR); source, cue scored on found pairs",
            f"claims stage {stage_seconds:.2f}s of {total:.2f}s (parse included)",
        ],
    )
