"""Shared fixtures. Fast tests use ``FakeEncoder`` (hashed bag of words); tests marked ``model``
use the real all-MiniLM-L6-v2 ONNX encoder, loaded once per session."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"
A_PATH = FIX / "asia-tour" / "000-asia-tour-begins-in-tokyo.txt"
B_PATH = FIX / "asia-tour" / "003-blinken-first-trip-tokyo-seoul.txt"
C_PATH = FIX / "asia-tour" / "wire-tokyo-seoul-brief.txt"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite reports/ golden files")


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Tests never read or write the user's embedding cache."""
    os.environ["CLAIMDIFF_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield


class FakeEncoder:
    """Deterministic stand-in: words hashed into 384 dimensions, L2-normalised."""

    name = "fake"
    backend = "fake"

    def encode(self, texts):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z]+", t.lower()):
                h = int(hashlib.md5(w.encode()).hexdigest()[:8], 16)
                out[i, h % 384] += 1.0
        n = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(n, 1e-12)


@pytest.fixture
def fake_encoder():
    return FakeEncoder()


@pytest.fixture(scope="session")
def real_encoder():
    from align.embed import make_encoder

    return make_encoder()


@pytest.fixture(scope="session")
def known_report(real_encoder):
    from align.pipeline import Options, compare_files

    return compare_files([A_PATH, B_PATH], Options(), encoder=real_encoder)
