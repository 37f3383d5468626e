"""atende's guardrails library (seed §4.4, §7): one text toolkit (text.py), one
PII detector (pii.py), the input checks, the output checks, their configuration
(rules/guardrails.toml, rules/lexicon.toml) and the output gate that releases a
reply sentence by sentence. See README.md for who runs which chain.

Import from the modules (atende_guardrails.text, .config, .gate, ...): this file
stays empty so that a service needing only the text toolkit loads nothing else.
Nothing in this package imports grpc."""
