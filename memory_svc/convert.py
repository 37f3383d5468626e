"""Protobuf to domain records and back, for memory_svc's servicers (protobuf only:
nothing here imports grpc)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from google.protobuf import json_format

from atende_runtime.decoding import datetime_from
from memory_svc.codec import message_pb, timestamp
from memory_svc.models import (
    CRM_FAILED,
    CRM_NEW,
    CRM_PENDING,
    CRM_SYNCED,
    OWNER_AGENT,
    OWNER_HUMAN,
    OWNER_HUMAN_QUEUE,
    AppendRequest,
    Bant,
    CitationData,
    Conversation,
    ConversationInfo,
    GuardrailData,
    IntentData,
    Interaction,
    InteractionInput,
    Lead,
    LeadInput,
    NewMessage,
    Packet,
    StoredMessage,
)
from memory_svc.outbox import (
    ACTION_BOOK_MEETING,
    ACTION_ESCALATE,
    ACTION_SEND_EMAIL,
    ACTION_SYNC_LEAD,
    ACTION_TRACK_EVENT,
    ActionDetail,
    ActionInput,
    BookMeetingData,
    SendEmailData,
    SyncLeadData,
    TrackEventData,
)


def append_request(request: pb.AppendMessagesRequest) -> AppendRequest:
    return AppendRequest(
        conversation_id=request.conversation_id,
        user_id=request.user_id,
        channel=request.channel,
        messages=[_new_message(m) for m in request.messages],
        client_message_id=request.client_message_id,
        agent=request.agent,
        required_owner_kinds=tuple(_OWNER_KIND_NAMES.get(k, "?") for k in request.required_owner_kinds),
        required_owner_id=request.required_owner_id,
        new_owner_kind=_OWNER_KIND_NAMES.get(request.new_owner.kind, "?") if request.HasField("new_owner") else "",
        new_owner_id=request.new_owner.id,
        handoff=packet_json(request.handoff) if request.HasField("handoff") else None,
        interaction=(
            interaction_input(request.interaction, request.conversation_id, request.user_id)
            if request.HasField("interaction")
            else None
        ),
        # lead_id and the CRM fields are ignored: the CRM state follows the actions.
        lead=_lead_input(request.lead, user_id=request.lead.user_id) if request.HasField("lead") else None,
        actions=[_action(a, f"actions[{i}]") for i, a in enumerate(request.actions)],
    )


def interaction_input(
    item: pb.Interaction, conversation_id: str | None = None, user_id: str | None = None
) -> InteractionInput:
    """An interaction record as the domain takes it; a turn's own record takes the
    turn's conversation and user."""
    return InteractionInput(
        conversation_id=item.conversation_id if conversation_id is None else conversation_id,
        user_id=item.user_id if user_id is None else user_id,
        user_input=item.user_input,
        agent_response=item.agent_response,
        agent=item.agent,
        metadata=dict(item.metadata),
    )


_OWNER_KIND_NAMES = {
    types_pb2.OWNER_KIND_AGENT: OWNER_AGENT,
    types_pb2.OWNER_KIND_HUMAN_QUEUE: OWNER_HUMAN_QUEUE,
    types_pb2.OWNER_KIND_HUMAN: OWNER_HUMAN,
}
_OWNER_KINDS_PB = {name: kind for kind, name in _OWNER_KIND_NAMES.items()}

_CRM_STATUS_NAMES: dict[int, str] = {
    types_pb2.CRM_STATUS_NEW: CRM_NEW,
    types_pb2.CRM_STATUS_PENDING: CRM_PENDING,
    types_pb2.CRM_STATUS_SYNCED: CRM_SYNCED,
    types_pb2.CRM_STATUS_FAILED: CRM_FAILED,
}
_CRM_STATUSES_PB: dict[str, types_pb2.CrmStatus] = {
    CRM_NEW: types_pb2.CRM_STATUS_NEW,
    CRM_PENDING: types_pb2.CRM_STATUS_PENDING,
    CRM_SYNCED: types_pb2.CRM_STATUS_SYNCED,
    CRM_FAILED: types_pb2.CRM_STATUS_FAILED,
}
# The name a stored status is mapped from is what validation checks; an enum
# number this version does not know becomes a name no status has.
_UNKNOWN_CRM_STATUS = "unknown"


def crm_status_name(status: int) -> str:
    """The stored name of a CrmStatus; "" for unspecified (no change, no filter)."""
    if status == types_pb2.CRM_STATUS_UNSPECIFIED:
        return ""
    return _CRM_STATUS_NAMES.get(status, _UNKNOWN_CRM_STATUS)


def _lead_input(
    lead: types_pb2.Lead,
    *,
    user_id: str,
    source: str = "",
    crm_status: str = "",
    crm_id: str = "",
    crm_error: str = "",
    conversation_id: str = "",
) -> LeadInput:
    q = lead.qualification
    return LeadInput(
        user_id=user_id,
        name=lead.name,
        email=lead.email,
        phone=lead.phone,
        company=lead.company,
        score=lead.score,
        qualification=Bant(q.budget, q.authority, q.need, q.timeline),
        source=source,
        crm_status=crm_status,
        crm_id=crm_id,
        crm_error=crm_error,
        conversation_id=conversation_id,
    )


