"""The people at both ends: the web chat a business embeds with one script tag, the
human agents' console, and the chat's session endpoint that mints a short-lived
customer token for a fresh conversation. Served beside the API through the gateway
(/chat/ and /console/, gateway/web_routes.py)."""
