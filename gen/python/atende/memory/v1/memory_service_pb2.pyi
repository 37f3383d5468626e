import datetime

from atende.common.v1 import access_pb2 as _access_pb2
from atende.common.v1 import types_pb2 as _types_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WatchOwnerRequest(_message.Message):
    __slots__ = ("conversation_id",)
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    def __init__(self, conversation_id: _Optional[str] = ...) -> None: ...

class WatchOwnerResponse(_message.Message):
    __slots__ = ("owner",)
    OWNER_FIELD_NUMBER: _ClassVar[int]
    owner: _types_pb2.ConversationOwner
    def __init__(self, owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ...) -> None: ...

class NewMessage(_message.Message):
    __slots__ = ("role", "text", "agent", "intent", "metadata", "citations", "guardrails")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    INTENT_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    GUARDRAILS_FIELD_NUMBER: _ClassVar[int]
    role: str
    text: str
    agent: str
    intent: _types_pb2.Intent
    metadata: _containers.ScalarMap[str, str]
    citations: _containers.RepeatedCompositeFieldContainer[_types_pb2.Citation]
    guardrails: _containers.RepeatedCompositeFieldContainer[_types_pb2.GuardrailAction]
    def __init__(self, role: _Optional[str] = ..., text: _Optional[str] = ..., agent: _Optional[str] = ..., intent: _Optional[_Union[_types_pb2.Intent, _Mapping]] = ..., metadata: _Optional[_Mapping[str, str]] = ..., citations: _Optional[_Iterable[_Union[_types_pb2.Citation, _Mapping]]] = ..., guardrails: _Optional[_Iterable[_Union[_types_pb2.GuardrailAction, _Mapping]]] = ...) -> None: ...

class AppendMessagesRequest(_message.Message):
    __slots__ = ("conversation_id", "user_id", "channel", "messages", "client_message_id", "agent", "required_owner_kinds", "required_owner_id", "new_owner", "handoff", "interaction", "lead", "actions")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_OWNER_KINDS_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_OWNER_FIELD_NUMBER: _ClassVar[int]
    HANDOFF_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    ACTIONS_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    user_id: str
    channel: str
    messages: _containers.RepeatedCompositeFieldContainer[NewMessage]
    client_message_id: str
    agent: str
    required_owner_kinds: _containers.RepeatedScalarFieldContainer[_types_pb2.OwnerKind]
    required_owner_id: str
    new_owner: _types_pb2.ConversationOwner
    handoff: _types_pb2.HandoffPacket
    interaction: Interaction
    lead: _types_pb2.Lead
    actions: _containers.RepeatedCompositeFieldContainer[_types_pb2.AgentAction]
    def __init__(self, conversation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., channel: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[NewMessage, _Mapping]]] = ..., client_message_id: _Optional[str] = ..., agent: _Optional[str] = ..., required_owner_kinds: _Optional[_Iterable[_Union[_types_pb2.OwnerKind, str]]] = ..., required_owner_id: _Optional[str] = ..., new_owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ..., handoff: _Optional[_Union[_types_pb2.HandoffPacket, _Mapping]] = ..., interaction: _Optional[_Union[Interaction, _Mapping]] = ..., lead: _Optional[_Union[_types_pb2.Lead, _Mapping]] = ..., actions: _Optional[_Iterable[_Union[_types_pb2.AgentAction, _Mapping]]] = ...) -> None: ...

class AppendMessagesResponse(_message.Message):
    __slots__ = ("messages", "replayed", "owner", "lead")
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    REPLAYED_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    messages: _containers.RepeatedCompositeFieldContainer[_types_pb2.Message]
    replayed: bool
    owner: _types_pb2.ConversationOwner
    lead: _types_pb2.Lead
    def __init__(self, messages: _Optional[_Iterable[_Union[_types_pb2.Message, _Mapping]]] = ..., replayed: _Optional[bool] = ..., owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ..., lead: _Optional[_Union[_types_pb2.Lead, _Mapping]] = ...) -> None: ...

class GetConversationRequest(_message.Message):
    __slots__ = ("conversation_id",)
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    def __init__(self, conversation_id: _Optional[str] = ...) -> None: ...

