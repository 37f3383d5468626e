"""The injection classifier's calibration (eval/calibrate_injection.py, issue 16): its threshold is a quantile
over thousands of ordinary messages, each scored by a model fitted without it (out of fold), so one odd
message cannot move it by a logit, and it never reads a probe's holdout part or the blind sets."""

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


def test_every_calibration_score_comes_from_a_model_that_did_not_train_on_its_message() -> None:
    messages = train.load_messages()
    ordinary = calibrate.ordinary_messages()
    plan = calibrate.fold_plan(messages, ordinary)
    assert len(plan) == calibrate.FOLDS
    for keep, scored in plan:
        fitted = {text for kept, (_, text) in zip(keep, messages, strict=True) if kept}
        assert scored and not fitted & set(scored)
        # Each fold's model still fits most of the training.
        assert sum(keep) > 0.7 * len(messages)
    every = [text for _, scored in plan for text in scored]
    assert sorted(every) == sorted(ordinary) and len(every) > 2000
    # The n-gram model's own training list is held out by the same folds.
    lexical = train.load_messages(files=train.LEXICAL_FILES)
    for (_, scored), (lexical_keep, _) in zip(plan, calibrate.fold_plan(lexical, []), strict=True):
        assert not {text for kept, (_, text) in zip(lexical_keep, lexical, strict=True) if kept} & set(scored)


def test_probe_tune_parts_train_and_holdout_parts_never_do() -> None:
    trained = set(train.TRAINING_FILES)
    assert {f"injection_probe{number}_tune.tsv" for number in (3, 4, 6, 20, 33)} <= trained
    assert not [name for name in trained if "holdout" in name or "evals" in name]
    assert "injection_probe5_tune.tsv" not in trained
    # The n-gram model learns from the project's own training files only (docs/performance.md §27).
    probes = [name for name in train.LEXICAL_FILES if name.startswith("injection_probe")]
    assert probes == ["injection_probe4_tune.tsv"]


def test_configured_thresholds_are_read_from_the_rules() -> None:
    with_encoder, lexical = calibrate.configured_thresholds()
    assert 0 < with_encoder < 10 and 0 < lexical < 10
