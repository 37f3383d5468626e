"""Leads: one per person, merged across conversations, listed by score with filters."""

from __future__ import annotations

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import Service, turn, violations


async def _upsert(service: Service, **fields: object) -> pb.UpsertLeadResponse:
    qualification = fields.pop("qualification", None)
    lead = types_pb2.Lead(**fields)  # type: ignore[arg-type]
    if qualification is not None:
        lead.qualification.CopyFrom(qualification)  # type: ignore[arg-type]
    return await service.leads.UpsertLead(pb.UpsertLeadRequest(lead=lead))


async def test_one_lead_per_person_merged_across_conversations(service: Service) -> None:
    first = await _upsert(
        service, user_id="ana", name="Ana", source="whatsapp", conversation_id="c1", score=20,
        qualification=types_pb2.BantQualification(need="energia solar"),
    )
    assert first.created
    lead = first.lead
    assert (lead.name, lead.source, lead.score, lead.crm_status) == ("Ana", "whatsapp", 20, types_pb2.CRM_STATUS_NEW)
    assert lead.qualification.need == "energia solar" and lead.lead_id

    second = await _upsert(
        service, user_id="ana", email="ana@example.com", conversation_id="c2", score=70,
        crm_status=types_pb2.CRM_STATUS_PENDING,
        qualification=types_pb2.BantQualification(budget="R$ 20.000", timeline="próximo mês"),
    )
    assert not second.created
    merged = second.lead
    assert merged.lead_id == lead.lead_id
    assert (merged.name, merged.email, merged.source) == ("Ana", "ana@example.com", "whatsapp")
    assert (merged.score, merged.crm_status, merged.conversation_id) == (70, types_pb2.CRM_STATUS_PENDING, "c2")
    q = merged.qualification
    assert (q.budget, q.need, q.timeline, q.authority) == ("R$ 20.000", "energia solar", "próximo mês", "")
    assert merged.update_time.ToDatetime() >= merged.create_time.ToDatetime()

    third = await _upsert(service, user_id="ana", crm_status=types_pb2.CRM_STATUS_SYNCED, crm_id="crm-42")
    assert (third.lead.score, third.lead.crm_id, third.lead.crm_status) == (70, "crm-42", types_pb2.CRM_STATUS_SYNCED)
    assert third.lead.crm_error == ""
    # A client managing the CRM state itself may record a failure, and why; a later
    # status replaces the reason.
    failed = await _upsert(service, user_id="ana", crm_status=types_pb2.CRM_STATUS_FAILED, crm_error="CRM said no")
    assert (failed.lead.crm_status, failed.lead.crm_error, failed.lead.crm_id) == (
        types_pb2.CRM_STATUS_FAILED, "CRM said no", "crm-42"
    )
    untouched = await _upsert(service, user_id="ana", score=71)
    assert (untouched.lead.crm_status, untouched.lead.crm_error) == (types_pb2.CRM_STATUS_FAILED, "CRM said no")
    third = await _upsert(service, user_id="ana", score=70, crm_status=types_pb2.CRM_STATUS_SYNCED)
    assert (third.lead.crm_status, third.lead.crm_error, third.lead.crm_id) == (types_pb2.CRM_STATUS_SYNCED, "", "crm-42")
    got = await service.leads.GetLead(pb.GetLeadRequest(lead_id=lead.lead_id))
    assert got == third.lead
    assert await service.sql("SELECT count(*) FROM leads") == [(1,)]


