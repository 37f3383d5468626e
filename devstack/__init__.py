"""The local launcher: the five services, Envoy and the embedded PostgreSQL and
Redis on one machine, for `make run`, the end-to-end tests and the benchmarks.
Services never import it; it is not part of the image."""
