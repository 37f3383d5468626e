"""Property-based tests (hypothesis) of every public REST route and every internal gRPC method."""
