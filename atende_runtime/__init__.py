"""What every atende service needs: settings, JSON logs with request ids, server
start-up with health and reflection, graceful shutdown, channels with deadlines and
retries, and the mapping from domain errors to gRPC status codes."""