def _action(action: types_pb2.AgentAction, at: str) -> ActionInput:
    kind = action.WhichOneof("action") or ""
    detail: ActionDetail | None = None
    if kind == ACTION_SYNC_LEAD:
        detail = SyncLeadData(consent_source=action.sync_lead.consent_source)
    elif kind == ACTION_SEND_EMAIL:
        e = action.send_email
        detail = SendEmailData(to=e.to, template=e.template, language=e.language, variables=dict(e.variables))
    elif kind == ACTION_BOOK_MEETING:
        m = action.book_meeting
        has_start = m.HasField("start_time") and (m.start_time.seconds or m.start_time.nanos) != 0
        detail = BookMeetingData(
            attendee_email=m.attendee_email,
            attendee_name=m.attendee_name,
            start_time=datetime_from(m.start_time, f"{at}.book_meeting.start_time") if has_start else None,
            duration_minutes=m.duration_minutes,
            title=m.title,
            requested_time=m.requested_time,
        )
    elif kind == ACTION_TRACK_EVENT:
        detail = TrackEventData(event=action.track_event.event, properties=dict(action.track_event.properties))
    elif kind != ACTION_ESCALATE:
        kind = ""
    # Deterministic: the stored bytes are what every delivery attempt decodes.
    return ActionInput(kind=kind, payload=action.SerializeToString(deterministic=True), detail=detail)


def packet_json(packet: types_pb2.HandoffPacket) -> Packet:
    return json_format.MessageToDict(packet, preserving_proto_field_name=True)


def _new_message(m: pb.NewMessage) -> NewMessage:
    return NewMessage(
        role=m.role,
        text=m.text,
        agent=m.agent,
        intent=(
            IntentData(m.intent.name, m.intent.confidence, m.intent.agent, m.intent.strategy)
            if m.HasField("intent")
            else None
        ),
        metadata=dict(m.metadata),
        citations=[CitationData(c.source, c.title, c.snippet, c.document_id) for c in m.citations],
        guardrails=[GuardrailData(g.check, g.action, g.detail) for g in m.guardrails],
    )


# domain -> protobuf


def _fill(target: Any, messages: list[StoredMessage], encoded: list[bytes]) -> None:
    target.extend(message_pb(m) for m in messages)
    for raw in encoded:
        target.add().MergeFromString(raw)


def owner_pb(kind: str, owner_id: str, since: datetime | None) -> types_pb2.ConversationOwner:
    owner = types_pb2.ConversationOwner(kind=_OWNER_KINDS_PB.get(kind, types_pb2.OWNER_KIND_UNSPECIFIED), id=owner_id)
    if since is not None:
        owner.since.CopyFrom(timestamp(since))
    return owner


def packet_pb(packet: Packet | None) -> types_pb2.HandoffPacket | None:
    if packet is None:
        return None
    # Written by this service from a HandoffPacket; fields a newer version added are skipped.
    return json_format.ParseDict(packet, types_pb2.HandoffPacket(), ignore_unknown_fields=True)


def handoff_pb(info: ConversationInfo) -> pb.Handoff:
    return pb.Handoff(
        conversation_id=info.conversation_id,
        user_id=info.user_id,
        channel=info.channel,
        owner=owner_pb(info.owner_kind, info.owner_id, info.owner_since),
        agent=info.agent,
        packet=packet_pb(info.handoff),
        message_count=info.message_count,
        update_time=timestamp(info.update_time),
    )


def conversation_pb(c: Conversation) -> types_pb2.Conversation:
    info = c.info
    out = types_pb2.Conversation(
        conversation_id=info.conversation_id,
        user_id=info.user_id,
        channel=info.channel,
        agent=info.agent,
        create_time=timestamp(info.create_time),
        update_time=timestamp(info.update_time),
        owner=owner_pb(info.owner_kind, info.owner_id, info.owner_since),
        handoff=packet_pb(info.handoff),
    )
    _fill(out.messages, c.messages, c.encoded)
    return out


def _summary_pb(info: ConversationInfo) -> pb.ConversationSummary:
    return pb.ConversationSummary(
        conversation_id=info.conversation_id,
        channel=info.channel,
        agent=info.agent,
        message_count=info.message_count,
        create_time=timestamp(info.create_time),
        update_time=timestamp(info.update_time),
        owner=owner_pb(info.owner_kind, info.owner_id, info.owner_since),
    )


def lead_pb(lead: Lead) -> types_pb2.Lead:
    q = lead.qualification
    return types_pb2.Lead(
        lead_id=lead.lead_id,
        user_id=lead.user_id,
        name=lead.name,
        email=lead.email,
        phone=lead.phone,
        company=lead.company,
        score=lead.score,
        qualification=types_pb2.BantQualification(
            budget=q.budget, authority=q.authority, need=q.need, timeline=q.timeline
        ),
        source=lead.source,
        crm_status=_CRM_STATUSES_PB.get(lead.crm_status, types_pb2.CRM_STATUS_UNSPECIFIED),
        crm_id=lead.crm_id,
        crm_error=lead.crm_error,
        conversation_id=lead.conversation_id,
        create_time=timestamp(lead.create_time),
        update_time=timestamp(lead.update_time),
    )


def interaction_pb(i: Interaction) -> pb.Interaction:
    return pb.Interaction(
        interaction_id=i.interaction_id,
        conversation_id=i.conversation_id,
        user_id=i.user_id,
        user_input=i.user_input,
        agent_response=i.agent_response,
        agent=i.agent,
        create_time=timestamp(i.create_time),
        metadata=i.metadata,
    )