async def test_lead_errors(service: Service) -> None:
    for fields, field in (
        ({"user_id": "u", "score": 101}, "lead.score"),
        ({"user_id": "u", "score": -1}, "lead.score"),
        ({"user_id": "u", "crm_status": 42}, "lead.crm_status"),  # a number CrmStatus does not have
        ({"user_id": "", "name": "x"}, "lead.user_id"),
        ({"user_id": "u", "email": "not an email"}, "lead.email"),
        ({"user_id": "u", "name": "a\x00b"}, "lead.name"),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await _upsert(service, **fields)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert field in violations(caught.value)
    for lead_id in ("00000000-0000-0000-0000-000000000001", "not-a-uuid"):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.leads.GetLead(pb.GetLeadRequest(lead_id=lead_id))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.leads.GetLead(pb.GetLeadRequest(lead_id=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_list_leads_by_score_with_filters_and_pages(service: Service) -> None:
    scores = [90, 75, 75, 75, 40, 10, 0]
    statuses = [
        types_pb2.CRM_STATUS_SYNCED, types_pb2.CRM_STATUS_NEW, types_pb2.CRM_STATUS_PENDING, types_pb2.CRM_STATUS_NEW,
        types_pb2.CRM_STATUS_NEW, types_pb2.CRM_STATUS_FAILED, types_pb2.CRM_STATUS_NEW,
    ]
    for i, (score, status) in enumerate(zip(scores, statuses, strict=True)):
        await _upsert(service, user_id=f"p{i}", name=f"P{i}", score=score, crm_status=status)

    async def collect(page_size: int, **filters: object) -> tuple[list[int], int]:
        out: list[int] = []
        token, pages = "", 0
        while True:
            page = await service.leads.ListLeads(
                pb.ListLeadsRequest(page_size=page_size, page_token=token, **filters)  # type: ignore[arg-type]
            )
            pages += 1
            out.extend(lead.score for lead in page.leads)
            token = page.next_page_token
            if not token:
                return out, pages

    assert await collect(2) == ([90, 75, 75, 75, 40, 10, 0], 4)
    assert await collect(1, min_score=40, max_score=80) == ([75, 75, 75, 40], 4)
    assert await collect(10, crm_status=types_pb2.CRM_STATUS_NEW) == ([75, 75, 40, 0], 1)
    assert await collect(1, crm_status=types_pb2.CRM_STATUS_NEW, min_score=50) == ([75, 75], 2)
    assert await collect(10, crm_status=types_pb2.CRM_STATUS_PENDING) == ([75], 1)
    assert await collect(10, crm_status=types_pb2.CRM_STATUS_UNSPECIFIED) == ([90, 75, 75, 75, 40, 10, 0], 1)
    # Ties on score are paged by id: every lead exactly once.
    ids: list[str] = []
    token = ""
    while True:
        page = await service.leads.ListLeads(pb.ListLeadsRequest(page_size=1, page_token=token))
        ids.extend(lead.lead_id for lead in page.leads)
        token = page.next_page_token
        if not token:
            break
    assert len(ids) == len(set(ids)) == 7

    first = await service.leads.ListLeads(pb.ListLeadsRequest(page_size=2))
    token = first.next_page_token
    for bad, field in (
        (pb.ListLeadsRequest(page_token=token[:-3] + "xyz"), "page_token"),
        (pb.ListLeadsRequest(page_token=token, crm_status=types_pb2.CRM_STATUS_NEW), "page_token"),
        (pb.ListLeadsRequest(page_size=-5), "page_size"),
        (pb.ListLeadsRequest(min_score=101), "min_score"),
        (pb.ListLeadsRequest(min_score=50, max_score=20), "max_score"),
        (pb.ListLeadsRequest(crm_status=99), "crm_status"),  # type: ignore[arg-type]  # not a CrmStatus
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.leads.ListLeads(bad)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert field in violations(caught.value)


async def test_context_shows_the_current_lead(service: Service) -> None:
    await service.memory.AppendMessages(turn("lc", [("user", "oi")], user_id="lia"))
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="lc"))
    assert not context.HasField("lead")  # no lead yet (and Redis now knows that)
    await _upsert(service, user_id="lia", name="Lia", score=30)
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="lc"))
    assert context.lead.name == "Lia" and context.lead.score == 30
    await _upsert(service, user_id="lia", score=80)
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="lc"))
    assert context.lead.score == 80 and context.lead.name == "Lia"
    # And from PostgreSQL alone, the same.
    await service.redis.unlink(*await service.keys())
    cold = await service.memory.GetContext(pb.GetContextRequest(conversation_id="lc"))
    assert cold.lead == context.lead