class GetConversationResponse(_message.Message):
    __slots__ = ("conversation",)
    CONVERSATION_FIELD_NUMBER: _ClassVar[int]
    conversation: _types_pb2.Conversation
    def __init__(self, conversation: _Optional[_Union[_types_pb2.Conversation, _Mapping]] = ...) -> None: ...

class GetContextRequest(_message.Message):
    __slots__ = ("conversation_id", "max_messages", "client_message_id")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_MESSAGES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    max_messages: int
    client_message_id: str
    def __init__(self, conversation_id: _Optional[str] = ..., max_messages: _Optional[int] = ..., client_message_id: _Optional[str] = ...) -> None: ...

class GetContextResponse(_message.Message):
    __slots__ = ("found", "user_id", "agent", "messages", "summary", "message_count", "lead", "owner", "turn")
    FOUND_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    TURN_FIELD_NUMBER: _ClassVar[int]
    found: bool
    user_id: str
    agent: str
    messages: _containers.RepeatedCompositeFieldContainer[_types_pb2.Message]
    summary: str
    message_count: int
    lead: _types_pb2.Lead
    owner: _types_pb2.ConversationOwner
    turn: LookupTurnResponse
    def __init__(self, found: _Optional[bool] = ..., user_id: _Optional[str] = ..., agent: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[_types_pb2.Message, _Mapping]]] = ..., summary: _Optional[str] = ..., message_count: _Optional[int] = ..., lead: _Optional[_Union[_types_pb2.Lead, _Mapping]] = ..., owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ..., turn: _Optional[_Union[LookupTurnResponse, _Mapping]] = ...) -> None: ...

class LookupTurnRequest(_message.Message):
    __slots__ = ("conversation_id", "client_message_id")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    client_message_id: str
    def __init__(self, conversation_id: _Optional[str] = ..., client_message_id: _Optional[str] = ...) -> None: ...

class LookupTurnResponse(_message.Message):
    __slots__ = ("found", "messages")
    FOUND_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    found: bool
    messages: _containers.RepeatedCompositeFieldContainer[_types_pb2.Message]
    def __init__(self, found: _Optional[bool] = ..., messages: _Optional[_Iterable[_Union[_types_pb2.Message, _Mapping]]] = ...) -> None: ...

