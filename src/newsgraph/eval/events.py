"""Evaluate the events stage: PLOVER gold records (types, countries) or ConfliBERT sentences (quads, spans).

``evaluate`` dispatches on the file: ``plover_gsr_cameo.json`` scores the PLOVER type and the
source/target country of the main event of each sentence; a ConfliBERT ``.jsonl`` scores the quad
class of each sentence (0 when no event is found) and the source/target actor spans.

Both files give one gold event per record, so each sentence yields one prediction, its main event as the
coder marks it (``Ranked.main``: the rules' most central candidate of a sentence the models find eventful).
Other events of the sentence are not scored; the coordinated pairs of the main trigger ("X and Y signed
...") are, for countries and spans. A sentence with no event predicts "NONE" (PLOVER: always wrong) or quad
class 0, with its claim's speaker as the source actor. Every text runs through the pipeline's stages
(the pipeline's components), as ingest runs them. The PLOVER file holds a few sentences twice with different
events; the one prediction is compared with each record. Given the events folder, train and dev (the
training file split as the models were trained), the visible test and PLOVER are scored side by side.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.eval.report import EvalReport
from newsgraph.events.coder import Ranked
from newsgraph.records import Claim, Event
from newsgraph.training.events import DEV_FRACTION, SEED, Coded, Labelled, code_texts, read_labelled, split

# The gold file predates PLOVER's merge of these types into the current 16.
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# Codes in the gold file that are not ISO 3166-1 alpha-3, and legacy CAMEO spellings that are.
_NOT_COUNTRIES = {"IGO", "NGO", "IMG", "ISM", "MNC", "REB", "UAF"}
_LEGACY = {"JAP": "JPN", "ITL": "ITA"}
_WORD = re.compile(r"\w+")


def main_events(ranked: Iterable[Ranked]) -> list[Event]:
    """Events of the sentence's main trigger (all pairs of a coordinated trigger), or [] when none."""
    return [r.event for r in ranked if r.main]


def _code_all(texts: list[str]) -> list[Coded]:
    return list(code_texts(texts))


def _country(code: Any) -> str | None:
    if not isinstance(code, str) or len(code) != 3 or not code.isupper():
        return None
    code = _LEGACY.get(code, code)
    return None if code in _NOT_COUNTRIES else code


