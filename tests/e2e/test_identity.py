"""Who may do what, through the gateway: customer tokens reach their own conversation
only, human agents answer as themselves, admin routes need an admin credential, and
bad tokens or forged identity headers change nothing."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import grpc
import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from devstack.stack import Stack, StackConfig
from gateway.authz import access_table
from gateway.tokens import TokenKeys

pytestmark = pytest.mark.e2e

ADMIN_KEY = "identity-admin-key"
ADMIN = {"x-api-key": ADMIN_KEY}
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, database_url: str, redis_url: str) -> Iterator[Stack]:
    suffix = uuid.uuid4().hex[:10]
    config = StackConfig.on_free_ports(
        tmp_path_factory.mktemp("identity"),
        database_url=database_url,
        redis_url=redis_url,
        api_keys=(ADMIN_KEY,),
        rate_limit_per_minute=100_000,
        extra_env={
            "MEMORY_DB_SCHEMA": f"e2e_identity_{suffix}",
            "MEMORY_REDIS_PREFIX": f"e2e-identity:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"e2e_identity_int_{suffix}",
            "GUARD_DB_SCHEMA": f"e2e_identity_guard_{suffix}",
            "GUARD_RELOAD_SECONDS": "0.2",
        },
    )
    running = Stack(config)
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def keys(stack: Stack) -> TokenKeys:
    return TokenKeys(stack.config.data_dir / "jwt")


@pytest.fixture(scope="module")
def http(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as client:
        yield client


def _bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def _turn(http: httpx.Client, conversation: str, headers: dict[str, str], user_id: str = "maria") -> httpx.Response:
    body = {"user_id": user_id, "text": "Qual a garantia do painel?", "channel": "web"}
    return http.post(f"/v1/conversations/{conversation}/messages", json=body, headers=headers)


def test_a_customer_token_reaches_its_own_conversation_only(http: httpx.Client, keys: TokenKeys) -> None:
    mine, theirs = "id-own-" + uuid.uuid4().hex[:6], "id-other-" + uuid.uuid4().hex[:6]
    assert _turn(http, theirs, ADMIN, user_id="joao").status_code == 200
    customer = _bearer(keys.mint(role="customer", subject="maria", conversation=mine))

    assert _turn(http, mine, customer).status_code == 200
    assert http.get(f"/v1/conversations/{mine}", headers=customer).status_code == 200
    assert _turn(http, mine, customer, user_id="").status_code == 200  # filled in from the token

    read = http.get(f"/v1/conversations/{theirs}", headers=customer)
    assert read.status_code == 403 and "another conversation" in read.json()["message"]
    assert _turn(http, theirs, customer).status_code == 403
    impersonating = _turn(http, mine, customer, user_id="joao")
    assert impersonating.status_code == 403 and "user_id" in impersonating.json()["message"]
    # Nothing of the refused turns was stored.
    stored = http.get(f"/v1/conversations/{theirs}", headers=ADMIN).json()["messages"]
    assert [m["role"] for m in stored] == ["user", "assistant"]
    assert len(http.get(f"/v1/conversations/{mine}", headers=ADMIN).json()["messages"]) == 4


def test_a_customer_token_cannot_use_admin_or_agent_routes(http: httpx.Client, keys: TokenKeys) -> None:
    customer = _bearer(keys.mint(role="customer", subject="maria", conversation="id-routes"))
    for method, path in [("GET", "/v1/leads"), ("DELETE", "/v1/subjects/maria"), ("GET", "/v1/subjects/maria:export"),
                         ("GET", "/v1/handoffs"), ("POST", "/v1/knowledge:search")]:
        response = http.request(method, path, headers=customer, json={} if method == "POST" else None)
        assert response.status_code == 403, (path, response.text)
        assert "credential" in response.json()["message"]


def test_a_forged_identity_header_is_replaced_by_the_credential(http: httpx.Client, keys: TokenKeys) -> None:
    other = "id-forged-" + uuid.uuid4().hex[:6]
    assert _turn(http, other, ADMIN, user_id="joao").status_code == 200
    customer = keys.mint(role="customer", subject="maria", conversation="id-forger")
    forged = {**_bearer(customer), "x-atende-conversation": other, "x-atende-role": "admin", "x-atende-subject": "joao"}
    assert http.get(f"/v1/conversations/{other}", headers=forged).status_code == 403
    without_credential = {"x-atende-role": "admin", "x-atende-subject": "root"}
    assert http.get(f"/v1/conversations/{other}", headers=without_credential).status_code == 401


def test_a_human_agent_answers_as_the_identity_in_the_token(http: httpx.Client, keys: TokenKeys) -> None:
    conversation = "id-handoff-" + uuid.uuid4().hex[:6]
    asked = _turn(http, conversation, ADMIN, user_id="cliente")
    assert asked.status_code == 200
    http.post(f"/v1/conversations/{conversation}/messages", headers=ADMIN,
              json={"user_id": "cliente", "text": "Quero falar com um atendente humano, por favor."})
    ana = _bearer(keys.mint(role="agent", subject="ana"))
    assert http.get("/v1/handoffs", headers=ana).status_code == 200
    as_bruno = http.post(f"/v1/conversations/{conversation}:claim", headers=ana, json={"human_id": "bruno"})
    assert as_bruno.status_code == 403 and "human_id" in as_bruno.json()["message"]
    claimed = http.post(f"/v1/conversations/{conversation}:claim", headers=ana, json={})
    assert claimed.status_code == 200, claimed.text
    assert claimed.json()["handoff"]["owner"]["id"] == "ana"
    sent = http.post(f"/v1/conversations/{conversation}/humanMessages", headers=ana, json={"text": "Oi, aqui é a Ana"})
    assert sent.status_code == 200, sent.text
    assert http.delete("/v1/subjects/cliente", headers=ana).status_code == 403


def _unsigned(claims: dict[str, object]) -> str:
    def part(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


def test_bad_tokens_are_refused_and_change_nothing(http: httpx.Client, keys: TokenKeys) -> None:
    conversation = "id-bad-token-" + uuid.uuid4().hex[:6]
    now = int(time.time())
    good = {"iss": "atende-local", "aud": "atende", "sub": "maria", "role": "customer", "cid": conversation,
            "iat": now, "exp": now + 600}
    stranger = ec.generate_private_key(ec.SECP256R1())
    kid = json.loads(keys.jwks_path.read_text())["keys"][0]["kid"]
    tokens = {
        "expired": keys.mint(role="customer", subject="maria", conversation=conversation, now=now - 7200, ttl_seconds=60),
        "wrong signature": jwt.encode(good, stranger, algorithm="ES256", headers={"kid": kid}),
        "wrong audience": keys.mint(role="customer", subject="maria", conversation=conversation, audience="someone-else"),
        "wrong issuer": keys.mint(role="customer", subject="maria", conversation=conversation, issuer="evil"),
        "alg none": _unsigned(good),
        "not a token": "abc.def",
    }
    for name, token in tokens.items():
        response = _turn(http, conversation, _bearer(token))
        # Envoy's jwt_authn answers an audience it does not accept with 403, the rest 401.
        expected = 403 if name == "wrong audience" else 401
        assert response.status_code == expected, (name, response.status_code, response.text)
        assert response.text.strip(), name
    no_conversation = jwt.encode({**good, "cid": None}, keys._signing()[0], algorithm="ES256", headers={"kid": kid})
    refused = _turn(http, conversation, _bearer(no_conversation))
    assert refused.status_code == 403 and "cid" in refused.json()["message"]
    unknown_role = jwt.encode({**good, "role": "root"}, keys._signing()[0], algorithm="ES256", headers={"kid": kid})
    assert _turn(http, conversation, _bearer(unknown_role)).status_code == 403
    assert http.get(f"/v1/conversations/{conversation}", headers=ADMIN).status_code == 404


def _example_path(template: str) -> str:
    import re

    return re.sub(r"\{[^}]*\}", "x1", template)


def test_every_public_route_needs_a_credential(stack: Stack, http: httpx.Client) -> None:
    """Enumerated from the descriptor set, not a hand list: REST bindings and gRPC methods."""
    table = access_table(ROOT / "gen" / "atende.pb")
    assert len(table.rest) >= 17
    for route in table.rest:
        path = _example_path(route.pattern.strip("^$").replace("%", "").replace("[^/]+", "x1"))
        response = http.request(route.verb, path, json={} if route.verb in ("POST", "PATCH", "PUT") else None)
        assert response.status_code == 401, (route, path, response.status_code, response.text)
    with grpc.insecure_channel(stack.gateway_target) as channel:
        for method, level in table.grpc.items():
            call = channel.unary_unary(method, request_serializer=None, response_deserializer=None)
            with pytest.raises(grpc.RpcError) as refused:
                call(b"", timeout=10)
            assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED, (method, level, refused.value)


def _cli(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": stack.database_url, "REDIS_URL": stack.redis_url,
           "GUARD_DB_SCHEMA": stack.config.extra_env["GUARD_DB_SCHEMA"], "MEMORY_ADDR": stack.upstream("memory_svc")}
    return subprocess.run([sys.executable, "-m", "gateway.guard.keys", *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=ROOT)


def _until(check: Callable[[], bool], within: float = 20.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def test_api_keys_are_stored_hashed_scoped_rotated_and_revoked(stack: Stack, http: httpx.Client) -> None:
    created = _cli(stack, "create", "--name", "acme-support", "--role", "agent")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    key_id = key.split("_")[1]
    agent = {"x-api-key": key}
    assert _until(lambda: http.get("/v1/handoffs", headers=agent).status_code == 200)
    assert http.get("/v1/subjects/maria:export", headers=agent).status_code == 403  # an agent key is not an admin's

    listed = _cli(stack, "list")
    # The secret is token_urlsafe, which may itself hold "_": everything after the key id.
    assert key_id in listed.stdout and key.split("_", 2)[2] not in listed.stdout
    # Envoy's configuration holds neither the stored key nor the environment's.
    dump = httpx.get(f"http://127.0.0.1:{stack.config.admin_port}/config_dump").text
    assert key not in dump and ADMIN_KEY not in dump

    rotated = _cli(stack, "rotate", key_id, "--grace-hours", "0.0003")  # about one second of grace
    assert rotated.returncode == 0, rotated.stderr
    new = {"x-api-key": rotated.stdout.strip()}
    assert _until(lambda: http.get("/v1/handoffs", headers=new).status_code == 200)
    assert _until(lambda: http.get("/v1/handoffs", headers=agent).status_code == 401)
    expired = http.get("/v1/handoffs", headers=agent)
    assert "expired" in expired.json()["message"]

    assert _cli(stack, "revoke", rotated.stdout.strip().split("_")[1]).returncode == 0
    assert _until(lambda: http.get("/v1/handoffs", headers=new).status_code == 401)
    assert "revoked" in http.get("/v1/handoffs", headers=new).json()["message"]
    assert http.get("/v1/handoffs", headers={"x-api-key": "atk_000000000000_" + "x" * 43}).status_code == 401
    assert _cli(stack, "revoke", "nosuchkey123").returncode == 2

    # Every change, and the failed one, is in the audit trail, by the operator who made it.
    new_id = rotated.stdout.strip().split("_")[1]
    trail = {(e["action"].rsplit(".", 1)[1], e["resource"], e["outcome"]): e
             for e in _audited(http, 4, action="atende.gateway.keys.")}
    assert {("CreateKey", key_id, "OK"), ("RotateKey", key_id, "OK"), ("RevokeKey", new_id, "OK"),
            ("RevokeKey", "nosuchkey123", "NOT_FOUND")} <= set(trail)
    assert trail[("RotateKey", key_id, "OK")]["detail"] == f"new={new_id}"
    assert all(e["actor_role"] == "internal" and e["actor"] for e in trail.values())


def test_a_key_limited_to_other_addresses_is_refused_here(stack: Stack, http: httpx.Client) -> None:
    created = _cli(stack, "create", "--name", "b2b-partner", "--role", "admin", "--allow", "10.20.0.0/16")
    partner = {"x-api-key": created.stdout.strip()}
    assert _until(lambda: http.get("/v1/leads", headers=partner).status_code == 403)
    assert "may not be used from 127.0.0.1" in http.get("/v1/leads", headers=partner).json()["message"]


def test_the_shared_limit_answers_429_with_retry_after(stack: Stack, http: httpx.Client) -> None:
    created = _cli(stack, "create", "--name", "small-client", "--role", "admin", "--rate-limit", "5")
    limited = {"x-api-key": created.stdout.strip()}
    assert _until(lambda: http.get("/v1/agents", headers=limited).status_code == 200)
    # The count is a fixed one-minute window: 11 requests, however a minute's turn splits them, put 6 in one window.
    codes = [http.get("/v1/agents", headers=limited) for _ in range(11)]
    refused = [r for r in codes if r.status_code == 429]
    assert refused, [r.status_code for r in codes]
    assert 1 <= int(refused[0].headers["retry-after"]) <= 60
    assert "5 requests a minute" in refused[0].json()["message"]


def _audit(http: httpx.Client, headers: dict[str, str], **params: str) -> list[dict[str, str]]:
    response = http.get("/v1/audit/events", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["events"]


def _audited(http: httpx.Client, expected: int, **params: str) -> list[dict[str, str]]:
    """The admin's view of the trail once `expected` events match (written in the background)."""
    deadline = time.monotonic() + 15
    while True:
        events = [e for e in _audit(http, ADMIN, **params) if not e["action"].endswith("ListAuditEvents")]
        if len(events) >= expected or time.monotonic() > deadline:
            return events
        time.sleep(0.2)


