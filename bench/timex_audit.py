"""How far AQUAINT's value F1 can go: the tagger's disagreements with the gold, each with a class.

    .venv/bin/python bench/timex_audit.py

Runs ``newsgraph eval timex`` on ../shared/data/timex/aquaint, pairs each disagreement with its row in
docs/audit/timex-aquaint.tsv (a hand audit: which side is wrong, and why), counts the classes, and
gives the value F1 the tagger would reach if every disagreement classed as its own fault ("ours") or as
defensible either way ("open") were fixed with the gold's exact value. "ours-vague" marks a timex the
tagger should find but whose gold value does not follow from the text (a season where the same phrase
elsewhere has a month, a date from outside knowledge): finding it matches the span, not the value, so the
bound leaves it missed, which scores higher. Rows of the audit that no longer
occur (fixed since) and disagreements the audit does not know are listed, and the exit status is then 1,
so the audit cannot go stale silently (tests/eval/test_timex_audit.py runs this).
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "timex" / "aquaint"
AUDIT = ROOT / "docs" / "audit" / "timex-aquaint.tsv"
FIXABLE = ("ours", "open")


def _key(row: dict[str, str]) -> tuple[str, str, str, str, str]:
    return (row["doc"], row["what"], row["gold_value"], row["system_value"], row["text"])


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph.eval.timex import Tally, evaluate, value_f1

    with tempfile.TemporaryDirectory() as tmp:
        errors_path = Path(tmp) / "errors.tsv"
        report = evaluate(DATA, errors=errors_path)
        with errors_path.open(encoding="utf-8") as fh:
            found = [
                {**r, "text": r["gold_text"] or r["system_text"]} for r in csv.DictReader(fh, delimiter="\t")
            ]
    with AUDIT.open(encoding="utf-8") as fh:
        audit = list(csv.DictReader(fh, delimiter="\t"))
    classes: dict[tuple[str, str, str, str, str], list[str]] = {}
    for row in audit:
        classes.setdefault(_key(row), []).append(row["class"])
    unknown, counted = [], Counter[tuple[str, str]]()
    for row in found:
        pending = classes.get(_key(row))
        if pending:
            counted[(pending.pop(0), row["what"])] += 1
        else:
            unknown.append(row)
    stale = [(key, c) for key, rest in classes.items() for c in rest]

    system, gold = report.counts["system"], report.counts["gold"]
    missed = sum(r["what"] == "missed" for r in found)
    spurious = sum(r["what"] == "spurious" for r in found)
    wrong = sum(r["what"] == "value" for r in found)
    now = Tally(gold=gold, system=system, relaxed_gold=gold - missed, relaxed_system=system - spurious)
    now.value_ok = now.relaxed_gold - wrong
    fix_missed = sum(n for (c, w), n in counted.items() if c in FIXABLE and w == "missed")
    fix_value = sum(n for (c, w), n in counted.items() if c in FIXABLE and w == "value")
    fix_spurious = sum(n for (c, w), n in counted.items() if c in FIXABLE and w == "spurious")
    fixed = Tally(
        gold=gold,
        system=system + fix_missed - fix_spurious,
        relaxed_gold=now.relaxed_gold + fix_missed,
        relaxed_system=now.relaxed_system + fix_missed,
        value_ok=now.value_ok + fix_missed + fix_value,
    )
    print(
        f"AQUAINT: {gold} gold, {system} system timexes; "
        f"{missed} missed, {spurious} spurious, {wrong} wrong value"
    )
    print(f"value F1 now: {value_f1(now):.4f} (report: {report.metrics['value_f1']:.4f})")
    print("disagreements by class (missed / spurious / value):")
    for cls in sorted({c for c, _ in counted}):
        parts = [counted[(cls, w)] for w in ("missed", "spurious", "value")]
        print(f"  {cls:16} {sum(parts):4}   {parts[0]:3} / {parts[1]:3} / {parts[2]:3}")
    bound = value_f1(fixed)
    print(f"value F1 with every 'ours' and 'open' disagreement fixed to the gold's exact value: {bound:.4f}")
    if unknown:
        print(f"{len(unknown)} disagreements not in the audit (new since it was made):")
        for row in unknown:
            print("  " + "\t".join(row[k] for k in ("doc", "what", "gold_value", "system_value", "text")))
    if stale:
        print(f"{len(stale)} audit rows no longer occur (fixed, or changed):")
        for key, cls in stale:
            print("  " + "\t".join(key) + f"\t[{cls}]")
    return 1 if unknown or stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
