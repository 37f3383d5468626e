"""The injection classifier's thresholds, calibrated the project's way: the classifier alone (rules
off), as the service runs it, over ordinary customer messages only, never the blind sets in evals/ nor
a probe's holdout part: the training files' ordinary messages (every probe's tune part among them), the
routing set's and the generated dev file's.

Every message is scored **out of fold**: the messages fall into FOLDS folds by a hash of their text, and a
message of fold k is scored by a model fitted (with the shipped model's regularisation) on the training
messages outside fold k, so no score comes from a model that saw its message. Until December 2026 the
threshold was set on the ordinary messages no training file held, which kept the probes' tune parts out of
training; scoring out of fold lets them train the full model and still calibrates on honest scores (issue 16: over
every probe's holdout part, never trained on, 1,655 of 1,778 attacks caught instead of 1,640 and 49 of 2,690
ordinary messages refused instead of 69, docs/performance.md §27). The n-gram model trains on train.LEXICAL_FILES.

The script prints the lowest threshold that refuses at most the target share of those scores (--target,
by default TARGET_FP), plus MARGIN, rounded up to 0.1, the thresholds of other shares, and how many the
thresholds in rules/guardrails.toml refuse. The target is not what ships: the probes' tune parts are mostly
hard negatives written to look like attacks, and the chain's other readings (context_margin, own-context
excuses) clear most of what the classifier alone scores high, so the shipped threshold is the share the
chain as a whole needs (rules/guardrails.toml says which).

    python -m atende_guardrails.eval.calibrate_injection [--top 8] [--target 0.05] [--with FILE ...]

--with names the extra training files a candidate model was trained with (train_injection --with)."""

from __future__ import annotations

import hashlib
import json
import math
import sys
import tomllib

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

import numpy as np  # noqa: E402

from atende_guardrails.classifier import InjectionModel  # noqa: E402
from atende_guardrails.encoder import UsemEncoder  # noqa: E402
from atende_guardrails.eval import train_injection as train  # noqa: E402
from atende_guardrails.eval.guardrails_eval import _unescape  # noqa: E402
from atende_guardrails.semantic import InjectionClassifierCheck  # noqa: E402

# Tune parts only: a probe's holdout part measures, it never calibrates.
PROBE_TUNE_FILES = tuple(sorted(path.name for path in train.EVAL_DIR.glob("injection_probe*_tune.tsv")))
CALIBRATION_FILES = (
    *train.TRAINING_FILES,
    "generated/injection_gen_dev.tsv",
    *PROBE_TUNE_FILES,
)
FOLDS = 5
MARGIN = 0.05
TARGET_FP = train.TARGET_FP
OTHER_TARGETS = (0.005, 0.02, 0.03, 0.05)
CONFIG_PATH = train.EVAL_DIR.parent / "rules" / "guardrails.toml"


def threshold_for(scores: list[float], target: float = TARGET_FP) -> float:
    """The lowest threshold (MARGIN above, rounded up to 0.1) that refuses at most `target` of `scores`."""
    ranked = sorted(scores, reverse=True)
    allowed = math.floor(round(target * len(ranked), 6))  # how many may sit at or above the threshold
    bound = ranked[allowed] if allowed < len(ranked) else min(ranked, default=0.0)
    return math.ceil(round((bound + MARGIN) * 10, 6)) / 10


def refused_count(scores: list[float], threshold: float) -> int:
    return sum(score >= threshold for score in scores)