def _gold_countries(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {c for a in actors if isinstance(a, dict) and (c := _country(a.get("code"))) is not None}


def _evaluate_plover(path: Path, limit: int | None) -> EvalReport:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") in _TYPES_KNOWN]
    if limit is not None:
        records = records[:limit]
    typed = source_ok = source_n = target_ok = target_n = found = 0
    confusion: Counter[str] = Counter()
    for record, coded in zip(records, _code_all([r["text"] for r in records]), strict=True):
        gold = OLD_TYPES.get(record["event"], record["event"])
        events = main_events(coded.ranked)
        predicted = events[0].event_type.value if events else "NONE"
        found += bool(events)
        typed += predicted == gold
        if predicted != gold:
            confusion[f"{gold}->{predicted}"] += 1
        for role, gold_actors in (("source", record.get("source")), ("target", record.get("target"))):
            countries = _gold_countries(gold_actors)
            if not countries:
                continue
            mentions = [getattr(e, role) for e in events]
            hit = any(
                m is not None and m.actor is not None and m.actor.country in countries for m in mentions
            )
            if role == "source":
                source_n += 1
                source_ok += hit
            else:
                target_n += 1
                target_ok += hit
    n = len(records)
    return EvalReport(
        stage="events",
        data=str(path),
        metrics={
            "type_accuracy": round(typed / n, 4) if n else 0.0,
            "source_country_accuracy": round(source_ok / source_n, 4) if source_n else 0.0,
            "target_country_accuracy": round(target_ok / target_n, 4) if target_n else 0.0,
            "event_found_rate": round(found / n, 4) if n else 0.0,
        },
        counts={"sentences": n, "with_source_country": source_n, "with_target_country": target_n},
        notes=[
            "main event = coded event whose trigger is nearest the parse root (one without a source counts "
            "2.5 levels deeper); other events of the sentence are not scored; no event counts as wrong",
            "old types mapped: " + ", ".join(f"{k}->{v}" for k, v in OLD_TYPES.items()),
            "most frequent confusions: " + ", ".join(f"{k} {v}" for k, v in confusion.most_common(6)),
        ],
    )


_TYPES_KNOWN = {
    *OLD_TYPES,
    *[
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
    ],
    *["SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
}


def content_words(text: str) -> list[str]:
    """Lower-cased words that are not stop words: what the span scorer counts.

    Words are split at hyphens and apostrophes, as the gold phrases are tokenised ("Vice - President",
    "Brazil 's"), so that "Vice-President" and "Brazil's" in a prediction count as the same words; the
    possessive "s" is no word. An acronym in capitals ("US", "UN") is a name, not the stop word "us".
    """
    out: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        lower = word.lower()
        if lower == "s" or (lower in STOP_WORDS and not (word.isupper() and len(word) > 1)):
            continue
        out.append(lower)
    return out


def covers(predicted: str, gold: str) -> bool:
    """True when the prediction holds at least half of the gold phrase's content words."""
    want = content_words(gold)
    if not want:
        return False
    have = set(content_words(predicted))
    return sum(w in have for w in want) * 2 >= len(want)


@dataclass
class _SpanCounts:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    def score(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _compatible(gold_role: str, predicted_role: str) -> bool:
    return gold_role == predicted_role or gold_role == "reciprocal"


# What may stand between two coordinated actors of one role: "Russia and the Syrian government", "A, B or C".
_COORDINATION = re.compile(r"^(?:\s|,|;|&|\band\b|\bor\b|\bas well as\b|\bas\b|\bwell\b|\bnor\b)*$", re.I)


def predicted_phrases(events: list[Event], text: str) -> list[tuple[str, str]]:
    """(role, phrase) pairs of a sentence's main events, coordinated actors of one role as one phrase.

    The coder splits "Both Russia and the Syrian government welcomed ..." into one event per actor (each
    with its own actor); the gold annotates the coordinated phrase as the actor span, so mentions of one
    role separated only by "and", "or" or commas are scored as the phrase that spans them.
    """
    out: list[tuple[str, str]] = []
    for role in ("source", "target"):
        spans = sorted({m.span for e in events if (m := getattr(e, role)) is not None})
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and (start < merged[-1][1] or _COORDINATION.match(text[merged[-1][1] : start])):
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        out.extend((role, text[start:end]) for start, end in merged)
    return out


def _score_spans(
    events: list[Event],
    gold: list[dict[str, Any]],
    counts: _SpanCounts,
    text: str,
    claims: Sequence[Claim] = (),
) -> None:
    predicted = predicted_phrases(events, text)
    # A sentence whose main act is a statement (quad class 0) has no event; its speaker, in the claim
    # record, is who acted: "The Guatemalan government denied charges ...".
    predicted += [("source", c.source.text) for c in claims[:1] if c.source is not None and c.source.span]
    golds = [(g["role"], g["text"]) for g in gold if g.get("text")]
    counts.gold += len(golds)
    counts.predicted += len(predicted)
    counts.found += sum(
        any(_compatible(gr, pr) and covers(pt, gt) for pr, pt in predicted) for gr, gt in golds
    )
    counts.correct += sum(
        any(_compatible(gr, pr) and covers(pt, gt) for gr, gt in golds) for pr, pt in predicted
    )


def score_sentences(rows: Sequence[Labelled]) -> tuple[dict[str, float], dict[str, int], list[str]]:
    """Quad class of each sentence's main event (0 when none) and the actor spans, against the gold."""
    labels = sorted({0, 1, 2, 3, 4})
    confusion: Counter[tuple[int, int]] = Counter()
    spans = _SpanCounts()
    for row, coded in zip(rows, _code_all([r.text for r in rows]), strict=True):
        events = main_events(coded.ranked)
        predicted = events[0].quad_class if events else 0
        confusion[(row.quad_class, predicted)] += 1
        if row.actors:
            _score_spans(events, list(row.actors), spans, row.text, [] if events else coded.claims)
    n = len(rows)
    correct = sum(v for (g, p), v in confusion.items() if g == p)
    f1s: list[float] = []
    present = [label for label in labels if any(g == label for g, _ in confusion)]
    for label in present:
        tp = confusion[(label, label)]
        fp = sum(v for (g, p), v in confusion.items() if p == label and g != label)
        fn = sum(v for (g, p), v in confusion.items() if g == label and p != label)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    p, r, f = spans.score()
    metrics = {
        "quad_accuracy": round(correct / n, 4) if n else 0.0,
        "quad_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "actor_span_precision": round(p, 4),
        "actor_span_recall": round(r, 4),
        "actor_span_f1": round(f, 4),
    }
    counts = {"sentences": n, "gold_actors": spans.gold, "predicted_actors": spans.predicted}
    notes = [
        f"macro-F1 over the quad classes present in the gold data: {present}",
        "confusion (gold,predicted): "
        + ", ".join(f"{g}->{p} {v}" for (g, p), v in sorted(confusion.items()) if g != p),
    ]
    return metrics, counts, notes


_SPAN_NOTE = (
    "span found when a prediction of the same role (either role for 'reciprocal') covers at least "
    "half of the gold phrase's content words; precision counts predictions that find some gold "
    "actor; coordinated mentions of one role (one event each) are scored as the phrase spanning them; a "
    "sentence coded as no event (a bare statement) predicts its claim's speaker as source; every text runs "
    "through the pipeline's stages (entities, actors, timex, claims) as ingest does"
)


def _evaluate_conflibert(path: Path, limit: int | None) -> EvalReport:
    rows = read_labelled(path)
    if limit is not None:
        rows = rows[:limit]
    metrics, counts, notes = score_sentences(rows)
    return EvalReport(
        stage="events", data=str(path), metrics=metrics, counts=counts, notes=[*notes, _SPAN_NOTE]
    )


# The files of ../shared/data/events scored side by side when --data names that folder.
TRAIN_FILE = "conflibert_cameo_train.jsonl"
TEST_FILE = "conflibert_cameo_test_in_gsr.jsonl"
PLOVER_FILE = "plover_gsr_cameo.json"


def _evaluate_folder(folder: Path, limit: int | None) -> EvalReport:
    """Train and dev (the training file split as the models were trained), the visible test, PLOVER."""
    train_rows, dev_rows = split(read_labelled(folder / TRAIN_FILE))
    parts = {"train": train_rows, "dev": dev_rows, "test": read_labelled(folder / TEST_FILE)}
    metrics: dict[str, float] = {}
    counts: dict[str, int] = {}
    notes: list[str] = []
    for name, rows in parts.items():
        scored, counted, noted = score_sentences(rows[:limit] if limit is not None else rows)
        metrics.update({f"{name}.{k}": v for k, v in scored.items()})
        counts.update({f"{name}.{k}": v for k, v in counted.items()})
        notes += [f"{name}: {n}" for n in noted[1:]]
    plover = _evaluate_plover(folder / PLOVER_FILE, limit)
    metrics.update({f"plover.{k}": v for k, v in plover.metrics.items()})
    notes += [
        f"train/dev: {TRAIN_FILE} split by quad class with seed {SEED} ({DEV_FRACTION:.0%} dev), as in "
        f"training; test: {TEST_FILE}; plover: {PLOVER_FILE}",
        "test has no class-0 sentences, so its macro-F1 averages classes 1-4 only",
        _SPAN_NOTE,
    ]
    return EvalReport(stage="events", data=str(folder), metrics=metrics, counts=counts, notes=notes)


def evaluate(data: Path, *, limit: int | None = None) -> EvalReport:
    """Score the events stage on a PLOVER gold file (.json), a ConfliBERT CAMEO file (.jsonl), or the
    events folder of ../shared/data (train, dev, visible test and PLOVER side by side)."""
    started = time.perf_counter()
    if data.is_dir():
        report = _evaluate_folder(data, limit)
    elif data.suffix == ".json":
        report = _evaluate_plover(data, limit)
    else:
        report = _evaluate_conflibert(data, limit)
    report.seconds = time.perf_counter() - started
    return report
