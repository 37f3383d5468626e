#!/bin/sh
# Rebuilds the SolarBrisa and guardrail sets from the hand-written sources, then assigns splits.
set -e
cd "$(dirname "$0")/.."
python3 tools/build_routing.py
python3 tools/build_conversations.py
python3 tools/build_questions.py
python3 tools/build_injection.py
python3 tools/build_pii.py
python3 split.py solar/routing.jsonl solar/conversations.jsonl solar/questions.jsonl guardrails/injection.jsonl guardrails/pii.jsonl
python3 tools/validate.py
