"""Trains the prompt-injection classifier (guardrails/classifier.py) and writes
rules/injection_model.json. Offline, deterministic, numpy only (no scikit-learn:
its threadpoolctl slows the encoder a hundredfold, shared/NOTES.md).

    python -m atende_guardrails.eval.train_injection [--folds 5] [--with injection_train5.tsv ...]

--with adds a training file of eval/ that is not (yet) in TRAINING_FILES, to try a candidate set
of examples without changing what a plain retrain reads (calibrate_injection takes the same flag).

Training data: the development seed (eval/injection_seed.tsv), the training
file (eval/injection_train.tsv), the generated training file
(eval/generated/injection_gen_train.tsv: structured attacks, obfuscations and hard
negatives, see generate_injection.py) and the routing set's customer messages
(router_svc/eval/routing.tsv, ordinary); never the held-out sets, the generated dev
file or evals/. It also writes rules/injection_words.txt, the vocabulary against
which leetspeak is read (normalize.unleet_words). Each message becomes
its windows, as the service reads it (classifier.windows): an attack message
trains on its whole-message window (the sentences of an attack may be harmless
on their own), an ordinary message on every window. The thresholds are chosen
by cross-validation over messages (scored like the service: the highest window),
for at most TARGET_FP of ordinary messages refused, before the final fit on
everything."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

import numpy as np  # noqa: E402
from numpy.typing import NDArray  # noqa: E402

from atende_guardrails.classifier import encode_weights, feature_indices, reading_windows  # noqa: E402
from atende_guardrails.eval.guardrails_eval import _unescape  # noqa: E402
from atende_guardrails.input_checks import PromptInjectionCheck  # noqa: E402

EVAL_DIR = Path(__file__).parent
MODEL_PATH = EVAL_DIR.parent / "rules" / "injection_model.json"
HASH_BITS = 14
MAX_WORDS, STRIDE, WHOLE_WORDS = 30, 20, 60
ENCODER_CHARS = 160  # what the service gives the encoder of one plain window
TARGET_FP = 0.01
MARGIN = 0.05  # above the quantile, before rounding up to 0.1 (quantile_threshold)
SEED = 6
L2_GRID = (1e-5, 3e-5, 1e-4, 3e-4)
GATE_PERCENTILE = 2
# 2: n-grams plus the concept features (concepts.py: override verb + rules, reveal + secret, ...), which carry
# an attack's structure to words and languages the n-grams saw less often; 1: n-grams only.
FEATURES = 2
Matrix = NDArray[np.float32]


ROOT = EVAL_DIR.parents[1]
TRAINING_FILES = (
    "injection_seed.tsv", "injection_train.tsv", "injection_train3.tsv", "injection_train4.tsv", "injection_probe4_tune.tsv",
    "generated/injection_gen_train.tsv",
)
WORDS_PATH = EVAL_DIR.parent / "rules" / "injection_words.txt"
# The full model (encoder vector plus n-grams) also trains on the hand-written probes' tune parts and on customers
# giving their own contact details (build_own_contact.py): its threshold is then calibrated out of fold (each
# ordinary message scored by a model fitted without it), since no untrained ordinary message is left to calibrate it
# on. The n-gram model keeps the files above, as it was: it decides alone when the encoder is not loaded, and the
# tune parts stay its calibration (calibrate_injection). Probe 5 trains nothing: it is kept to measure
# (tests/guardrails/test_customer_roles_and_devices.py). Probe 51 neither: written blind on 2026-12-07, it is the fresh
# measure of the model trained that day (docs/performance.md §32).
RESERVED_PROBES = ("injection_probe5_tune.tsv", "injection_probe51_tune.tsv")
PROBE_TUNE_FILES = tuple(sorted(path.name for path in EVAL_DIR.glob("injection_probe*_tune.tsv")
                                if path.name not in TRAINING_FILES and path.name not in RESERVED_PROBES))
FULL_ONLY_FILES = ("injection_train7.tsv", *PROBE_TUNE_FILES)
# The full model reads full names as "fulano" (classifier.masked): the probes' attacks name the people whose data or
# account they are after, and a model that learnt those names refused a lead who shares one ("Meu nome é Ana Lima").
MASK_NAMES = True


def extra_files(argv: list[str]) -> tuple[str, ...]:
    """The files named by --with (repeatable)."""
    return tuple(argv[index + 1] for index, arg in enumerate(argv[:-1]) if arg == "--with")


def load_messages(extra: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(1 for attack / 0 for ordinary, text) from the training files (and `extra`) and the routing set."""
    messages: list[tuple[int, str]] = []
    for name in (*TRAINING_FILES, *extra):
        for line in (EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            messages.append((int(parts[0] == "attack"), _unescape(parts[-1])))
    for line in (ROOT / "router_svc" / "eval" / "routing.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            messages.append((0, _unescape(line.split("\t")[-1])))
    return messages


# Rows written in ROT13, backwards or in an encoding: their words are not words, and
# leetspeak is read against the vocabulary ("erongi" must not read as a word).
_TURNED_KINDS = frozenset({"rot13", "reversed", "hex", "base64", "url", "obf_rot13", "obf_reversed", "obf_hex", "obf_encoded"})


def _turned_texts(extra: tuple[str, ...] = ()) -> frozenset[str]:
    found: set[str] = set()
    for name in (*TRAINING_FILES, *extra):
        for line in (EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if not line.startswith("#") and len(parts) > 3 and parts[2] in _TURNED_KINDS:
                found.add(_unescape(parts[-1]))
    return frozenset(found)


def write_vocabulary(messages: list[tuple[int, str]], extra: tuple[str, ...] = ()) -> int:
    """The words of the training messages and of the sample knowledge base, folded:
    leetspeak is read against them."""
    import re

    from atende_guardrails.normalize import normalize

    turned = _turned_texts(extra)
    texts = [text for _, text in messages if text not in turned]
    for path in sorted((ROOT / "knowledge_svc" / "sample_kb").glob("*")):
        if path.suffix in (".md", ".txt", ".html"):
            texts.append(path.read_text(encoding="utf-8", errors="ignore"))
    words: set[str] = set()
    for text in texts:
        words.update(w for w in re.findall(r"[a-z]{2,20}", normalize(text).folded) if not re.search(r"(.)\1\1", w))
    WORDS_PATH.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    return len(words)


class Features:
    """Rows of hashed n-gram counts (sparse: row, column, value) next to dense encoder vectors."""

    def __init__(self, rows: NDArray[np.int64], columns: NDArray[np.int64], values: Matrix, dense: Matrix | None) -> None:
        self.rows, self.columns, self.values, self.dense = rows, columns, values, dense
        self.count = int(rows.max()) + 1 if len(rows) else 0
        self.width = (1 << HASH_BITS) + (0 if dense is None else dense.shape[1])

    @classmethod
    def build(cls, texts: list[tuple[str, ...]], dense: Matrix | None) -> Features:
        rows: list[int] = []
        columns: list[int] = []
        values: list[float] = []
        for row, words in enumerate(texts):
            indices = feature_indices(words, HASH_BITS, concepts=FEATURES >= 2)
            unique, counts = np.unique(np.asarray(indices, dtype=np.int64), return_counts=True)
            rows.extend([row] * len(unique))
            columns.extend(unique.tolist())
            values.extend((counts / np.sqrt(max(len(indices), 1))).tolist())
        return cls(np.asarray(rows), np.asarray(columns), np.asarray(values, dtype=np.float32), dense)

    def subset(self, keep: NDArray[np.bool_]) -> Features:
        new_index = np.cumsum(keep) - 1
        mask = keep[self.rows]
        dense = None if self.dense is None else self.dense[keep]
        return Features(new_index[self.rows[mask]], self.columns[mask], self.values[mask], dense)

    def dot(self, w: Matrix, count: int) -> NDArray[np.float64]:
        size = 1 << HASH_BITS
        out = np.asarray(np.bincount(self.rows, weights=self.values * w[self.columns], minlength=count), dtype=np.float64)
        if self.dense is not None:
            out = out + (self.dense @ w[size:]).astype(np.float64)
        return out

    def transpose_dot(self, error: NDArray[np.float64]) -> Matrix:
        size = 1 << HASH_BITS
        out = np.zeros(self.width, dtype=np.float32)
        out[:size] = np.bincount(self.columns, weights=self.values * error[self.rows], minlength=size)
        if self.dense is not None:
            out[size:] = self.dense.T @ error.astype(np.float32)
        return out


def fit(x: Features, y: NDArray[np.float32], l2: float, steps: int = 500) -> tuple[Matrix, float]:
    """Class-balanced logistic regression, full-batch Adam."""
    count = len(y)
    w = np.zeros(x.width, dtype=np.float32)
    b = 0.0
    weights = np.where(y > 0, 0.5 / max(y.mean(), 1e-6), 0.5 / max(1 - y.mean(), 1e-6))
    m_w = np.zeros_like(w)
    v_w = np.zeros_like(w)
    m_b = v_b = 0.0
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(x.dot(w, count) + b)))
        error = (p - y) * weights / count
        grad_w = x.transpose_dot(error) + l2 * w
        grad_b = float(error.sum())
        m_w = (beta1 * m_w + (1 - beta1) * grad_w).astype(np.float32)
        v_w = (beta2 * v_w + (1 - beta2) * grad_w**2).astype(np.float32)
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        correction1, correction2 = 1 - beta1**step, 1 - beta2**step
        w -= rate * (m_w / correction1) / (np.sqrt(v_w / correction2) + 1e-8)
        b -= rate * (m_b / correction1) / (np.sqrt(v_b / correction2) + 1e-8)
    return w.astype(np.float32), float(b)


def threshold_for(benign: NDArray[np.float64], attack: NDArray[np.float64]) -> tuple[float, float, float]:
    """The lowest threshold that refuses at most TARGET_FP of ordinary messages; its recall and FP rate."""
    allowed = int(np.floor(TARGET_FP * len(benign)))
    ordered = np.sort(benign)[::-1]
    finite = ordered[np.isfinite(ordered)]
    budget = allowed - (len(ordered) - len(finite))
    threshold = float(finite[budget]) + 1e-4 if 0 <= budget < len(finite) else float(np.max(finite, initial=0.0)) + 1e-4
    return threshold, float((attack >= threshold).mean()), float((benign >= threshold).mean())


def holdout_texts() -> set[str]:
    """Every message of the probes' holdout parts (they measure; nothing trains on them)."""
    found: set[str] = set()
    for path in EVAL_DIR.glob("injection_probe*_holdout.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.add(_unescape(line.split("\t")[-1]))
    return found


def full_messages(extra: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """What the full model trains on: load_messages and FULL_ONLY_FILES, each text once, leaving out any text a probe's
    holdout part also holds (two writers sometimes write the same short message)."""
    found = dict.fromkeys(load_messages(extra))
    texts = {text for _, text in found} | holdout_texts()
    for name in FULL_ONLY_FILES:
        for line in (EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                parts = line.split("\t")
                text = _unescape(parts[-1])
                if text not in texts:
                    texts.add(text)
                    found.setdefault((int(parts[0] == "attack"), text))
    return list(found)


def quantile_threshold(scores: Sequence[float], target: float = TARGET_FP) -> float:
    """The lowest threshold (MARGIN above, rounded up to 0.1) that refuses at most `target` of ordinary messages'
    `scores`: the full model's out-of-fold scores here, the n-gram model's untrained ones in calibrate_injection. A
    message too short for a window scores -inf and is not counted."""
    ranked = sorted((score for score in scores if math.isfinite(score)), reverse=True)
    allowed = math.floor(round(target * len(ranked), 6))  # how many may sit at or above the threshold
    bound = ranked[allowed] if allowed < len(ranked) else min(ranked, default=0.0)
    return math.ceil(round((bound + MARGIN) * 10, 6)) / 10


def message_windows(messages: list[tuple[int, str]], mask_names: bool = False
                    ) -> tuple[list[tuple[str, ...]], list[int], list[int], list[bool]]:
    """Windows of every message: their words, which message each belongs to, its label,
    and whether it trains (an attack's whole-message window does; its pieces may be benign)."""
    rows: list[tuple[str, ...]] = []
    row_message: list[int] = []
    row_label: list[int] = []
    row_trains: list[bool] = []
    for index, (label, text) in enumerate(messages):
        found = reading_windows(text, MAX_WORDS, STRIDE, WHOLE_WORDS, mask_names=mask_names)
        whole = [w for w in found if w.folded is None]
        for window in found:
            rows.append(window.words)
            row_message.append(index)
            row_label.append(label)
            row_trains.append(label == 0 or window in whole or not whole)
    return rows, row_message, row_label, row_trains


class _Side:
    """One model's training data: its messages' windows, features, labels and folds."""

    def __init__(self, messages: list[tuple[int, str]], embed: Callable[[list[tuple[str, ...]]], Matrix] | None,
                 rules: PromptInjectionCheck, folds: int, mask_names: bool = False) -> None:
        rows, row_message, row_label, row_trains = message_windows(messages, mask_names)
        self.messages = messages
        self.rows = rows
        self.x = Features.build(rows, None if embed is None else embed(rows))
        self.labels = np.asarray(row_label, dtype=np.float32)
        self.trains = np.asarray(row_trains)
        self.message_of = np.asarray(row_message)
        self.message_labels = np.asarray([m[0] for m in messages])
        # The rules refuse some messages anyway: the classifier's threshold is chosen for the chain (rules or
        # classifier).
        self.by_rules = np.asarray([rules.detect(text) is not None for _, text in messages])
        self.fold_of_message = np.random.default_rng(SEED).permutation(len(messages)) % folds

    def out_of_fold(self, l2: float, folds: int) -> NDArray[np.float64]:
        """Each message's score (its highest window) by a model fitted on the other folds."""
        scores = np.full(len(self.messages), -np.inf)
        for fold in range(folds):
            held = self.fold_of_message[self.message_of] == fold
            w, b = fit(self.x.subset(self.trains & ~held), self.labels[self.trains & ~held], l2)
            logits = self.x.subset(held).dot(w, int(held.sum())) + b
            np.maximum.at(scores, self.message_of[held], logits)
        return scores


def main(argv: list[str]) -> int:
    folds = int(argv[argv.index("--folds") + 1]) if "--folds" in argv else 5
    from atende_guardrails.encoder import UsemEncoder

    encoder = UsemEncoder()
    encoder.load()
    extra = extra_files(argv)
    messages = load_messages(extra)
    print(f"vocabulary: {write_vocabulary(messages, extra)} words in {WORDS_PATH.name}")
    from atende_guardrails.normalize import vocabulary

    vocabulary.cache_clear()
    rules = PromptInjectionCheck()

    def embedded(rows: list[tuple[str, ...]]) -> Matrix:
        return encoder.encode([" ".join(words)[:ENCODER_CHARS] for words in rows])

    sides = {"lexical": _Side(messages, None, rules, folds),
             "full": _Side(full_messages(extra), embedded, rules, folds, MASK_NAMES)}
    for name, side in sides.items():
        print(f"{name}: {len(side.messages)} messages ({int(side.message_labels.sum())} attacks), {len(side.rows)} "
              f"windows; rules alone: recall {side.by_rules[side.message_labels == 1].mean():.3f}, "
              f"ordinary refused {side.by_rules[side.message_labels == 0].mean():.3f}")
    best: dict[str, tuple[float, float, float, float]] = {}
    best_scores: dict[str, NDArray[np.float64]] = {}
    gate = float("-inf")
    for name, side in sides.items():
        ordinary, attack = side.message_labels == 0, side.message_labels == 1
        for l2 in L2_GRID:
            scores = side.out_of_fold(l2, folds)
            chained = np.where(side.by_rules, np.inf, scores)
            threshold, recall, fp = threshold_for(chained[ordinary], chained[attack])
            alone = float((scores[attack] >= threshold).mean())
            print(f"  {name:<8} l2={l2:g}: cross-validated, with the rules: recall {recall:.3f} at {fp:.3f} ordinary "
                  f"refused (threshold {threshold:.2f}; the classifier alone catches {alone:.3f}; its "
                  f"{TARGET_FP:.0%} threshold alone {quantile_threshold(scores[ordinary].tolist()):.1f})")
            if "--misses" in argv and name == "full":
                for index in np.flatnonzero(attack & (chained < threshold)).tolist():
                    print(f"      missed {side.messages[index][1][:110]!r}")
                for index in np.flatnonzero(ordinary & (chained >= threshold)).tolist():
                    print(f"      refused {side.messages[index][1][:110]!r}")
            if name not in best or recall > best[name][1]:
                best[name] = (l2, recall, fp, threshold)
                best_scores[name] = scores
                if name == "lexical":
                    # Windows of long texts below this n-gram score skip the encoder: few attacks score lower.
                    gate = float(np.percentile(scores[attack], GATE_PERCENTILE))
    lexical, full = sides["lexical"], sides["full"]
    model: dict[str, object] = {
        "version": 1, "features": FEATURES, "hash_bits": HASH_BITS, "max_words": MAX_WORDS, "stride": STRIDE,
        "whole_words": WHOLE_WORDS, "mask_names": MASK_NAMES,
        "encoder_chars": ENCODER_CHARS, "embedding_scale": 1.0,
        "trained_on": [*TRAINING_FILES, *extra, "router_svc/eval/routing.tsv"],
        "full_also_trained_on": list(FULL_ONLY_FILES),
        "messages": len(messages), "full_messages": len(full.messages), "target_fp": TARGET_FP,
    }
    l2, recall, fp, threshold = best["lexical"]
    w, b = fit(lexical.x.subset(lexical.trains), lexical.labels[lexical.trains], l2)
    model["lexical"] = {"weights": encode_weights(w), "bias": b, "threshold": threshold, "encoder_gate": gate, "l2": l2,
                        "cv_recall": recall, "cv_fp": fp}
    l2, recall, fp, threshold = best["full"]
    ordinary_scores = best_scores["full"][full.message_labels == 0]
    calibrated = quantile_threshold(ordinary_scores.tolist())
    print(f"full model: out-of-fold threshold {calibrated:.1f} for at most {TARGET_FP:.0%} of "
          f"{len(ordinary_scores)} ordinary messages refused by the classifier alone "
          f"({int((ordinary_scores >= calibrated).sum())}); set it in rules/guardrails.toml")
    w, b = fit(full.x.subset(full.trains), full.labels[full.trains], l2)
    size = 1 << HASH_BITS
    model["full"] = {"lexical_weights": encode_weights(w[:size]), "embedding_weights": encode_weights(w[size:]),
                     "bias": b, "threshold": threshold, "oof_threshold": calibrated, "l2": l2, "cv_recall": recall,
                     "cv_fp": fp}
    MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KB)")
    encoder.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
