"""The injection classifier's calibration (eval/calibrate_injection.py, issue 16): its threshold is a quantile
over about a thousand ordinary messages the model has not trained on, so one odd message cannot move it by
a logit, and it never reads a probe's holdout part or the blind sets."""

from __future__ import annotations

from atende_guardrails.eval import calibrate_injection as calibrate
from atende_guardrails.eval import train_injection as train


def test_one_outlier_does_not_set_the_threshold() -> None:
    # 200 ordinary scores, one far above the rest: at a 1% target two of them may be refused, so the
    # threshold sits above the third highest (1.97), not above the outlier as the single-maximum rule did.
    scores = [0.01 * index for index in range(199)] + [9.0]
    threshold = calibrate.threshold_for(scores, 0.01)
    assert threshold == 2.1  # 1.97 + margin, rounded up to 0.1
    assert calibrate.refused_count(scores, threshold) <= 2
    assert calibrate.threshold_for([*scores, 9.5], 0.01) == threshold


def test_a_zero_target_stays_above_every_score() -> None:
    scores = [0.5, 1.2, 2.25]
    assert calibrate.threshold_for(scores, 0.0) == 2.3
    assert calibrate.refused_count(scores, calibrate.threshold_for(scores, 0.0)) == 0


def test_calibration_reads_every_probe_tune_part_and_no_holdout() -> None:
    names = calibrate.CALIBRATION_FILES
    assert {f"injection_probe{number}_tune.tsv" for number in range(3, 17)} <= set(names)
    assert not [name for name in names if "holdout" in name or "evals" in name]


def test_the_threshold_is_set_on_messages_no_training_file_holds() -> None:
    trained = {text for label, text in train.load_messages() if label == 0}
    untrained = calibrate.ordinary_messages(untrained=True)
    assert len(untrained) > 900
    assert not trained & set(untrained)


def test_configured_thresholds_are_read_from_the_rules() -> None:
    with_encoder, lexical = calibrate.configured_thresholds()
    assert 0 < with_encoder < 10 and 0 < lexical < 10
