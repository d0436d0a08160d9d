"""The onnx (int8, default) and torch (sentence-transformers, fp32) backends agree on the known pair:
per-sentence cosine >= 0.999 between their vectors, and the same alignments in the JSON report.

Marked ``torch``; skipped where sentence-transformers is not installed. The torch model is loaded
once for the module (importing torch takes about 10 s on 2 cores).
"""

from __future__ import annotations

import numpy as np
import pytest

from align.ingest import read_article
from align.pipeline import Options, compare_files
from align.render import report_dict
from align.segment import segment

from conftest import A_PATH, B_PATH

pytest.importorskip("sentence_transformers", reason="the torch backend (sentence-transformers) is not installed")

pytestmark = pytest.mark.torch


@pytest.fixture(scope="module")
def torch_encoder():
    from align.embed import make_encoder

    return make_encoder(backend="torch", device="cpu")


@pytest.fixture(scope="module")
def pair_texts():
    return [s.text for p, sid in ((A_PATH, "A"), (B_PATH, "B")) for s in segment(read_article(p, sid))]


def test_backends_are_what_they_say(real_encoder, torch_encoder):
    assert real_encoder.backend == "onnx" and torch_encoder.backend == "torch"


def test_same_vectors_per_sentence(real_encoder, torch_encoder, pair_texts):
    a = real_encoder.encode(pair_texts)
    b = torch_encoder.encode(pair_texts)
    assert a.shape == b.shape == (len(pair_texts), 384)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-4)
    cos = (a * b).sum(axis=1)
    worst = int(np.argmin(cos))
    assert cos.min() >= 0.999, f"cosine {cos[worst]:.5f} for {pair_texts[worst]!r}"


def test_same_alignments(known_report, torch_encoder):
    onnx = report_dict(known_report)["alignments"]
    torch = report_dict(compare_files([A_PATH, B_PATH], Options(backend="torch"), encoder=torch_encoder))
    assert torch["backend"] == "torch"
    assert [x["sentences"] for x in torch["alignments"]] == [x["sentences"] for x in onnx]
    assert onnx, "the known pair has alignments"
