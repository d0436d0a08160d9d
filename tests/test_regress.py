"""--against: verdict changes against a reviewed report, robust to argument order."""

import copy

from align.pipeline import Options, compare_files
from align.regress import changes, source_check
from align.render import report_dict

from conftest import A_PATH, B_PATH, C_PATH


def test_same_report_no_changes(fake_encoder):
    data = report_dict(compare_files([A_PATH, B_PATH], Options(), encoder=fake_encoder))
    assert changes(data, copy.deepcopy(data)) == []


def test_sources_in_another_order_are_matched_by_text(fake_encoder):
    ab = report_dict(compare_files([A_PATH, B_PATH], Options(), encoder=fake_encoder))
    ba = report_dict(compare_files([B_PATH, A_PATH], Options(), encoder=fake_encoder))
    assert source_check(ab, ba)[1] == []
    assert changes(ab, ba) == []


def test_a_changed_verdict_and_value_are_listed(fake_encoder):
    data = report_dict(compare_files([A_PATH, B_PATH], Options(), encoder=fake_encoder))
    old = copy.deepcopy(data)
    claim = old["alignments"][0]
    claim["verdict"] = "agreement" if claim["verdict"] != "agreement" else "partial"
    got = changes(old, data)
    assert len(got) == 1 and got[0].startswith("changed  [" + " ".join(sorted(claim["sentences"])) + "]")


def test_different_article_is_warned(fake_encoder):
    ab = report_dict(compare_files([A_PATH, B_PATH], Options(), encoder=fake_encoder))
    ac = report_dict(compare_files([A_PATH, C_PATH], Options(), encoder=fake_encoder))
    assert source_check(ab, ac)[1] == ["source B is not the article the reviewed report compared"]