def test_the_audit_trail_records_privileged_actions_and_only_admins_read_it(
    stack: Stack, http: httpx.Client, keys: TokenKeys
) -> None:
    conversation, user = "id-audit-" + uuid.uuid4().hex[:6], "audit-" + uuid.uuid4().hex[:6]
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 60))
    assert _turn(http, conversation, ADMIN, user_id=user).status_code == 200
    http.post(f"/v1/conversations/{conversation}/messages", headers=ADMIN,
              json={"user_id": user, "text": "Quero falar com um atendente humano, por favor."})
    carla = _bearer(keys.mint(role="agent", subject="carla"))
    refused = http.post(f"/v1/conversations/{conversation}:claim", headers=carla, json={"human_id": "bruno"})
    assert refused.status_code == 403
    assert http.post(f"/v1/conversations/{conversation}:claim", headers=carla, json={}).status_code == 200
    assert http.delete(f"/v1/subjects/{user}", headers=ADMIN).status_code == 200

    claims = _audited(http, 2, resource=conversation, since=started)
    assert [(e["action"], e["actor"], e["actor_role"], e["outcome"]) for e in claims] == [
        ("atende.memory.v1.HandoffService.ClaimConversation", "carla", "agent", "OK"),
        ("atende.memory.v1.HandoffService.ClaimConversation", "carla", "agent", "PERMISSION_DENIED"),
    ]
    assert all(e["client_address"].startswith("127.0.0.1:") and e["request_id"] for e in claims)
    [erased] = _audited(http, 1, resource=user, action="atende.memory.v1.SubjectService.DeleteSubject")
    assert (erased["actor"], erased["actor_role"], erased["outcome"]) == ("api-key-1", "admin", "OK")
    assert erased["client_address"].startswith("127.0.0.1:")
    assert [e["resource"] for e in _audited(http, 1, actor="carla", outcome="PERMISSION_DENIED")] == [conversation]

    # Agents (and customers) cannot read the trail, nor write to it through the gateway.
    for credential in (carla, _bearer(keys.mint(role="customer", subject=user, conversation=conversation))):
        assert http.get("/v1/audit/events", headers=credential).status_code == 403
    with grpc.insecure_channel(stack.gateway_target) as channel:
        record = channel.unary_unary("/atende.memory.v1.AuditService/RecordAuditEvents")
        with pytest.raises(grpc.RpcError) as internal:
            record(b"", metadata=(("x-api-key", ADMIN_KEY),), timeout=10)
        assert internal.value.code() == grpc.StatusCode.UNIMPLEMENTED  # 404: not a public method


