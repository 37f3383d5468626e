"""The injection classifier's thresholds, calibrated the project's way: the classifier alone (rules
off), as the service runs it, over ordinary customer messages only, never the blind sets in evals/:
the training files' ordinary messages, the routing set's, the generated dev file's and the hand-written
probes' tune parts. It prints the highest scores with and without the encoder; the thresholds in
rules/guardrails.toml sit 0.05 to 0.15 above the highest (no ordinary message of these is refused).

    python -m atende_guardrails.eval.calibrate_injection [--top 8] [--untrained] [--with FILE ...]

--untrained keeps only the messages no training file holds: the model has not fitted them, so their
highest score is the honest one (the thresholds follow the higher of the two highest). --with names
the extra training files a candidate model was trained with (train_injection --with)."""

from __future__ import annotations

import math
import sys

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

from atende_guardrails.classifier import InjectionModel  # noqa: E402
from atende_guardrails.encoder import UsemEncoder  # noqa: E402
from atende_guardrails.eval import train_injection as train  # noqa: E402
from atende_guardrails.eval.guardrails_eval import _unescape  # noqa: E402
from atende_guardrails.semantic import InjectionClassifierCheck  # noqa: E402

CALIBRATION_FILES = (
    *train.TRAINING_FILES,
    "generated/injection_gen_dev.tsv",
    "injection_probe3_tune.tsv",
    "injection_probe4_tune.tsv",
)
MARGIN = 0.05


def ordinary_messages(untrained: bool = False, extra: tuple[str, ...] = ()) -> list[str]:
    """The ordinary messages of the calibration files; with `untrained`, only those no training file holds
    (the trained ones score low by construction, so they can only lower the threshold)."""
    found: dict[str, None] = {}
    trained = {text for label, text in train.load_messages(extra) if label == 0} if untrained else set()
    for name in (*CALIBRATION_FILES, *extra):
        for line in (train.EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and line.split("\t")[0] == "benign":
                text = _unescape(line.split("\t")[-1])
                if text not in trained:
                    found.setdefault(text)
    if not untrained:
        for label, text in train.load_messages(extra):
            if label == 0:
                found.setdefault(text)
    return list(found)


def main(argv: list[str]) -> int:
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 8
    model = InjectionModel.load(train.MODEL_PATH)
    encoder = UsemEncoder()
    encoder.load()
    untrained = "--untrained" in argv
    messages = ordinary_messages(untrained, train.extra_files(argv))
    print(f"{len(messages)} ordinary messages" + (" that no training file holds" if untrained else ""))
    for title, check in (
        ("with the encoder", InjectionClassifierCheck(model, encoder)),
        ("n-grams only", InjectionClassifierCheck(model, None)),
    ):
        scored = sorted(((check.score(text)[0], text) for text in messages), reverse=True)
        highest = scored[0][0]
        print(f"\n{title}: highest {highest:.2f}; threshold {math.ceil(round((highest + MARGIN) * 10, 6)) / 10:.1f}")
        for score, text in scored[:top]:
            print(f"   {score:6.2f}  {text[:100]!r}")
    encoder.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
