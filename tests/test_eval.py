"""The accuracy harness: metric arithmetic on hand-made examples, the perturbation generator, and a
small slice of the real run (5 dev cases and the asia-tour gold). The full run is a benchmark
(``align eval``), not a test."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pytest

from align.eval import paraphrase, perturb
from align.eval.gold import Gold
from align.eval.run import format_table, rates, run, score
from align.segment import segment
from align.types import Claim, Discrepancy, Facts, Mention, Report, Sentence


def _sentence(sid: str, text: str = "Some words here.") -> Sentence:
    return Sentence(sid, sid[0], int(sid[1:]), text, 0, len(text), "paragraph")


def _claim(cid: str, a: list[str], b: list[str]) -> Claim:
    return Claim(cid, {"A": tuple(a), "B": tuple(b)}, 0.5, "agreement", {"A": "reports", "B": "reports"})


@pytest.fixture
def tiny():
    texts = {"A1": "They met on Tuesday in Tokyo.", "A3": "The talks ended on March 5."}
    sents = [_sentence(i, texts.get(i, f"Sentence {i}.")) for i in ("A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4")]
    facts = {s.id: Facts(s.id, ()) for s in sents}
    facts["A1"] = Facts("A1", (Mention("date", "Tuesday", 12, 19, "2021-03-16"),))
    facts["A3"] = Facts("A3", (Mention("date", "March 5", 19, 26, "2021-03-06"),))
    claims = (_claim("K1", ["A1"], ["B1", "B2"]), _claim("K2", ["A2"], []), _claim("K3", ["A3"], ["B3"]),
              _claim("K4", ["A4"], []), _claim("K5", [], ["B4"]))
    discs = (Discrepancy("date", "K1", ("A1", "B1"), {}, ""), Discrepancy("number", "K3", ("A3", "B3"), {}, ""),
             Discrepancy("name", "K1", ("A1", "B2"), {}, ""))
    report = Report((), tuple(sents), facts, claims, discs, (), model="fake", backend="fake")
    gold = Gold("tiny", {}, {}, groups=[{"A": ["A1"], "B": ["B1"]}, {"A": ["A2"], "B": ["B2"]}, {"A": ["A3"], "B": ["B3"]}],
                omissions=[("A4", ("B",)), ("B4", ("A",))],
                dates=[("A1", "on Tuesday", "2021-03-16"), ("A3", "March 5", "2021-03-05")],
                discrepancies=[{"kind": "date", "sentences": {"A": "A1", "B": "B1"}},
                               {"kind": "number", "sentences": {"A": "A2", "B": "B2"}}],
                variants=[("B3", "Defence", "Defense", "spelling")])
    return report, gold


def test_metric_arithmetic(tiny):
    report, gold = tiny
    counts = score(report, gold)
    m = rates(counts)
    # predicted pairs A1-B1, A1-B2, A3-B3; gold A1-B1, A2-B2, A3-B3
    assert counts["pairs"] == {"tp": 2, "pred": 3, "gold": 3}
    assert m["alignment"]["precision"] == pytest.approx(2 / 3)
    assert m["alignment"]["recall"] == pytest.approx(2 / 3)
    assert m["alignment"]["f1"] == pytest.approx(2 / 3)
    # predicted omissions A2, A4, B4; gold A4, B4
    assert m["omissions"]["precision"] == pytest.approx(2 / 3)
    assert m["omissions"]["recall"] == 1.0
    d = m["discrepancies"]
    assert (d["date"]["precision"], d["date"]["recall"]) == (1.0, 1.0)
    assert (d["number"]["precision"], d["number"]["recall"]) == (0.0, 0.0)  # on A3-B3, gold on A2-B2
    assert (d["name"]["precision"], d["name"]["recall"]) == (0.0, None)
    assert d["quote"]["precision"] is None and d["quote"]["recall"] is None
    # "on Tuesday" overlaps the Tuesday mention (right); "March 5" resolved to the 6th (wrong)
    assert (m["dates"]["correct"], m["dates"]["total"]) == (1, 2)
    # the number discrepancy sits in gold group A3-B3, which has no gold discrepancy and a variant;
    # the name discrepancy (A1, B2) spans two gold groups, so it is in none
    f = m["false_discrepancies"]
    assert (f["all"], f["with_variants"], f["variant_groups"], f["by_kind"]) == (1, 1, 1, {"number": 1})


def test_threshold_auc_and_ranks():
    s = np.array([0.1, 0.4, 0.35, 0.8])
    y = np.array([False, False, True, True])
    t, acc = paraphrase.best_threshold(s, y)
    assert acc == 0.75 and t == pytest.approx(0.225)
    assert paraphrase.auc(s, y) == 0.75
    assert paraphrase.auc(np.array([0.5, 0.5]), np.array([True, False])) == 0.5  # a tie counts half
    assert paraphrase.classify(s, y, 0.3) == {"accuracy": 0.75, "precision": 2 / 3, "recall": 1.0, "f1": 0.8}
    assert paraphrase.spearman(np.array([1.0, 2.0, 3.0]), np.array([10.0, 30.0, 20.0])) == pytest.approx(0.5)


CTX_GB = perturb.Ctx(date(2022, 12, 22), True, True, perturb.PEOPLE, "")


@pytest.mark.parametrize("kind, text, expect", [
    ("weekday-date", "Mr Zelensky left Washington late on Wednesday to return to Ukraine.", "late on 21 December to"),
    ("weekday-date", "The bill must be approved by Friday to avoid a shutdown.", "approved by 23 December"),
    ("negation", "The leaders agreed to work closely on the matter.", "The leaders did not agree to work"),
    ("negation", "Blinken and Austin will head to Seoul.", "will not head"),
    ("number", "The US announced $1.85bn in further military aid.", "$"),
    ("split", "The Patriot is one of the best systems in the arsenal, and Kyiv had long asked for it.",
     "Kyiv had long asked for it."),
    ("alias", "Talks with the Republic of Korea went well in the end.", "Talks with South Korea went"),
    ("title", "US Defence Secretary Lloyd Austin said the Patriot would help.", "US Secretary of State Lloyd Austin"),
    ("place", "He met troops in Bakhmut on the front line.", "in Kharkiv"),
])
def test_changes_read_as_english(kind, text, expect):
    texts, before, after, dates = perturb.CHANGES[kind](text, random.Random(1), CTX_GB)
    assert expect in " ".join(texts)
    assert " ".join(texts) != text


@pytest.mark.parametrize("kind, text", [
    ("split", "Blinken and Motegi discussed climate change, clean energy, cybersecurity, and the restoration of democracy."),
    ("weekday-date", "The toll climbed to 1,700 on Thursday, officials said."),  # the publication weekday: ambiguous
    ("alias", "Myanmar, also known as Burma, has been at war since 2021."),
    ("number", "It struck at a depth of 10 kilometers (6 miles) near the city."),
    ("negation", "“We will not stop,” she said."),  # nothing outside the quote to negate
])
def test_changes_skip_where_they_cannot_be_right(kind, text):
    assert perturb.CHANGES[kind](text, random.Random(1), CTX_GB) is None


def test_cases_are_deterministic_and_complete():
    for seed in range(20):
        a, b = perturb.make_case(seed), perturb.make_case(seed)
        assert a.counterpart.text == b.counterpart.text and a.changes == b.changes
        g = a.gold
        base_ids = {s.id for s in perturb.load_base(g.paths["A"])[1]}
        in_groups = {i for grp in g.groups for i in grp["A"]}
        assert in_groups | {sid for sid, _ in g.omissions} == base_ids
        assert a.counterpart.published == a.base.published
        cp_text = {s.id: s.text for s in segment(a.counterpart)}
        changed = {c.sentence for c in a.changes}
        for sid, ids in a.units.items():  # every untouched sentence is copied word for word
            if sid not in changed:
                assert [cp_text[i] for i in ids] == [next(s.text for s in perturb.load_base(g.paths["A"])[1] if s.id == sid)]
        deleted = {c.sentence for c in a.changes if c.kind == "deletion"}
        assert deleted == {sid for sid, _ in g.omissions}
        assert [d["kind"] for d in g.discrepancies] == [c.kind for c in a.changes if c.category == "discrepancy"]
    with pytest.raises(Exception):
        perturb.seeds(False, 201)
    assert list(perturb.seeds(True, 3)) == [10000, 10001, 10002]


@pytest.mark.model
def test_harness_runs_on_a_slice(real_encoder):
    result = run(cases=5, slice="asia-tour", public=False, encoder=real_encoder)
    assert list(result["gold"]["events"]) == ["asia-tour"]
    gm = result["gold"]["metrics"]
    assert gm["alignment"]["gold"] == 20 and gm["omissions"]["gold"] == 14 and gm["dates"]["total"] == 7
    assert 0.0 <= gm["alignment"]["f1"] <= 1.0
    pert = result["perturbation"]
    assert pert["cases"] == 5 and pert["split"] == "dev" and pert["seeds"] == [0, 4] and not pert["errors"]
    assert pert["metrics"]["alignment"]["recall"] > 0.9  # copies of the same article align
    table = format_table(result)
    assert "alignment precision" in table and "perturbation" in table and "public" not in table


def test_cli_eval_is_thin(monkeypatch):
    from typer.testing import CliRunner

    import align.eval.run as evaluation
    from align.cli import app

    seen = {}

    def fake_run(**kwargs):
        seen.update(kwargs)
        return {"held": kwargs["held_out"]}

    monkeypatch.setattr(evaluation, "run", fake_run)
    monkeypatch.setattr(evaluation, "format_table", lambda r, per_event=False: f"TABLE {r['held']} {per_event}\n")
    out = CliRunner().invoke(app, ["eval", "--cases", "7", "--no-public", "-q"])
    assert out.exit_code == 0 and out.stdout == "TABLE False False\n"
    assert seen["cases"] == 7 and seen["public"] is False and seen["held_out"] is False
    out = CliRunner().invoke(app, ["eval", "--held-out", "--json", "-q"])
    assert out.exit_code == 0 and '"held": true' in out.stdout


def test_every_gold_file_keeps_the_format_rules():
    # FORMAT.md's rules, checked with the segmenter only: each snippet in exactly one sentence,
    # each sentence in exactly one group or omission, each date expression in its sentence
    from align.eval.gold import problems
    from align.eval.run import GOLD_DIR, ROOT

    for path in sorted(GOLD_DIR.glob("*.json")):
        assert problems(path, ROOT) == [], path.name


def test_gold_check_names_what_is_wrong(tmp_path):
    import json

    from align.eval.gold import problems
    from align.eval.run import GOLD_DIR, ROOT

    data = json.loads((GOLD_DIR / "kyiv-visit.json").read_text(encoding="utf-8"))
    dropped = data["omissions"].pop()["sentence"]
    data["dates"][0]["expression"] = "in March"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    got = problems(path, ROOT)
    assert len(got) == 2
    assert got[0].startswith("B21 (") and got[0].endswith("is in 0 places") and dropped[:20] in got[0]
    assert got[1] == "date 1: expression 'in March' is not in A1"
