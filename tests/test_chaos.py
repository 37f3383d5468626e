"""The chaos suite (devstack/chaos/): its audit catches what it must on made-up
records, and a light run (two services SIGKILLed, Redis flushed, under a small load)
on a real stack loses and duplicates nothing and serves again after each fault.
`make chaos` runs every fault."""

from __future__ import annotations

from typing import Any

import pytest

from devstack.chaos import ChaosOptions, run, table
from devstack.chaos.audit import Audit, Released, audit_effects, check_conversation
from devstack.chaos.faults import LIGHT
from devstack.chaos.load import Conversation, Turn
from devstack.chaos.vendors import FakeVendors


def _conversation(turns: int, acked: bool = True) -> Conversation:
    conversation = Conversation("c1", "u1", "c1@exemplo.com.br")
    for i in range(turns):
        turn = Turn("c1", f"c1-t{i}", i, f"text {i}", sent=float(i))
        if acked:
            turn.acked, turn.reply_message_id = float(i) + 0.5, f"r{i}"
        conversation.turns.append(turn)
    return conversation


def _stored(*pairs: tuple[str, str]) -> list[dict[str, Any]]:
    """(client_message_id, reply id) pairs, as GET /v1/conversations/{id} lists them."""
    messages: list[dict[str, Any]] = []
    for cmid, reply in pairs:
        messages.append({"role": "user", "client_message_id": cmid, "message_id": f"u-{cmid}"})
        if reply:
            messages.append({"role": "assistant", "client_message_id": cmid, "message_id": reply})
    return messages


def _kinds(audit: Audit) -> list[str]:
    return sorted(f.kind for f in audit.findings)


def test_a_conversation_stored_as_acknowledged_is_clean() -> None:
    audit = Audit()
    check_conversation(audit, _conversation(3), _stored(("c1-t0", "r0"), ("c1-t1", "r1"), ("c1-t2", "r2")))
    assert audit.clean and audit.turns_acked == 3 and audit.findings == []


def test_lost_duplicated_and_misordered_turns_are_found() -> None:
    audit = Audit()
    stored = _stored(("c1-t1", "r1"), ("c1-t0", "r0"), ("c1-t1", "r1"), ("c1-t9", "r9"))
    check_conversation(audit, _conversation(3), stored)
    assert _kinds(audit) == ["duplicated turn", "duplicated turn", "lost turn", "out of order", "unexpected"]
    assert (audit.lost, audit.duplicated) == (1, 3) and not audit.clean


def test_a_reply_other_than_the_one_acknowledged_is_a_lost_turn() -> None:
    audit = Audit()
    check_conversation(audit, _conversation(1), _stored(("c1-t0", "another-reply")))
    assert _kinds(audit) == ["lost turn"]


def test_a_turn_given_up_on_may_be_stored_once_but_not_twice() -> None:
    once, twice = Audit(), Audit()
    check_conversation(once, _conversation(1, acked=False), _stored(("c1-t0", "r0")))
    check_conversation(twice, _conversation(1, acked=False), _stored(("c1-t0", "r0"), ("c1-t0", "r0")))
    assert once.clean and once.abandoned_stored == 1
    assert _kinds(twice) == ["duplicated turn"]


def test_side_effects_are_counted_where_they_land() -> None:
    conversation = _conversation(5)
    consent = conversation.turns[4]
    vendors = FakeVendors()
    actions = [
        Released(f"{consent.reply_message_id}:0", "sync_lead", "c1", "done", "delivered", ""),
        Released(f"{consent.reply_message_id}:1", "send_email", "c1", "done", "delivered", ""),
    ]
    vendors.contact_creates[conversation.email] = 1
    vendors.mails_by_key[actions[1].key] = 1
    clean = Audit()
    audit_effects(clean, [conversation], actions, vendors)
    assert clean.clean and clean.effects_delivered == 2

    vendors.mails_by_key[actions[1].key] = 2
    vendors.contact_creates[conversation.email] = 0
    broken = Audit()
    audit_effects(broken, [conversation], actions, vendors)
    assert _kinds(broken) == ["duplicated effect", "lost effect"]

    nothing_released = Audit()
    audit_effects(nothing_released, [conversation], [], vendors)
    assert _kinds(nothing_released) == ["lost effect", "lost effect"]


def test_an_email_in_doubt_is_held_for_an_operator_not_lost() -> None:
    conversation = _conversation(5)
    key = f"{conversation.turns[4].reply_message_id}:1"
    actions = [Released(key, "send_email", "c1", "done", "dead", "sendgrid: delivery in doubt")]
    audit = Audit()
    audit_effects(audit, [conversation], actions, FakeVendors())
    assert _kinds(audit) == ["held effect", "lost effect"]  # the sync_lead was never released
    assert audit.effects_held == 1


@pytest.mark.e2e
async def test_a_light_chaos_run_loses_and_duplicates_nothing() -> None:
    lines: list[str] = []
    result = await run(ChaosOptions(clients=6, faults=LIGHT, warmup=2.0, settle=1.0, log=lines.append))
    report = table(result)
    print(report)
    assert [row.title for row in result.rows[1:]] == ["SIGKILL memory_svc", "SIGKILL router_svc", "Redis FLUSHALL"], report
    assert all(row.served_again is not None for row in result.rows[1:]), report
    assert result.audit.findings == [], report
    assert result.audit.turns_acked > 50 and result.audit.effects_delivered > 0, report
    assert result.ok, report
