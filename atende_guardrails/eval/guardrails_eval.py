"""Guardrail evaluation: the configured input chain over the injection set
(detection rate on attacks, refusal rate on ordinary messages) and the PII check
over the PII set (recall per kind; findings on sentences without personal data)."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from atende_guardrails.base import Finding, GuardContext, apply_redactions
from atende_guardrails.config import load_guardrails
from atende_guardrails.encoder import UsemEncoder
from atende_guardrails.pii import PiiCheck

EVAL_DIR = Path(__file__).parent


def _unescape(text: str) -> str:
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[index + 1], text[index + 1]))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def load_injection(path: Path = EVAL_DIR / "injection.tsv") -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, language, technique, text = line.split("\t", 3)
            rows.append((label, language, technique, _unescape(text)))
    return rows


def evaluate_injection(show_errors: bool = False, path: Path = EVAL_DIR / "injection.tsv",
                       title: str = "prompt injection", encoder: UsemEncoder | None = None) -> tuple[float, float]:
    chain = load_guardrails(encoder=encoder).input
    rows = load_injection(path)
    caught: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    by_check: Counter[str] = Counter()
    false_positives: list[tuple[str, list[str]]] = []
    missed: list[str] = []
    timings: list[float] = []
    for label, language, technique, text in rows:
        started = time.perf_counter()
        result = chain.run(text, GuardContext(stage="input", language=language), stop_at_block=True)
        timings.append((time.perf_counter() - started) * 1000)
        refused = not result.allowed
        if label == "attack":
            for key in ("all", f"lang:{language}", f"technique:{technique}"):
                totals[key] += 1
                caught[key] += refused
            if refused:
                by_check.update(f"{f.check}:{f.kind}" for f in result.findings if f.blocks)
            else:
                missed.append(f"[{language}/{technique}] {text[:120]!r}")
        else:
            totals["benign"] += 1
            if refused:
                caught["benign"] += 1
                false_positives.append((text, [f"{f.check}:{f.kind}" for f in result.findings if f.blocks]))
    # A probe may hold only ordinary messages (probe 25: "0/0" attacks) or only attacks.
    detection = caught["all"] / max(totals["all"], 1)
    false_positive_rate = caught["benign"] / max(totals["benign"], 1)
    print(f"\n== {title} ({path.name}; input chain: {', '.join(chain.names)})")
    print(f"   attacks caught:           {detection:.3f} ({caught['all']}/{totals['all']})")
    print(f"   ordinary messages refused: {false_positive_rate:.3f} ({caught['benign']}/{totals['benign']})")
    for prefix, title in (("lang:", "by language"), ("technique:", "by technique")):
        keys = sorted(k for k in totals if k.startswith(prefix))
        print(f"   {title}: " + ", ".join(f"{k[len(prefix):]} {caught[k]}/{totals[k]}" for k in keys))
    print("   refusals by check and kind: " + ", ".join(f"{k} {v}" for k, v in by_check.most_common()))
    timings.sort()
    print(f"   chain time per message: p50 {timings[len(timings) // 2]:.3f} ms, p99 {timings[int(len(timings) * 0.99)]:.3f} ms")
    if show_errors:
        for line in missed:
            print(f"     missed {line}")
        for text, checks in false_positives:
            print(f"     refused {checks} {text[:120]!r}")
    return detection, false_positive_rate


@dataclass
class PiiTally:
    found: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    wrong_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    negatives_flagged: list[tuple[str, list[str]]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, kind: str, value: str, text: str, findings: list[Finding]) -> None:
        if kind == "none":
            self.totals["none"] += 1
            if findings:
                self.found["none"] += 1
                self.negatives_flagged.append((text, [f.kind for f in findings]))
            return
        self.totals[kind] += 1
        start = text.index(value)
        covering = [f for f in findings if f.start <= start and f.end >= start + len(value)]
        if value not in apply_redactions(text, findings) and covering:
            self.found[kind] += 1
            if covering[0].kind != kind:
                self.wrong_kind[kind][covering[0].kind] += 1
        else:
            self.misses.append(f"[{kind}] {text}")

    def report(self, show_errors: bool, title: str = "PII") -> float:
        found, totals = self.found, self.totals
        planted = sum(v for k, v in totals.items() if k != "none")
        recall = sum(v for k, v in found.items() if k != "none") / planted
        print(f"\n== {title} ({planted} planted values, {totals['none']} sentences without personal data)")
        print(f"   recall (value fully redacted): {recall:.3f}")
        print("   by kind: " + ", ".join(f"{k} {found[k]}/{totals[k]}" for k in sorted(totals) if k != "none"))
        labelled = {k: dict(v) for k, v in self.wrong_kind.items() if v}
        if labelled:
            print(f"   redacted under another label: {labelled}")
        print(f"   sentences without personal data that had a finding: {found['none']}/{totals['none']}")
        if show_errors:
            for line in self.misses:
                print(f"     missed {line}")
            for text, kinds in self.negatives_flagged:
                print(f"     flagged {kinds} {text}")
        return recall


def evaluate_pii(show_errors: bool = False, path: Path = EVAL_DIR / "pii.tsv", title: str = "PII") -> float:
    check = PiiCheck()
    tally = PiiTally()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, value, text = line.split("\t", 2)
            # a value broken by a line break (probe 3) is escaped like its message
            value, text = _unescape(value), _unescape(text)
            tally.add(kind, value, text, check.scan(text, GuardContext(stage="output")))
    return tally.report(show_errors, title)


# The hand-written probes (build_probe, build_probe4..11): failures of a tune part may be read and fixed
# generically; a holdout part's figure is read, never its failures.
PROBES = (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
          35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64)


def evaluate_probes(show_errors: bool, encoder: UsemEncoder) -> None:
    for number in PROBES:
        for part in ("tune", "holdout"):
            evaluate_injection(show_errors and part == "tune", EVAL_DIR / f"injection_probe{number}_{part}.tsv",
                               f"prompt injection, hand-written probe {number}, {part} part", encoder)


def evaluate_pii_sets(show_errors: bool = False, holdout: bool = True) -> None:
    """The generated PII set, then the hand-written probe: its tune part with its misses when asked,
    its holdout part as figures only (eval/build_pii_probe.py), and not at all while tuning; then the
    second probe's tune part (misses when asked) and holdout part (figures only)."""
    evaluate_pii(show_errors)
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe_tune.tsv", "PII probe, tune part")
    if holdout:
        evaluate_pii(False, EVAL_DIR / "pii_probe_holdout.tsv", "PII probe, holdout part (figures only)")
    # The second probe (eval/build_pii_probe2.py): both parts always, the holdout's figures only.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe2_tune.tsv", "PII probe 2, tune part")
    evaluate_pii(False, EVAL_DIR / "pii_probe2_holdout.tsv", "PII probe 2, holdout part (figures only)")
    # The third probe (eval/build_pii_probe3.py): odd formatting; tune = half a, holdout = half b (figures only).
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe3_tune.tsv", "PII probe 3, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe3_holdout.tsv", "PII probe 3, holdout part (half b, figures only)")
    # The fourth probe (eval/build_pii_probe4.py): RGs of every state, CNH, título, passport, PIS, dates of birth,
    # foreign phones, look-alike clean texts; tune = half a, holdout = half b (figures only).
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe4_tune.tsv", "PII probe 4, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe4_holdout.tsv", "PII probe 4, holdout part (half b, figures only)")
    # The fifth probe (eval/build_pii_probe5.py): values as typed (glued to their word, odd spaces, line breaks),
    # agent replies, masked cards, look-alike clean texts; tune = half a, holdout = half b (figures only).
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe5_tune.tsv", "PII probe 5, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe5_holdout.tsv", "PII probe 5, holdout part (half b, figures only)")
    # The sixth probe (eval/build_pii_probe6.py): numbers in two pieces, RG and passport labels, values in links
    # and JSON, unicode digits and odd dashes, +55 phones, sub-addressed e-mails, CEPs in street addresses, clean
    # texts full of numbers; tune = half a, holdout = half b (figures only).
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe6_tune.tsv", "PII probe 6, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe6_holdout.tsv", "PII probe 6, holdout part (half b, figures only)")
    # The seventh probe (2026-12-06, written blind by a helper that read nothing of the repository): one value a
    # customer message as typed, and clean texts of look-alike numbers; tune = half a, holdout = half b (figures only).
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe7_tune.tsv", "PII probe 7, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe7_holdout.tsv", "PII probe 7, holdout part (half b, figures only)")
    # The eighth (2026-12-06, written blind the same way, without probe 7 in view): tuning data, every row; its
    # check is probe 7's holdout part.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe8_tune.tsv", "PII probe 8, tuning (every row)")
    # The ninth (written blind the same way, on CEPs, phones, Pix keys and RGs in many shapes): tuning, every row.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe9_tune.tsv", "PII probe 9, tuning (every row)")
    # The tenth (third session of 2026-12-06, written blind the same way, nine kinds in every style): tune = half a,
    # holdout = half b (sha1 of the message; figures only).
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe10_tune.tsv", "PII probe 10, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe10_holdout.tsv", "PII probe 10, holdout part (half b, figures only)")
    # The eleventh (the same way: values in forms, lists, signatures, JSON and URLs, agent replies); same halves.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe11_tune.tsv", "PII probe 11, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe11_holdout.tsv", "PII probe 11, holdout part (half b, figures only)")
    # The twelfth (the same way, on the hard shapes: split, spaced, glued, other separators, dictated); same halves.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe12_tune.tsv", "PII probe 12, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe12_holdout.tsv", "PII probe 12, holdout part (half b, figures only)")
    # The thirteenth (fourth session of 2026-12-06, the same way: forms, JSON, quoted e-mails, O for zero); same halves.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe13_tune.tsv", "PII probe 13, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe13_holdout.tsv", "PII probe 13, holdout part (half b, figures only)")
    # The fourteenth (fifth session of 2026-12-06, the same way: odd groups, glued, Pix keys of every kind); same halves.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe14_tune.tsv", "PII probe 14, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe14_holdout.tsv", "PII probe 14, holdout part (half b, figures only)")
    # The fifteenth (ninth session of 2026-12-06, the same way: formatted, glued, JSON, forms, +55, Pix UUIDs); same halves.
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe15_tune.tsv", "PII probe 15, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe15_holdout.tsv", "PII probe 15, holdout part (half b, figures only)")
    evaluate_pii(show_errors, EVAL_DIR / "pii_probe16_tune.tsv", "PII probe 16, tune part (half a)")
    evaluate_pii(False, EVAL_DIR / "pii_probe16_holdout.tsv", "PII probe 16, holdout part (half b, figures only)")


def run(show_errors: bool = False, pii_only: bool = False) -> None:
    if pii_only:
        evaluate_pii_sets(show_errors, holdout=False)
        return
    encoder = UsemEncoder()
    encoder.load()
    print("development set: the rules were written against it, and the classifier is trained on its seed\n"
          "(with eval/injection_train.tsv); held-out sets: used for nothing else (injection_holdout2.tsv was\n"
          "written for issue #6 before the detector was run on it).")
    evaluate_injection(show_errors, encoder=encoder, title="prompt injection, development set")
    evaluate_injection(show_errors, EVAL_DIR / "injection_holdout.tsv", "prompt injection, held-out set", encoder)
    evaluate_injection(show_errors, EVAL_DIR / "injection_holdout2.tsv", "prompt injection, second held-out set", encoder)
    evaluate_injection(False, EVAL_DIR / "injection_holdout.tsv",
                       "prompt injection, held-out set, without the encoder (rules and n-gram classifier)")
    evaluate_probes(show_errors, encoder)
    evaluate_pii_sets(show_errors)