def ordinary_messages(extra: tuple[str, ...] = ()) -> list[str]:
    """The ordinary messages of the calibration files and of the training (the routing set's among them)."""
    found: dict[str, None] = {}
    for name in dict.fromkeys((*CALIBRATION_FILES, *extra)):
        for line in (train.EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and line.split("\t")[0] != "attack":
                found.setdefault(_unescape(line.split("\t")[-1]))
    for label, text in train.load_messages(extra):
        if label == 0:
            found.setdefault(text)
    return list(found)


def fold_of(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % FOLDS


def fold_plan(messages: list[tuple[int, str]], scored: list[str]) -> list[tuple[list[bool], list[str]]]:
    """For each fold: which training messages its model fits, and the messages it scores. A text falls in one
    fold wherever it appears (in the full model's files or the n-gram model's), so the model that scores it never
    trained on it."""
    return [([fold_of(text) != fold for _, text in messages], [text for text in scored if fold_of(text) == fold])
            for fold in range(FOLDS)]


def out_of_fold_scores(encoder: UsemEncoder, extra: tuple[str, ...] = ()) -> dict[str, tuple[float, float]]:
    """Each ordinary message's classifier score (with the encoder, n-grams only) from a model fitted out of its
    fold with the shipped model's settings: its n-gram part on the n-gram files, its full part on every training
    file, neither holding the message."""
    shipped_data = json.loads(train.MODEL_PATH.read_text(encoding="utf-8"))
    shipped = InjectionModel(shipped_data)
    lexical_l2, full_l2 = float(shipped_data["lexical"]["l2"]), float(shipped_data["full"]["l2"])
    messages = train.load_messages(extra)
    lexical_messages = train.load_messages(extra, train.LEXICAL_FILES)
    data = train.TrainingData.build(messages, encoder)
    lexical_data = train.TrainingData.build(lexical_messages, None)
    scores: dict[str, tuple[float, float]] = {}
    plans = zip(fold_plan(messages, ordinary_messages(extra)), fold_plan(lexical_messages, []), strict=True)
    for (keep, texts), (lexical_keep, _) in plans:
        model = InjectionModel(train.model_data(
            lexical_data.fit_on(np.asarray(lexical_keep), lexical_l2, False),
            data.fit_on(np.asarray(keep), full_l2, True), lexical_l2, full_l2, shipped.encoder_gate,
            (shipped.lexical_threshold, shipped.full_threshold)))
        with_encoder, lexical = InjectionClassifierCheck(model, encoder), InjectionClassifierCheck(model, None)
        for text in texts:
            scores[text] = (with_encoder.score(text)[0], lexical.score(text)[0])
    return scores


def configured_thresholds() -> tuple[float, float]:
    """The injection classifier's thresholds in rules/guardrails.toml (with the encoder, n-grams only)."""
    data = tomllib.loads(CONFIG_PATH.read_text(encoding="utf-8"))
    params = next(check for check in data["input"]["checks"] if check.get("name") == "injection_classifier")
    return float(params["threshold"]), float(params["lexical_threshold"])


def main(argv: list[str]) -> int:
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 8
    target = float(argv[argv.index("--target") + 1]) if "--target" in argv else TARGET_FP
    encoder = UsemEncoder()
    encoder.load()
    extra = train.extra_files(argv)
    scores = out_of_fold_scores(encoder, extra)
    print(f"{len(scores)} ordinary messages, each scored by a model fitted without it ({FOLDS} folds)")
    for index, (title, configured) in enumerate(zip(("with the encoder", "n-grams only"), configured_thresholds(),
                                                    strict=True)):
        values = [pair[index] for pair in scores.values()]
        threshold = threshold_for(values, target)
        print(f"\n{title}: threshold {threshold:.1f} for at most {target:.1%} refused "
              f"({refused_count(values, threshold)}/{len(values)}); guardrails.toml's {configured:.1f} "
              f"refuses {refused_count(values, configured)} ({refused_count(values, configured) / len(values):.1%})")
        print("   other targets: " + ", ".join(f"{rate:.1%} -> {threshold_for(values, rate):.1f}"
                                              for rate in OTHER_TARGETS))
        for score, text in sorted(((pair[index], text) for text, pair in scores.items()), reverse=True)[:top]:
            print(f"   {score:6.2f}  {text[:100]!r}")
    encoder.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
