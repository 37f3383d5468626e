"""Leave-one-kind-out check of the injection classifier (issue 16 item 4): does it catch
a kind of attack it never trained on? For each attack kind of the training files
(generated kinds: override, exfiltration, role_play, privilege, indirect, quoted,
system_prompt_leak and the eight obfuscations), the full model (encoder vector plus
n-grams) is fitted without that kind's attacks and without one fifth of the ordinary
messages; its threshold refuses 1% of those held-out ordinary messages; the figure is
the share of the left-out kind it catches, with the classifier alone (no rules).
Nothing from evals/ is used.

    python -m atende_guardrails.eval.kind_out_injection [--features 1|2] [--without injection_train3.tsv]
        [--probe injection_probe4_holdout.tsv]

--features 1 is n-grams only (the model before issue 16 item 4); --without drops a training file; --probe
also scores a hand-written file no training file holds: each left-out kind's model against that file's
attacks of the same kind (the kinds are named alike), and the share of its ordinary messages refused."""

from __future__ import annotations

import sys

from atende_runtime.main import limit_blas_threads

limit_blas_threads()

import numpy as np  # noqa: E402
from numpy.typing import NDArray  # noqa: E402

from atende_guardrails.encoder import UsemEncoder  # noqa: E402
from atende_guardrails.eval import train_injection as train  # noqa: E402
from atende_guardrails.eval.guardrails_eval import _unescape  # noqa: E402

L2 = 1e-5
HELD_BENIGN = 5


def load_kinds(files: tuple[str, ...], routing: bool = True) -> list[tuple[int, str, str]]:
    """(label, kind, text) of the training files and the routing set (kind "routing")."""
    out: list[tuple[int, str, str]] = []
    for name in files:
        for line in (train.EVAL_DIR / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            kind = parts[2] if len(parts) > 3 else "plain"
            out.append((int(parts[0] == "attack"), kind, _unescape(parts[-1])))
    for line in (train.ROOT / "router_svc" / "eval" / "routing.tsv").read_text(encoding="utf-8").splitlines():
        if routing and line.strip() and not line.startswith("#"):
            out.append((0, "routing", _unescape(line.split("\t")[-1])))
    return out


def _probe(name: str, encoder: UsemEncoder) -> tuple[train.Features, NDArray[np.int64], NDArray[np.str_],
                                                    NDArray[np.bool_]]:
    """The probe's windows (as the service reads them), which message each is of, and the messages' kinds and labels."""
    records = load_kinds((name,), routing=False)
    rows, row_message, _, _ = train.message_windows([(label, text) for label, _, text in records])
    embedded = encoder.encode([" ".join(words)[: train.ENCODER_CHARS] for words in rows])
    kinds = np.asarray([kind for _, kind, _ in records])
    attack = np.asarray([label == 1 for label, _, _ in records])
    return train.Features.build(rows, embedded), np.asarray(row_message), kinds, attack


def main(argv: list[str]) -> int:
    features = int(argv[argv.index("--features") + 1]) if "--features" in argv else train.FEATURES
    without = {argv[i + 1] for i, arg in enumerate(argv) if arg == "--without"}
    files = tuple(name for name in train.TRAINING_FILES if name not in without)
    probe_name = argv[argv.index("--probe") + 1] if "--probe" in argv else None
    train.FEATURES = features
    encoder = UsemEncoder()
    encoder.load()
    records = load_kinds(files)
    probe = _probe(probe_name, encoder) if probe_name else None
    messages = [(label, text) for label, _, text in records]
    rows, row_message, row_label, row_trains = train.message_windows(messages)
    embedded = encoder.encode([" ".join(words)[: train.ENCODER_CHARS] for words in rows])
    x = train.Features.build(rows, embedded)
    labels = np.asarray(row_label, dtype=np.float32)
    trains = np.asarray(row_trains)
    message_of = np.asarray(row_message)
    kinds = np.asarray([kind for _, kind, _ in records])
    is_attack = np.asarray([label for label, _, _ in records]) == 1
    rng = np.random.default_rng(train.SEED)
    held_benign = (~is_attack) & (rng.permutation(len(records)) % HELD_BENIGN == 0)
    left_out_kinds = sorted({k for k in kinds[is_attack] if k != "plain" and (kinds[is_attack] == k).sum() >= 20})
    print(f"features {features}; files {', '.join(files)}; {len(records)} messages; "
          f"{held_benign.sum()} ordinary messages held out for the threshold")
    rates = []
    for kind in left_out_kinds:
        out = (is_attack & (kinds == kind)) | held_benign
        keep = trains & ~out[message_of]
        w, b = train.fit(x.subset(keep), labels[keep], L2)
        scores = np.full(len(records), -np.inf)
        held = out[message_of]
        np.maximum.at(scores, message_of[held], x.subset(held).dot(w, int(held.sum())) + b)
        threshold = float(np.quantile(scores[held_benign], 0.99))
        caught = scores[is_attack & (kinds == kind)] > threshold
        rates.append(float(caught.mean()))
        print(f"  {kind:<20} left out: caught {caught.mean():.3f} ({caught.sum()}/{len(caught)}) at threshold {threshold:.2f}")
        if probe is not None:
            px, p_message, p_kinds, p_attack = probe
            p_scores = np.full(len(p_kinds), -np.inf)
            np.maximum.at(p_scores, p_message, px.dot(w, len(p_message)) + b)
            of_kind = p_attack & (p_kinds == kind)
            if of_kind.any():
                hit = p_scores[of_kind] > threshold
                refused = p_scores[~p_attack] > threshold
                print(f"  {'':<20} probe, same kind: caught {hit.mean():.3f} ({hit.sum()}/{len(hit)}); "
                      f"ordinary refused {refused.mean():.3f} ({refused.sum()}/{len(refused)})")
    print(f"macro average over {len(rates)} left-out kinds: {np.mean(rates):.3f}")
    encoder.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
