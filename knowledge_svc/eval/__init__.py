"""Retrieval quality of the knowledge base on labelled questions: recall@1, recall@5
and MRR. `python -m knowledge_svc.eval --help`."""
