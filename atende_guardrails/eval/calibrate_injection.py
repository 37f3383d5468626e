"""The injection classifier's thresholds, calibrated the project's way: the classifier alone (rules
off), as the service runs it, over ordinary customer messages only, never the blind sets in evals/ nor
a probe's holdout part: the training files' ordinary messages, the routing set's, the generated dev
file's and the tune parts of every hand-written injection probe (injection_probe*_tune.tsv).

The threshold is chosen over the ordinary messages no training file holds (the model has not fitted
them, so their scores are the honest ones; 1053 of them in December 2026, most from the probes' tune
parts): the lowest that refuses at most the target share of them (--target, by default
train_injection.TARGET_FP, 1%, the target of the training's cross-validation), plus MARGIN, rounded up
to 0.1. Until issue 16 (g-cal17) it sat just above the single highest of about 145 such messages, so
one message decided it and a retrain with more hard negatives moved it by a whole logit; a quantile
over a thousand is decided by the tenth or so. It also prints how many of them the thresholds in
rules/guardrails.toml refuse, so that two models can be compared at the same share.

The 1% target is not what ships. The probes' tune parts are mostly hard negatives written to look like
attacks, and the chain's other readings (context_margin, own-context excuses) clear most of what the
classifier alone scores high: the shipped 2.3 refuses 38 of the 1053 with the classifier alone (3.6%),
while the chain refuses 11 of the tune parts' 990. Measured (issue 16, g-cal17): the shipped model at the
1% threshold (3.2 / 3.6 without the encoder) catches 673/705 tune attacks instead of 696 and 414/433
generated dev attacks instead of 425; the model retrained with injection_train5/6 at its 1% threshold
(1.8 / 2.5) refuses fewer ordinary messages (tune 6/990 instead of 11) but catches 689/705 tune and
420/433 generated attacks, and was not adopted.

    python -m atende_guardrails.eval.calibrate_injection [--top 8] [--untrained] [--with FILE ...]

It prints the threshold and the highest scores with and without the encoder. --untrained lists the
highest of the untrained messages only (the threshold is always theirs). --with names the extra
training files a candidate model was trained with (train_injection --with): their ordinary messages
leave the untrained set, so compare models with the same --with."""

from __future__ import annotations

import sys
import tomllib

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

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
MARGIN = train.MARGIN
TARGET_FP = train.TARGET_FP
OTHER_TARGETS = (0.005, 0.02, 0.03, 0.05)
CONFIG_PATH = train.EVAL_DIR.parent / "rules" / "guardrails.toml"


def threshold_for(scores: list[float], target: float = TARGET_FP) -> float:
    """The lowest threshold (MARGIN above, rounded up to 0.1) that refuses at most `target` of `scores`."""
    return train.quantile_threshold(scores, target)


def refused_count(scores: list[float], threshold: float) -> int:
    return sum(score >= threshold for score in scores)


def ordinary_messages(untrained: bool = False, extra: tuple[str, ...] = ()) -> list[str]:
    """The ordinary messages of the calibration files; with `untrained`, only those no training file holds
    (the trained ones score low by construction, so they can only lower the threshold)."""
    found: dict[str, None] = {}
    trained = {text for label, text in train.load_messages(extra) if label == 0} if untrained else set()
    for name in (*CALIBRATION_FILES, *extra):
        for line in (train.EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and line.split("\t")[0] != "attack":
                text = _unescape(line.split("\t")[-1])
                if text not in trained:
                    found.setdefault(text)
    if not untrained:
        for label, text in train.load_messages(extra):
            if label == 0:
                found.setdefault(text)
    return list(found)


def configured_thresholds() -> tuple[float, float]:
    """The injection classifier's thresholds in rules/guardrails.toml (with the encoder, n-grams only)."""
    data = tomllib.loads(CONFIG_PATH.read_text(encoding="utf-8"))
    params = next(check for check in data["input"]["checks"] if check.get("name") == "injection_classifier")
    return float(params["threshold"]), float(params["lexical_threshold"])


def main(argv: list[str]) -> int:
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 8
    target = float(argv[argv.index("--target") + 1]) if "--target" in argv else TARGET_FP
    model = InjectionModel.load(train.MODEL_PATH)
    encoder = UsemEncoder()
    encoder.load()
    untrained = "--untrained" in argv
    extra = train.extra_files(argv)
    fresh = ordinary_messages(True, extra)
    shown = fresh if untrained else ordinary_messages(False, extra)
    print(f"{len(fresh)} ordinary messages no training file holds (the threshold is theirs); "
          f"{len(shown)} shown" + (" (the same)" if untrained else " (with the trained ones)"))
    for (title, check), configured in zip((
        ("with the encoder", InjectionClassifierCheck(model, encoder)),
        ("n-grams only", InjectionClassifierCheck(model, None)),
    ), configured_thresholds(), strict=True):
        scores = {text: check.score(text)[0] for text in dict.fromkeys((*fresh, *shown))}
        untrained_scores = [scores[text] for text in fresh]
        threshold = threshold_for(untrained_scores, target)
        print(f"\n{title}: threshold {threshold:.1f} for at most {target:.1%} refused "
              f"({refused_count(untrained_scores, threshold)}/{len(fresh)}); guardrails.toml's {configured:.1f} "
              f"refuses {refused_count(untrained_scores, configured)}; the single highest is "
              f"{max(untrained_scores):.2f}")
        print("   other targets: " + ", ".join(f"{rate:.1%} -> {threshold_for(untrained_scores, rate):.1f}"
                                              for rate in OTHER_TARGETS))
        for score, text in sorted(((scores[text], text) for text in shown), reverse=True)[:top]:
            print(f"   {score:6.2f}  {text[:100]!r}")
    encoder.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
