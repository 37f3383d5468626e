"""The local search index of a Milvus Lite collection (see index.py)."""
