"""Measured accuracy: hand-made gold, the perturbation benchmark and public paraphrase sets.

``run()`` returns one dict (JSON-ready); ``format_table()`` renders it. Metrics:

- alignment P/R/F1 over cross-source sentence pairs: predicted pairs are all cross-source pairs
  inside each claim with 2+ sources; gold pairs are ``Gold.pairs()``;
- omission P/R over sentences: predicted = sentences in single-source claims;
- discrepancy P/R per kind: a predicted discrepancy matches a gold one of the same kind when they
  share at least one sentence on each of two sources (precision counts matched predictions,
  recall matched gold entries);
- date accuracy: for each gold date, the sentence's date mention that overlaps the gold expression
  (the largest overlap) must have exactly the gold value; no mention counts as wrong;
- false discrepancies: predicted discrepancies inside a gold group (sharing sentences of two of
  its sources) where the gold lists no discrepancy of that kind for that group; "with variants"
  counts those in groups that hold a listed variant (spelling, alias, title, date style, ...).

Counts are summed over events (and over cases) before ratios are taken (micro averages).
Gold sources are read as the articles give them: no ``--published`` is passed.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from ..errors import AlignError
from ..pipeline import Options, build_encoder, compare_articles, read_sources
from ..types import Report, sid_order
from . import perturb
from .gold import Gold, load

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "fixtures" / "gold"
EVENTS = ("asia-tour", "asia-tour-three", "kyiv-visit", "myanmar-quake", "beijing-visit", "valencia-floods",
          "korea-election", "fintech-fraud", "athens-wildfire", "hague-summit", "boe-rates", "cloud-outage",
          "rail-crash", "rocket-launch", "museum-heist", "mine-collapse", "hurricane-landfall", "stadium-crush",
          "plane-landing", "minister-resigns", "eu-antitrust-fine", "iceland-eruption", "prison-escape",
          "hospital-ransomware", "tanker-spill", "strike-talks", "drug-approval", "bridge-collapse",
          "ferry-sinking", "alps-avalanche", "chemical-blast", "measles-outbreak", "bank-rescue",
          "embassy-protest", "marathon-record")
KINDS = perturb.DISCREPANCY_KINDS


# --- scoring one report against one gold ----------------------------------------------------------

def predicted_pairs(report: Report) -> set[frozenset[str]]:
    out = set()
    for c in report.alignments:
        ids = [(s, i) for s, lst in c.sentences.items() for i in lst]
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                if ids[x][0] != ids[y][0]:
                    out.add(frozenset((ids[x][1], ids[y][1])))
    return out


def predicted_omissions(report: Report) -> set[str]:
    return {sid for c in report.exclusives for sid in c.sentence_ids}


def _by_source(ids: Iterable[str], source_of: Callable[[str], str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for i in ids:
        out.setdefault(source_of(i), set()).add(i)
    return out


def shares_two_sources(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """Do two sentence sets (source -> ids) share at least one sentence on each of two sources?"""
    return sum(1 for s in a if a[s] & b.get(s, set())) >= 2


def match_discrepancies(pred: list[tuple[str, dict[str, set[str]]]],
                        gold: list[tuple[str, dict[str, set[str]]]]) -> dict[str, dict[str, int]]:
    """Per kind: predicted, predicted that match a gold entry, gold, gold that are matched."""
    out = {k: {"pred": 0, "pred_matched": 0, "gold": 0, "gold_matched": 0} for k in KINDS}
    for kind, ids in pred:
        slot = out.setdefault(kind, {"pred": 0, "pred_matched": 0, "gold": 0, "gold_matched": 0})
        slot["pred"] += 1
        slot["pred_matched"] += any(k == kind and shares_two_sources(ids, g) for k, g in gold)
    for kind, ids in gold:
        slot = out.setdefault(kind, {"pred": 0, "pred_matched": 0, "gold": 0, "gold_matched": 0})
        slot["gold"] += 1
        slot["gold_matched"] += any(k == kind and shares_two_sources(p, ids) for k, p in pred)
    return out


def date_check(report: Report, sid: str, expression: str, value: str) -> tuple[bool, str]:
    """Is the mention overlapping ``expression`` in sentence ``sid`` resolved to ``value``?"""
    text = report.sentence(sid).text
    starts = [i for i in range(len(text)) if text.startswith(expression, i)]
    if not starts:
        low = text.lower()
        starts = [i for i in range(len(text)) if low.startswith(expression.lower(), i)]
    best, overlap = None, 0
    for m in report.facts[sid].of("date"):
        for s in starts:
            o = min(m.end, s + len(expression)) - max(m.start, s)
            if o > overlap:
                best, overlap = m, o
    if best is None:
        return False, "no date mention"
    return best.value == value, best.value or "unresolved"


def score(report: Report, gold: Gold) -> dict:
    """Raw counts (and the misses, for reading) of one report against its gold."""
    source_of = lambda sid: report.sentence(sid).source  # noqa: E731
    pp, gp = predicted_pairs(report), gold.pairs()
    po = predicted_omissions(report)
    go = {sid for sid, _ in gold.omissions}
    pred_d = [(d.kind, _by_source(d.sentences, source_of)) for d in report.discrepancies]
    gold_d = [(d["kind"], {s: {i} for s, i in d["sentences"].items()}) for d in gold.discrepancies]
    discs = match_discrepancies(pred_d, gold_d)

    dates_ok = 0
    date_misses = []
    for sid, expr, value in gold.dates:
        ok, got = date_check(report, sid, expr, value)
        dates_ok += ok
        if not ok:
            date_misses.append({"sentence": sid, "expression": expr, "gold": value, "got": got})

    groups = [{s: set(ids) for s, ids in g.items()} for g in gold.groups]
    variant_ids = {sid for sid, *_ in gold.variants}
    group_kinds: list[set[str]] = [set() for _ in groups]
    for kind, ids in gold_d:
        for gi, g in enumerate(groups):
            if shares_two_sources(ids, g):
                group_kinds[gi].add(kind)
    false = []
    for d, (kind, ids) in zip(report.discrepancies, pred_d):
        for gi, g in enumerate(groups):
            if shares_two_sources(ids, g) and kind not in group_kinds[gi]:
                with_variant = bool(variant_ids & set().union(*g.values()))
                false.append({"kind": kind, "sentences": list(d.sentences), "values": d.values,
                              "group": gi, "with_variants": with_variant})
                break
    missed = [{"kind": k, "sentences": {s: sorted(i)[0] for s, i in ids.items()}}
              for k, ids in gold_d if not any(pk == k and shares_two_sources(p, ids) for pk, p in pred_d)]
    unmatched = [{"kind": k, "sentences": sorted(i for v in ids.values() for i in v)}
                 for k, ids in pred_d if not any(gk == k and shares_two_sources(ids, g) for gk, g in gold_d)]
    return {
        "pairs": {"tp": len(pp & gp), "pred": len(pp), "gold": len(gp)},
        "omissions": {"tp": len(po & go), "pred": len(po), "gold": len(go)},
        "discrepancies": discs,
        "dates": {"correct": dates_ok, "total": len(gold.dates)},
        "false_discrepancies": {"all": len(false), "with_variants": sum(f["with_variants"] for f in false),
                                "by_kind": dict(Counter(f["kind"] for f in false)),
                                "variant_groups": sum(1 for g in groups if variant_ids & set().union(*g.values()))},
        "details": {"missed_discrepancies": missed, "unmatched_discrepancies": unmatched,
                    "false_discrepancies": false, "date_misses": date_misses,
                    "missed_pairs": sorted(sorted(p) for p in gp - pp),
                    "extra_pairs": sorted(sorted(p) for p in pp - gp),
                    "missed_omissions": sorted(go - po, key=sid_order), "extra_omissions": sorted(po - go, key=sid_order)},
    }


def add(total: dict, part: dict) -> dict:
    """Sum two count dicts of the same shape (``details`` are left out)."""
    for k, v in part.items():
        if k == "details":
            continue
        if isinstance(v, dict):
            add(total.setdefault(k, {}), v)
        elif isinstance(v, (int, float)):
            total[k] = total.get(k, 0) + v
    return total


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def rates(c: dict) -> dict:
    """P/R/F1 and accuracies from summed counts."""
    def prf(x: dict) -> dict:
        p, r = _ratio(x["tp"], x["pred"]), _ratio(x["tp"], x["gold"])
        f1 = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
        return {"precision": p, "recall": r, "f1": f1, **x}

    out = {"alignment": prf(c["pairs"]), "omissions": prf(c["omissions"]),
           "discrepancies": {k: {"precision": _ratio(v["pred_matched"], v["pred"]),
                                 "recall": _ratio(v["gold_matched"], v["gold"]), **v}
                             for k, v in c["discrepancies"].items()},
           "dates": {"accuracy": _ratio(c["dates"]["correct"], c["dates"]["total"]), **c["dates"]},
           "false_discrepancies": c["false_discrepancies"]}
    return out


# --- the gold sets --------------------------------------------------------------------------------

def evaluate_gold(event: str, encoder, options: Options = Options()) -> dict:
    path = GOLD_DIR / f"{event}.json"
    sources = json.loads(path.read_text(encoding="utf-8"))["sources"]
    articles = read_sources([str(ROOT / s["path"]) for s in sources], options)
    report = compare_articles(articles, options, encoder=encoder)
    gold = load(path, ROOT, list(report.sentences))
    return score(report, gold)


# --- the perturbation benchmark -------------------------------------------------------------------

def change_outcomes(case: perturb.Case, report: Report, counts: dict) -> list[dict]:
    """What became of each change: found / other kind / missed / not aligned / clean / false."""
    source_of = lambda sid: report.sentence(sid).source  # noqa: E731
    pairs = predicted_pairs(report)
    omitted = predicted_omissions(report)
    pred = [(d.kind, _by_source(d.sentences, source_of)) for d in report.discrepancies]
    touched = {c.sentence for c in case.changes} | {b for c in case.changes for b in case.units.get(c.sentence, ())}
    out = []
    for c in case.changes:
        if c.kind == "shuffle":  # judged on the sentences no other change touched
            stray = [f for f in counts["details"]["false_discrepancies"] if not touched & set(f["sentences"])]
            outcome = "false discrepancy" if stray else "clean"
            out.append({"kind": c.kind, "category": c.category, "sentence": "", "outcome": outcome})
            continue
        cp = list(case.units.get(c.sentence, ()))
        group = {"A": {c.sentence}, "B": set(cp)}
        aligned = bool(cp) and all(frozenset((c.sentence, b)) in pairs for b in cp)
        on_pair = [k for k, ids in pred if shares_two_sources(ids, group)]
        if c.category == "deletion":
            outcome = "omission" if c.sentence in omitted else "aligned elsewhere"
        elif c.category == "discrepancy":
            if c.kind in on_pair:
                outcome = "found"
            elif on_pair:
                outcome = "other kind: " + ", ".join(sorted(set(on_pair)))
            else:
                outcome = "missed (aligned)" if aligned else "not aligned"
        else:
            outcome = ("false discrepancy" if on_pair else "clean") if aligned else "not aligned"
        out.append({"kind": c.kind, "category": c.category, "sentence": c.sentence, "outcome": outcome,
                    "before": c.before, "after": c.after, "found": sorted(set(on_pair))})
    return out


def evaluate_perturbation(seeds: Iterable[int], encoder, options: Options = Options(),
                          progress: Callable[[str], None] | None = None) -> dict:
    total: dict = {}
    by_change: dict[str, Counter] = {}
    records = []
    errors = []
    seeds = list(seeds)
    for n, seed in enumerate(seeds, 1):
        case = perturb.make_case(seed)
        try:
            report = compare_articles(case.articles, options, encoder=encoder)
        except AlignError as err:
            errors.append({"seed": seed, "error": str(err)})
            continue
        counts = score(report, case.gold)
        touched = {c.sentence for c in case.changes} | {b for ids in case.units.values() for b in ids
                                                        if any(b in case.units.get(c.sentence, ()) for c in case.changes)}
        counts["false_discrepancies"]["on_unchanged"] = sum(
            1 for f in counts["details"]["false_discrepancies"] if not touched & set(f["sentences"]))
        add(total, counts)
        outcomes = change_outcomes(case, report, counts)
        for o in outcomes:
            by_change.setdefault(o["kind"], Counter())[o["outcome"]] += 1
        records.append({"seed": seed, "base": case.gold.paths["A"], "changes": outcomes,
                        "false_discrepancies": counts["details"]["false_discrepancies"],
                        "missed_pairs": counts["details"]["missed_pairs"],
                        "extra_pairs": counts["details"]["extra_pairs"]})
        if progress and (n % 25 == 0 or n == len(seeds)):
            progress(f"perturbation: {n}/{len(seeds)} cases")
    return {"seeds": [seeds[0], seeds[-1]] if seeds else [], "cases": len(records), "errors": errors,
            "counts": total, "by_change": {k: dict(v) for k, v in sorted(by_change.items())}, "records": records}


# --- everything -----------------------------------------------------------------------------------

class _Memo:
    """Remembers vectors within one run: the base articles recur in every case, and an encoder
    without the on-disk cache (tests) would embed them again each time."""

    def __init__(self, encoder) -> None:
        self.encoder = encoder
        self.name = getattr(encoder, "name", "")
        self.backend = getattr(encoder, "backend", "")
        self.seen: dict[str, np.ndarray] = {}

    def encode(self, texts):
        todo = list(dict.fromkeys(t for t in texts if t not in self.seen))
        if todo:
            self.seen.update(zip(todo, self.encoder.encode(todo)))
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.seen[t] for t in texts])


def run(held_out: bool = False, cases: int = 200, slice: str | Iterable[str] | None = None, *,
        public: bool = True, encoder=None, progress: Callable[[str], None] | None = None) -> dict:
    """Run the evaluation. ``slice`` limits the gold events (a name or names; None: all four);
    ``cases`` takes the first N seeds of the development range (or of the held-out range, with
    ``held_out=True``; for final figures only)."""
    say = progress or (lambda msg: None)
    events = list(EVENTS) if slice is None else ([slice] if isinstance(slice, str) else list(slice))
    unknown = [e for e in events if e not in EVENTS]
    if unknown:
        from ..errors import OptionError

        raise OptionError(f"unknown gold event {unknown[0]!r}; the events are {', '.join(EVENTS)}")
    seed_range = perturb.seeds(held_out, cases)
    options = Options()
    t0 = time.perf_counter()
    encoder = _Memo(encoder or build_encoder(options))
    timings: dict[str, float] = {}

    gold: dict = {"events": {}, "counts": {}}
    t = time.perf_counter()
    for event in events:
        say(f"gold: {event}")
        try:
            counts = evaluate_gold(event, encoder, options)
        except AlignError as err:
            gold["events"][event] = {"error": str(err)}
            continue
        gold["events"][event] = {"metrics": rates(counts), "details": counts["details"]}
        add(gold["counts"], counts)
    gold["metrics"] = rates(gold["counts"]) if gold["counts"] else None
    timings["gold"] = time.perf_counter() - t

    t = time.perf_counter()
    pert = evaluate_perturbation(seed_range, encoder, options, progress=say)
    pert["metrics"] = rates(pert["counts"]) if pert["counts"] else None
    pert["split"] = "held-out" if held_out else "dev"
    timings["perturbation"] = time.perf_counter() - t

    out = {"gold": gold, "perturbation": pert, "model": getattr(encoder, "name", options.model),
           "backend": getattr(encoder, "backend", options.backend)}
    if public:
        from . import paraphrase

        say("public sets: STS-B and MSRP")
        t = time.perf_counter()
        out["public"] = paraphrase.evaluate(encoder, options.settings)
        timings["public"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    out["runtime_s"] = {k: round(v, 1) for k, v in timings.items()}
    return out


# --- the table ------------------------------------------------------------------------------------

def _cell(value: float | None, num: int | None = None, den: int | None = None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" + (f" {num}/{den}" if num is not None else "")


def _rows(m: dict | None) -> list[tuple[str, str]]:
    if m is None:
        return []
    a, o, d = m["alignment"], m["omissions"], m["discrepancies"]
    rows = [("alignment precision", _cell(a["precision"], a["tp"], a["pred"])),
            ("alignment recall", _cell(a["recall"], a["tp"], a["gold"])),
            ("alignment F1", _cell(a["f1"])),
            ("omission precision", _cell(o["precision"], o["tp"], o["pred"])),
            ("omission recall", _cell(o["recall"], o["tp"], o["gold"]))]
    for k in KINDS:
        x = d.get(k, {"precision": None, "recall": None, "pred": 0, "pred_matched": 0, "gold": 0, "gold_matched": 0})
        rows.append((f"{k} discrepancy precision", _cell(x["precision"], x["pred_matched"], x["pred"])))
        rows.append((f"{k} discrepancy recall", _cell(x["recall"], x["gold_matched"], x["gold"])))
    dt = m["dates"]
    rows.append(("date accuracy", _cell(dt["accuracy"], dt["correct"], dt["total"])))
    f = m["false_discrepancies"]
    rows.append(("false discrepancies", str(f.get("all", 0))))
    rows.append(("  in groups with variants", f"{f.get('with_variants', 0)} in {f.get('variant_groups', 0)} groups"))
    if "on_unchanged" in f:
        rows.append(("  on unchanged sentences", str(f["on_unchanged"])))
    return rows


def _event_summary(gold: dict) -> list[str]:
    """One line per gold event: the figures an editor asks first."""
    head = f"  {'event':<18}{'alignment F1':>13}{'omission P / R':>16}{'differences found':>19}{'reported right':>16}{'false':>7}{'dates':>9}"
    lines = ["", "gold events, one line each (differences: of the gold's, and of the report's)", head]
    for event, r in gold["events"].items():
        if "metrics" not in r:
            continue
        m = r["metrics"]
        d = m["discrepancies"].values()
        found, total = sum(x["gold_matched"] for x in d), sum(x["gold"] for x in d)
        right, said = sum(x["pred_matched"] for x in d), sum(x["pred"] for x in d)
        f = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
        o = m["omissions"]
        lines.append(f"  {event:<18}{f(m['alignment']['f1']):>13}{f(o['precision']) + ' / ' + f(o['recall']):>16}"
                     f"{f'{found} of {total}':>19}{f'{right} of {said}':>16}{m['false_discrepancies']['all']:>7}"
                     f"{str(m['dates']['correct']) + '/' + str(m['dates']['total']):>9}")
    return lines


def format_table(result: dict, per_event: bool = False) -> str:
    """The accuracy table: gold (all events) beside the perturbation benchmark, then one line per
    gold event; ``per_event`` adds every event's own column to the big table (wide)."""
    gold, pert = result["gold"], result["perturbation"]
    columns: list[tuple[str, list[tuple[str, str]]]] = []
    if per_event or len(gold["events"]) == 1:
        for event, r in gold["events"].items():
            columns.append((event, _rows(r.get("metrics")) if "metrics" in r else []))
    if len(gold["events"]) > 1:
        columns.append(("gold (all)", _rows(gold["metrics"])))
    lo, hi = (pert["seeds"] + [None, None])[:2]
    columns.append(("perturbation", _rows(pert["metrics"])))
    labels = list(dict.fromkeys(label for _, rows in columns for label, _ in rows))
    width = max(len(x) for x in labels) + 2 if labels else 30
    cols = [(name, dict(rows)) for name, rows in columns]
    widths = [max([len(name)] + [len(v) for v in rows.values()]) + 2 for name, rows in cols]
    lines = [f"claimdiff accuracy  (model {result['model']}, {result['backend']}; perturbation: "
             f"{pert['split']} seeds {lo}-{hi}, {pert['cases']} cases)", ""]
    lines.append(" " * width + "".join(name.rjust(w) for (name, _), w in zip(cols, widths)))
    for label in labels:
        lines.append(label.ljust(width) + "".join(rows.get(label, "-").rjust(w) for (_, rows), w in zip(cols, widths)))
    for event, r in gold["events"].items():
        if "error" in r:
            lines.append(f"{event}: not scored: {r['error']}")
    if pert["errors"]:
        lines.append(f"perturbation: {len(pert['errors'])} case(s) failed: {pert['errors'][0]}")

    lines.append("  (n/m: matched of counted; '-': nothing to count; perturbation date accuracy: the weekdays and")
    lines.append("   moved dates whose value the generator worked out)")
    if len(gold["events"]) > 1:
        lines += _event_summary(gold)
    lines += ["", "perturbation, what became of each change"]
    outcomes = sorted({o for c in pert["by_change"].values() for o in c})
    order = [k for k in perturb.DISCREPANCY_KINDS + perturb.VARIANT_KINDS + ("deletion",) if k in pert["by_change"]]
    for kind in order:
        c = pert["by_change"][kind]
        n = sum(c.values())
        parts = ", ".join(f"{o} {c[o]}" for o in outcomes if c.get(o))
        lines.append(f"  {kind:<14} n={n:<3} {parts}")

    if "public" in result:
        p = result["public"]
        s, m = p["stsb"], p["msrp"]
        base = m["baseline_all_paraphrase"]
        lines += ["", f"public sentence pairs (threshold calibrated on STS-B, score >= {s['same_if_score_at_least']} = same claim)",
                  f"{'':34}{'pipeline score':>16}{'cosine only':>14}"]
        rows = [("STS-B threshold", "threshold", s), ("STS-B accuracy", "accuracy", s), ("STS-B AUC", "auc", s),
                ("STS-B Spearman", "spearman", s), ("MSRP accuracy", "accuracy", m), ("MSRP F1", "f1", m),
                ("MSRP precision", "precision", m), ("MSRP recall", "recall", m), ("MSRP AUC", "auc", m)]
        for label, key, src in rows:
            note = ""
            if label == "MSRP accuracy":
                note = f"   (all-paraphrase baseline {base['accuracy']:.3f})"
            if label == "MSRP F1":
                note = f"   (all-paraphrase baseline {base['f1']:.3f})"
            lines.append(f"{label:<34}{src['score'][key]:>16.3f}{src['cosine'][key]:>14.3f}{note}")
        lines.append(f"  STS-B {s['pairs']} pairs ({s['same']} same), MSRP {m['pairs']} pairs ({m['paraphrases']} paraphrases)")
    rt = result["runtime_s"]
    lines += ["", "runtime: " + ", ".join(f"{k} {v:.1f} s" for k, v in rt.items())]
    return "\n".join(lines) + "\n"
