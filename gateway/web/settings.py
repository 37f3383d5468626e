"""The web server's settings; environment variables are prefixed WEB_, except the
gateway's token settings it shares (GATEWAY_JWT_ISSUER, GATEWAY_JWT_AUDIENCE)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEB_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 50070
    # The folder of the key that signs customer tokens (gateway/tokens.py: signing.pem,
    # jwks.json); `make run` uses data/jwt.
    jwt_keys: Path = Path("data/jwt")
    issuer: str = Field("atende-local", validation_alias=AliasChoices("GATEWAY_JWT_ISSUER", "WEB_ISSUER"))
    audience: str = Field("atende", validation_alias=AliasChoices("GATEWAY_JWT_AUDIENCE", "WEB_AUDIENCE"))
    # Seconds a chat's customer token is valid; the chat renews it with the old one.
    token_ttl_seconds: int = Field(900, ge=60, le=86400)
    # How long after expiry a token may still be renewed (a laptop woken from sleep).
    renew_grace_seconds: int = Field(43200, ge=0)
    # New chat sessions a minute per client address (renewals count too).
    sessions_per_minute: int = Field(20, ge=1)
    # The REST API's OpenAPI document served at /openapi.json (tools/gen_openapi.py writes it).
    openapi: Path = Path(__file__).resolve().parents[2] / "gen" / "openapi.json"
    log_level: str = "INFO"