def test_the_access_log_records_the_clients_method_and_knowledge_changes_are_audited(
    stack: Stack, http: httpx.Client
) -> None:
    document, request_id = "audit-doc-" + uuid.uuid4().hex[:6], "e2e-" + uuid.uuid4().hex
    deleted = http.delete(f"/v1/knowledge/documents/{document}", headers={**ADMIN, "x-request-id": request_id})
    assert deleted.status_code == 200, deleted.text
    assert stack.config.log_dir is not None
    log = stack.config.log_dir / "envoy.log"
    deadline = time.monotonic() + 15
    lines: list[dict[str, str]] = []
    while not lines and time.monotonic() < deadline:
        time.sleep(0.2)
        lines = [entry for entry in map(_json_or_none, log.read_text(errors="replace").splitlines())
                 if entry and entry.get("request_id") == request_id]
    assert lines, "no access log line for the request"
    assert lines[0]["method"] == "DELETE" and lines[0]["path"] == f"/v1/knowledge/documents/{document}"

    # knowledge_svc ships its events to memory_svc's trail.
    [event] = _audited(http, 1, resource=document)
    assert event["action"] == "atende.knowledge.v1.KnowledgeService.DeleteDocument"
    assert (event["actor"], event["outcome"], event["request_id"]) == ("api-key-1", "OK", request_id)
    assert event["detail"] == "collection=default"


def _json_or_none(line: str) -> dict[str, str] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def test_reflection_through_the_gateway_describes_the_public_api_only(stack: Stack) -> None:
    grpcurl = [str(Path(sys.executable).with_name("grpcurl")), "-plaintext", "-H", f"x-api-key: {ADMIN_KEY}",
               stack.gateway_target]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*grpcurl, *args], capture_output=True, text=True, timeout=30)

    listed = run("list")
    assert listed.returncode == 0, listed.stderr
    assert "atende.memory.v1.AuditService" in listed.stdout and "MemoryService" not in listed.stdout
    assert run("describe", "atende.memory.v1.MemoryService").returncode != 0
    assert run("describe", "atende.memory.v1.AppendMessagesRequest").returncode != 0
    leads = run("describe", "atende.memory.v1.LeadService")
    assert leads.returncode == 0 and "ListLeads" in leads.stdout and "UpsertLead" not in leads.stdout
    audit = run("describe", "atende.memory.v1.AuditService")
    assert "ListAuditEvents" in audit.stdout and "RecordAuditEvents" not in audit.stdout
