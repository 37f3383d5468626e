"""The Envoy gateway's configuration and its renderer."""
