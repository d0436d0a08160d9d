"""Public sentence-pair benchmarks: does the pipeline's pair score tell "same claim" from "not"?

Data (read in place from ``../shared`` next to the repository; never copied into it):
- MSRP test (``msrp/msr_paraphrase_test.txt``): 1,725 news sentence pairs, 1,147 paraphrases.
  Tab-separated: Quality, #1 ID, #2 ID, #1 String, #2 String, with a header line.
- STS-B test (``stsb/sts-test.csv``): 1,379 pairs scored 0-5. Tab-separated: genre, file, year,
  id, score, sentence 1, sentence 2, then (forum pairs) source fields we ignore.

The score of a pair is exactly what ``align.alignment.evidence`` gives two sentences of different
sources in a run of their own: the weighted mix of embedding cosine, TF-IDF overlap of content
words and TF-IDF overlap of normalised facts (``Settings.w_*``). Each data set is embedded with
one encoder call. One threshold is calibrated on STS-B (a pair with score >= 3.0 counts as the
same claim; the threshold that maximises accuracy there is kept) and applied unchanged to MSRP.
The cosine alone is reported beside it for comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import alignment
from ..errors import InputError
from ..normalise import DateContext, Normaliser
from ..normalise.text import content_words
from ..settings import DEFAULT, Settings
from ..types import Sentence

SHARED = Path(__file__).resolve().parents[3] / "shared"
MSRP = "msrp/msr_paraphrase_test.txt"
STSB = "stsb/sts-test.csv"
STSB_SAME = 3.0  # STS-B score at or above which a pair counts as "the same claim"


@dataclass(frozen=True)
class Pairs:
    name: str
    a: list[str]
    b: list[str]
    label: np.ndarray  # bool: same claim / paraphrase
    gold: np.ndarray  # the data set's own score (STS-B 0-5; MSRP 0/1)


def _read(path: Path) -> list[str]:
    if not path.is_file():
        raise InputError(f"{path}: benchmark file not found", hint="the public sets live in ../shared next to the repo")
    return path.read_text(encoding="utf-8-sig").splitlines()


def read_msrp(root: Path = SHARED) -> Pairs:
    a, b, label = [], [], []
    for line in _read(root / MSRP)[1:]:
        f = line.split("\t")
        if len(f) < 5:
            continue
        label.append(f[0].strip() == "1")
        a.append(f[3].strip())
        b.append(f[4].strip())
    y = np.array(label, dtype=bool)
    return Pairs("msrp", a, b, y, y.astype(float))


def read_stsb(root: Path = SHARED) -> Pairs:
    a, b, score = [], [], []
    for line in _read(root / STSB):
        f = line.split("\t")
        if len(f) < 7:
            continue
        score.append(float(f[4]))
        a.append(f[5].strip())
        b.append(f[6].strip())
    s = np.array(score, dtype=float)
    return Pairs("stsb", a, b, s >= STSB_SAME, s)


def pair_scores(pairs: Pairs, encoder, settings: Settings = DEFAULT) -> tuple[np.ndarray, np.ndarray]:
    """(score, cosine) of every pair, as ``alignment.evidence`` computes them for two sources."""
    texts = sorted(set(pairs.a) | set(pairs.b))
    row = {t: i for i, t in enumerate(texts)}
    vectors = encoder.encode(texts)  # one call for the whole data set
    score = np.zeros(len(pairs.a))
    cosine = np.zeros(len(pairs.a))
    for k, (x, y) in enumerate(zip(pairs.a, pairs.b)):
        sa = Sentence("A1", "A", 1, x, 0, len(x), "paragraph")
        sb = Sentence("B1", "B", 1, y, 0, len(y), "paragraph")
        norm = Normaliser(None, settings)
        norm.learn_names([x, y])
        facts = [norm.facts(sa, DateContext(), []), norm.facts(sb, DateContext(), [])]
        words = [content_words(x), content_words(y)]
        ev = alignment.evidence([sa, sb], vectors[[row[x], row[y]]], words, facts, settings)
        score[k] = float(ev.score[0, 1])
        cosine[k] = float(ev.cosine[0, 1])
    return score, cosine


# --- metrics --------------------------------------------------------------------------------------

def best_threshold(score: np.ndarray, label: np.ndarray) -> tuple[float, float]:
    """(threshold, accuracy) maximising accuracy of ``score >= threshold``; midpoints between scores."""
    order = np.argsort(score)
    s, y = score[order], label[order]
    n = len(s)
    # predicting positive from index i on: correct = negatives before i + positives from i
    neg_before = np.concatenate([[0], np.cumsum(~y)])
    pos_from = np.concatenate([np.cumsum(y[::-1])[::-1], [0]])
    correct = neg_before + pos_from
    valid = np.ones(n + 1, dtype=bool)
    valid[1:n] = s[1:] > s[:-1]  # a cut only between different scores
    i = int(np.argmax(np.where(valid, correct, -1)))
    if i == 0:
        t = float(s[0]) - 1e-9
    elif i == n:
        t = float(s[-1]) + 1e-9
    else:
        t = float((s[i - 1] + s[i]) / 2)
    return t, float(correct[i] / n)


def _ranks(x: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing their mean rank."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(1, len(x) + 1)
    _, inv, counts = np.unique(x, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    return (sums / counts)[inv]


def auc(score: np.ndarray, label: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney U, ties counted half)."""
    pos, neg = int(label.sum()), int((~label).sum())
    if not pos or not neg:
        return float("nan")
    r = _ranks(score)
    return float((r[label].sum() - pos * (pos + 1) / 2) / (pos * neg))


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    rx, ry = _ranks(x), _ranks(y)
    return float(np.corrcoef(rx, ry)[0, 1])


def classify(score: np.ndarray, label: np.ndarray, threshold: float) -> dict:
    pred = score >= threshold
    tp = int((pred & label).sum())
    fp = int((pred & ~label).sum())
    fn = int((~pred & label).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": float((pred == label).mean()), "precision": precision, "recall": recall, "f1": f1}


def evaluate(encoder, settings: Settings = DEFAULT, root: Path = SHARED) -> dict:
    """Calibrate on STS-B, report on MSRP, for the pipeline score and for the cosine alone."""
    stsb, msrp = read_stsb(root), read_msrp(root)
    s_score, s_cos = pair_scores(stsb, encoder, settings)
    m_score, m_cos = pair_scores(msrp, encoder, settings)
    out: dict = {"stsb": {"pairs": len(stsb.a), "same": int(stsb.label.sum()), "same_if_score_at_least": STSB_SAME},
                 "msrp": {"pairs": len(msrp.a), "paraphrases": int(msrp.label.sum())}}
    base_acc = float(msrp.label.mean())
    out["msrp"]["baseline_all_paraphrase"] = {"accuracy": base_acc, "f1": 2 * base_acc / (1 + base_acc)}
    for name, s_val, m_val in (("score", s_score, m_score), ("cosine", s_cos, m_cos)):
        t, acc = best_threshold(s_val, stsb.label)
        out["stsb"][name] = {"threshold": t, "accuracy": acc, "auc": auc(s_val, stsb.label),
                             "spearman": spearman(s_val, stsb.gold)}
        out["msrp"][name] = {"threshold": t, **classify(m_val, msrp.label, t), "auc": auc(m_val, msrp.label)}
    return out
