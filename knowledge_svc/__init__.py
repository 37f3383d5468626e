"""knowledge_svc: the knowledge base (RAG) on Milvus with a local embedding model."""