class ListConversationsRequest(_message.Message):
    __slots__ = ("user_id", "page_size", "page_token")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    page_size: int
    page_token: str
    def __init__(self, user_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListConversationsResponse(_message.Message):
    __slots__ = ("conversations", "next_page_token")
    CONVERSATIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    conversations: _containers.RepeatedCompositeFieldContainer[ConversationSummary]
    next_page_token: str
    def __init__(self, conversations: _Optional[_Iterable[_Union[ConversationSummary, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ConversationSummary(_message.Message):
    __slots__ = ("conversation_id", "channel", "agent", "message_count", "create_time", "update_time", "owner")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    channel: str
    agent: str
    message_count: int
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    owner: _types_pb2.ConversationOwner
    def __init__(self, conversation_id: _Optional[str] = ..., channel: _Optional[str] = ..., agent: _Optional[str] = ..., message_count: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ...) -> None: ...

class Handoff(_message.Message):
    __slots__ = ("conversation_id", "user_id", "channel", "owner", "agent", "packet", "message_count", "update_time")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    PACKET_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    user_id: str
    channel: str
    owner: _types_pb2.ConversationOwner
    agent: str
    packet: _types_pb2.HandoffPacket
    message_count: int
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, conversation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., channel: _Optional[str] = ..., owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ..., agent: _Optional[str] = ..., packet: _Optional[_Union[_types_pb2.HandoffPacket, _Mapping]] = ..., message_count: _Optional[int] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListHandoffsRequest(_message.Message):
    __slots__ = ("queue", "include_claimed", "page_size", "page_token")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_CLAIMED_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    queue: str
    include_claimed: bool
    page_size: int
    page_token: str
    def __init__(self, queue: _Optional[str] = ..., include_claimed: _Optional[bool] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListHandoffsResponse(_message.Message):
    __slots__ = ("handoffs", "next_page_token")
    HANDOFFS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    handoffs: _containers.RepeatedCompositeFieldContainer[Handoff]
    next_page_token: str
    def __init__(self, handoffs: _Optional[_Iterable[_Union[Handoff, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ClaimConversationRequest(_message.Message):
    __slots__ = ("conversation_id", "human_id", "force")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    HUMAN_ID_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    human_id: str
    force: bool
    def __init__(self, conversation_id: _Optional[str] = ..., human_id: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...

class ClaimConversationResponse(_message.Message):
    __slots__ = ("handoff",)
    HANDOFF_FIELD_NUMBER: _ClassVar[int]
    handoff: Handoff
    def __init__(self, handoff: _Optional[_Union[Handoff, _Mapping]] = ...) -> None: ...

class SendHumanMessageRequest(_message.Message):
    __slots__ = ("conversation_id", "human_id", "text", "client_message_id")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    HUMAN_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    human_id: str
    text: str
    client_message_id: str
    def __init__(self, conversation_id: _Optional[str] = ..., human_id: _Optional[str] = ..., text: _Optional[str] = ..., client_message_id: _Optional[str] = ...) -> None: ...

class SendHumanMessageResponse(_message.Message):
    __slots__ = ("message",)
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    message: _types_pb2.Message
    def __init__(self, message: _Optional[_Union[_types_pb2.Message, _Mapping]] = ...) -> None: ...

class ReturnConversationRequest(_message.Message):
    __slots__ = ("conversation_id", "human_id", "agent", "note")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    HUMAN_ID_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    human_id: str
    agent: str
    note: str
    def __init__(self, conversation_id: _Optional[str] = ..., human_id: _Optional[str] = ..., agent: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ReturnConversationResponse(_message.Message):
    __slots__ = ("handoff",)
    HANDOFF_FIELD_NUMBER: _ClassVar[int]
    handoff: Handoff
    def __init__(self, handoff: _Optional[_Union[Handoff, _Mapping]] = ...) -> None: ...

class Interaction(_message.Message):
    __slots__ = ("interaction_id", "conversation_id", "user_id", "user_input", "agent_response", "agent", "create_time", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    INTERACTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USER_INPUT_FIELD_NUMBER: _ClassVar[int]
    AGENT_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    interaction_id: str
    conversation_id: str
    user_id: str
    user_input: str
    agent_response: str
    agent: str
    create_time: _timestamp_pb2.Timestamp
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, interaction_id: _Optional[str] = ..., conversation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., user_input: _Optional[str] = ..., agent_response: _Optional[str] = ..., agent: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class RecordInteractionRequest(_message.Message):
    __slots__ = ("interaction",)
    INTERACTION_FIELD_NUMBER: _ClassVar[int]
    interaction: Interaction
    def __init__(self, interaction: _Optional[_Union[Interaction, _Mapping]] = ...) -> None: ...

class RecordInteractionResponse(_message.Message):
    __slots__ = ("interaction",)
    INTERACTION_FIELD_NUMBER: _ClassVar[int]
    interaction: Interaction
    def __init__(self, interaction: _Optional[_Union[Interaction, _Mapping]] = ...) -> None: ...

class UpsertLeadRequest(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: _types_pb2.Lead
    def __init__(self, lead: _Optional[_Union[_types_pb2.Lead, _Mapping]] = ...) -> None: ...

class UpsertLeadResponse(_message.Message):
    __slots__ = ("lead", "created")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    lead: _types_pb2.Lead
    created: bool
    def __init__(self, lead: _Optional[_Union[_types_pb2.Lead, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class GetLeadRequest(_message.Message):
    __slots__ = ("lead_id",)
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    def __init__(self, lead_id: _Optional[str] = ...) -> None: ...

class ListLeadsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "min_score", "max_score", "crm_status")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    MIN_SCORE_FIELD_NUMBER: _ClassVar[int]
    MAX_SCORE_FIELD_NUMBER: _ClassVar[int]
    CRM_STATUS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    min_score: int
    max_score: int
    crm_status: _types_pb2.CrmStatus
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., min_score: _Optional[int] = ..., max_score: _Optional[int] = ..., crm_status: _Optional[_Union[_types_pb2.CrmStatus, str]] = ...) -> None: ...

class ListLeadsResponse(_message.Message):
    __slots__ = ("leads", "next_page_token")
    LEADS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    leads: _containers.RepeatedCompositeFieldContainer[_types_pb2.Lead]
    next_page_token: str
    def __init__(self, leads: _Optional[_Iterable[_Union[_types_pb2.Lead, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeleteSubjectRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class DeleteSubjectResponse(_message.Message):
    __slots__ = ("conversations_deleted", "messages_deleted", "leads_deleted", "interactions_deleted", "erasure_id", "erasure")
    CONVERSATIONS_DELETED_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_DELETED_FIELD_NUMBER: _ClassVar[int]
    LEADS_DELETED_FIELD_NUMBER: _ClassVar[int]
    INTERACTIONS_DELETED_FIELD_NUMBER: _ClassVar[int]
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    ERASURE_FIELD_NUMBER: _ClassVar[int]
    conversations_deleted: int
    messages_deleted: int
    leads_deleted: int
    interactions_deleted: int
    erasure_id: str
    erasure: Erasure
    def __init__(self, conversations_deleted: _Optional[int] = ..., messages_deleted: _Optional[int] = ..., leads_deleted: _Optional[int] = ..., interactions_deleted: _Optional[int] = ..., erasure_id: _Optional[str] = ..., erasure: _Optional[_Union[Erasure, _Mapping]] = ...) -> None: ...

class Erasure(_message.Message):
    __slots__ = ("erasure_id", "user_id", "state", "steps", "create_time", "update_time")
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    erasure_id: str
    user_id: str
    state: _types_pb2.ErasureOutcome
    steps: _containers.RepeatedCompositeFieldContainer[_types_pb2.ErasureStep]
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, erasure_id: _Optional[str] = ..., user_id: _Optional[str] = ..., state: _Optional[_Union[_types_pb2.ErasureOutcome, str]] = ..., steps: _Optional[_Iterable[_Union[_types_pb2.ErasureStep, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetErasureRequest(_message.Message):
    __slots__ = ("user_id", "erasure_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    erasure_id: str
    def __init__(self, user_id: _Optional[str] = ..., erasure_id: _Optional[str] = ...) -> None: ...

class SubjectAction(_message.Message):
    __slots__ = ("action_id", "action", "status", "conversation_id", "create_time", "update_time")
    ACTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    action_id: str
    action: _types_pb2.AgentAction
    status: str
    conversation_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, action_id: _Optional[str] = ..., action: _Optional[_Union[_types_pb2.AgentAction, _Mapping]] = ..., status: _Optional[str] = ..., conversation_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ExportSubjectRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class ExportSubjectResponse(_message.Message):
    __slots__ = ("user_id", "conversations", "leads", "interactions", "export_time", "actions", "integration_records", "erasures")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSATIONS_FIELD_NUMBER: _ClassVar[int]
    LEADS_FIELD_NUMBER: _ClassVar[int]
    INTERACTIONS_FIELD_NUMBER: _ClassVar[int]
    EXPORT_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTIONS_FIELD_NUMBER: _ClassVar[int]
    INTEGRATION_RECORDS_FIELD_NUMBER: _ClassVar[int]
    ERASURES_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    conversations: _containers.RepeatedCompositeFieldContainer[_types_pb2.Conversation]
    leads: _containers.RepeatedCompositeFieldContainer[_types_pb2.Lead]
    interactions: _containers.RepeatedCompositeFieldContainer[Interaction]
    export_time: _timestamp_pb2.Timestamp
    actions: _containers.RepeatedCompositeFieldContainer[SubjectAction]
    integration_records: _containers.RepeatedCompositeFieldContainer[_types_pb2.SubjectRecord]
    erasures: _containers.RepeatedCompositeFieldContainer[Erasure]
    def __init__(self, user_id: _Optional[str] = ..., conversations: _Optional[_Iterable[_Union[_types_pb2.Conversation, _Mapping]]] = ..., leads: _Optional[_Iterable[_Union[_types_pb2.Lead, _Mapping]]] = ..., interactions: _Optional[_Iterable[_Union[Interaction, _Mapping]]] = ..., export_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actions: _Optional[_Iterable[_Union[SubjectAction, _Mapping]]] = ..., integration_records: _Optional[_Iterable[_Union[_types_pb2.SubjectRecord, _Mapping]]] = ..., erasures: _Optional[_Iterable[_Union[Erasure, _Mapping]]] = ...) -> None: ...
