"""API keys: made, listed, rotated and revoked here; checked by the guard.

A key reads `atk_<key_id>_<secret>`. Only SHA-256(secret) is stored, so neither the
database nor Envoy's configuration holds a usable key.

    python -m gateway.guard.keys create --name acme-backend --role admin [--allow 10.0.0.0/8]
    python -m gateway.guard.keys list
    python -m gateway.guard.keys rotate KEY_ID [--grace-hours 24]
    python -m gateway.guard.keys revoke KEY_ID

Creating, rotating and revoking a key (or failing to) is recorded in the audit trail
(memory_svc at MEMORY_ADDR; empty: not recorded) with the OS user as the actor.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import ipaddress
import re
import secrets
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from psycopg import sql

from atende_runtime.audit import operator_event, record_now
from atende_runtime.postgres import Pool, migrate, open_pool

MIGRATIONS = Path(__file__).with_name("migrations")
ROLES = ("customer", "agent", "admin")
_KEY = re.compile(r"^atk_([a-z0-9]{12})_([A-Za-z0-9_-]{32,64})$")


def digest(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


def parse(raw: str) -> tuple[str, str] | None:
    """(key_id, secret) of a well-formed key, else None."""
    match = _KEY.match(raw)
    return (match.group(1), match.group(2)) if match else None


@dataclass(frozen=True)
class ApiKey:
    key_id: str
    name: str
    role: str
    secret_sha256: bytes
    allowed: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    rate_limit_per_minute: int | None = None
    created_at: datetime | None = None
    expires_at: datetime | None = None
    revoked_at: datetime | None = None

    def matches(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_sha256, digest(secret))

    def usable(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    def admits(self, address: str) -> bool:
        if not self.allowed:
            return True
        try:
            client = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(client in network for network in self.allowed)


@dataclass
class NewKey:
    """What `create` and `rotate` return: the only time the key itself is seen."""

    key: str
    record: ApiKey
    notes: list[str] = field(default_factory=list)


class KeyStore:
    def __init__(self, pool: Pool, schema: str) -> None:
        self.pool = pool
        self.schema = schema
        self._table = sql.Identifier(schema, "api_keys")

    async def migrate(self) -> list[str]:
        return await migrate(self.pool, self.schema, MIGRATIONS)

    async def all(self) -> list[ApiKey]:
        async with self.pool.connection() as conn:
            cursor = await conn.execute(
                sql.SQL(
                    "SELECT key_id, name, role, secret_sha256, allowed_cidrs::text[] AS allowed, rate_limit_per_minute,"
                    " created_at, expires_at, revoked_at FROM {} ORDER BY created_at"
                ).format(self._table)
            )
            rows: list[dict[str, Any]] = await cursor.fetchall()  # type: ignore[assignment]
        return [_record(row) for row in rows]

    async def create(
        self, name: str, role: str, allowed: list[str] | None = None, rate_limit_per_minute: int | None = None
    ) -> NewKey:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if not name.strip() or len(name) > 100:
            raise ValueError("a key needs a name of 1 to 100 characters: who holds it")
        networks = [str(ipaddress.ip_network(cidr, strict=False)) for cidr in allowed or []]
        key_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        async with self.pool.connection() as conn:
            await conn.execute(
                sql.SQL(
                    "INSERT INTO {} (key_id, name, role, secret_sha256, allowed_cidrs, rate_limit_per_minute)"
                    " VALUES (%s, %s, %s, %s, %s::cidr[], %s)"
                ).format(self._table),
                (key_id, name, role, digest(secret), networks, rate_limit_per_minute),
            )
        record = ApiKey(key_id, name, role, digest(secret), tuple(ipaddress.ip_network(n) for n in networks),
                        rate_limit_per_minute)
        return NewKey(f"atk_{key_id}_{secret}", record)

    async def rotate(self, key_id: str, grace: timedelta) -> NewKey:
        """A new key for the same holder; the old one keeps working for `grace`."""
        old = next((k for k in await self.all() if k.key_id == key_id), None)
        if old is None or old.revoked_at is not None:
            raise LookupError(f"no active key {key_id}")
        new = await self.create(old.name, old.role, [str(n) for n in old.allowed], old.rate_limit_per_minute)
        until = datetime.now(UTC) + grace
        async with self.pool.connection() as conn:
            await conn.execute(
                sql.SQL("UPDATE {} SET expires_at = LEAST(COALESCE(expires_at, %s), %s), replaced_by = %s WHERE key_id = %s")
                .format(self._table),
                (until, until, new.record.key_id, key_id),
            )
        new.notes.append(f"the old key {key_id} works until {until.isoformat(timespec='seconds')}")
        return new

    async def revoke(self, key_id: str) -> None:
        async with self.pool.connection() as conn:
            cursor = await conn.execute(
                sql.SQL("UPDATE {} SET revoked_at = now() WHERE key_id = %s AND revoked_at IS NULL").format(self._table),
                (key_id,),
            )
            if cursor.rowcount == 0:
                raise LookupError(f"no active key {key_id}")


def _record(row: dict[str, Any]) -> ApiKey:
    return ApiKey(
        key_id=row["key_id"], name=row["name"], role=row["role"], secret_sha256=bytes(row["secret_sha256"]),
        allowed=tuple(ipaddress.ip_network(n) for n in row["allowed"] or ()),
        rate_limit_per_minute=row["rate_limit_per_minute"], created_at=row["created_at"],
        expires_at=row["expires_at"], revoked_at=row["revoked_at"],
    )


async def _run(args: argparse.Namespace) -> int:
    from gateway.guard.settings import Settings

    settings = Settings()  # type: ignore[call-arg]
    pool = await open_pool(settings.database_url, min_size=1, max_size=2, name="guard-cli")
    # What the audit trail records of a change: (action, key id, detail).
    change = (args.command.capitalize() + "Key", getattr(args, "key_id", ""), "")
    try:
        store = KeyStore(pool, settings.db_schema)
        await store.migrate()
        if args.command == "create":
            change = ("CreateKey", "", f"role={args.role}")
            made = await store.create(args.name, args.role, args.allow, args.rate_limit)
            change = ("CreateKey", made.record.key_id, f"role={args.role}")
            print(made.key)
            print(f"key_id {made.record.key_id}, role {made.record.role}: store it now, it is not shown again",
                  file=sys.stderr)
        elif args.command == "rotate":
            made = await store.rotate(args.key_id, timedelta(hours=args.grace_hours))
            change = ("RotateKey", args.key_id, f"new={made.record.key_id}")
            print(made.key)
            print("; ".join(made.notes), file=sys.stderr)
        elif args.command == "revoke":
            await store.revoke(args.key_id)
            print(f"revoked {args.key_id}", file=sys.stderr)
        else:
            now = datetime.now(UTC)
            for key in await store.all():
                state = "active" if key.usable(now) else ("revoked" if key.revoked_at else "expired")
                allowed = ",".join(str(n) for n in key.allowed) or "any address"
                print(f"{key.key_id}  {key.role:8}  {state:8}  {key.name}  ({allowed})")
    except (ValueError, LookupError) as error:
        print(error, file=sys.stderr)
        await _audit(settings.memory_addr, *change, "NOT_FOUND" if isinstance(error, LookupError) else "INVALID_ARGUMENT")
        return 2
    finally:
        await pool.close()
    if args.command != "list":
        await _audit(settings.memory_addr, *change, "OK")
    return 0


async def _audit(memory_addr: str, action: str, key_id: str, detail: str, outcome: str) -> None:
    """Records a key change in the audit trail; the change stands whether or not it could."""
    if not memory_addr:
        return
    event = operator_event(f"atende.gateway.keys.{action}", key_id, outcome, detail)
    try:
        await record_now(memory_addr, [event], timeout=3.0)
    except Exception as error:
        print(f"warning: the audit trail did not record this ({type(error).__name__}); memory_svc at {memory_addr}",
              file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gateway.guard.keys", description="Manage API keys.")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create", help="make a key and print it (once)")
    create.add_argument("--name", required=True, help="who holds it")
    create.add_argument("--role", choices=ROLES, default="admin")
    create.add_argument("--allow", action="append", default=[], metavar="CIDR", help="client addresses it may come from")
    create.add_argument("--rate-limit", type=int, default=None, help="requests a minute (default: the role's)")
    commands.add_parser("list", help="the keys, without their secrets")
    rotate = commands.add_parser("rotate", help="a new key for the same holder; the old one expires")
    rotate.add_argument("key_id")
    rotate.add_argument("--grace-hours", type=float, default=24.0)
    revoke = commands.add_parser("revoke", help="stop a key at once")
    revoke.add_argument("key_id")
    return asyncio.run(_run(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
