"""Tokens for customer channels and human agents: an ES256 signing key and the JWKS
the gateway verifies with (Envoy's jwt_authn), and the tokens minted with it.

    python -m gateway.tokens mint --role customer --subject maria --conversation demo-1
    python -m gateway.tokens mint --role agent --subject ana --ttl 28800

The key pair lives in a folder (data/jwt/ for `make run`): signing.pem (the private
key, mode 0600: whoever holds it mints tokens) and jwks.json (public). A deployment
with its own identity provider points the gateway at that provider's JWKS instead
(GATEWAY_JWKS_URL) and never uses this module's key."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

ROLES = ("customer", "agent", "admin")
DEFAULT_ISSUER = "atende-local"
DEFAULT_AUDIENCE = "atende"
SIGNING_FILE = "signing.pem"
JWKS_FILE = "jwks.json"


@dataclass(frozen=True)
class TokenKeys:
    folder: Path

    @property
    def signing_path(self) -> Path:
        return self.folder / SIGNING_FILE

    @property
    def jwks_path(self) -> Path:
        return self.folder / JWKS_FILE

    def ensure(self) -> TokenKeys:
        """Creates the key pair on first use; later calls keep it (tokens stay valid)."""
        if self.signing_path.exists() and self.jwks_path.exists():
            return self
        self.folder.mkdir(parents=True, exist_ok=True)
        key = ec.generate_private_key(ec.SECP256R1())
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        descriptor = os.open(self.signing_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
        public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
        public.update({"kid": uuid.uuid4().hex[:16], "use": "sig", "alg": "ES256"})
        self.jwks_path.write_text(json.dumps({"keys": [public]}, indent=2))
        return self

    def _signing(self) -> tuple[Any, str]:
        key = serialization.load_pem_private_key(self.signing_path.read_bytes(), password=None)
        kid = json.loads(self.jwks_path.read_text())["keys"][0]["kid"]
        return key, kid

    def mint(
        self,
        *,
        role: str,
        subject: str,
        conversation: str = "",
        ttl_seconds: int = 3600,
        issuer: str = DEFAULT_ISSUER,
        audience: str = DEFAULT_AUDIENCE,
        now: float | None = None,
    ) -> str:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if not subject:
            raise ValueError("a token needs a subject (the user's or the person's id)")
        if role == "customer" and not conversation:
            raise ValueError("a customer token is bound to one conversation: give --conversation")
        issued = int(time.time() if now is None else now)
        claims: dict[str, Any] = {
            "iss": issuer, "aud": audience, "sub": subject, "role": role,
            "iat": issued, "nbf": issued - 5, "exp": issued + ttl_seconds, "jti": uuid.uuid4().hex,
        }
        if conversation:
            claims["cid"] = conversation
        key, kid = self._signing()
        return jwt.encode(claims, key, algorithm="ES256", headers={"kid": kid})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gateway.tokens", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    mint = commands.add_parser("mint", help="print a signed token")
    mint.add_argument("--role", choices=ROLES, required=True)
    mint.add_argument("--subject", required=True, help="the user id (customer) or the person's id (agent)")
    mint.add_argument("--conversation", default="", help="the one conversation a customer token reaches")
    mint.add_argument("--ttl", type=int, default=3600, help="seconds the token is valid (default 3600)")
    mint.add_argument("--keys", type=Path, default=Path(os.environ.get("ATENDE_DATA_DIR", "data")) / "jwt")
    mint.add_argument("--issuer", default=os.environ.get("GATEWAY_JWT_ISSUER", DEFAULT_ISSUER))
    mint.add_argument("--audience", default=os.environ.get("GATEWAY_JWT_AUDIENCE", DEFAULT_AUDIENCE))
    args = parser.parse_args(argv)
    keys = TokenKeys(args.keys)
    if not keys.signing_path.exists():
        print(f"no signing key in {args.keys}: `make run` creates one on its first start", file=sys.stderr)
        return 2
    try:
        token = keys.mint(role=args.role, subject=args.subject, conversation=args.conversation,
                          ttl_seconds=args.ttl, issuer=args.issuer, audience=args.audience)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
