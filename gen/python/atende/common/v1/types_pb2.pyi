import datetime

from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OwnerKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OWNER_KIND_UNSPECIFIED: _ClassVar[OwnerKind]
    OWNER_KIND_AGENT: _ClassVar[OwnerKind]
    OWNER_KIND_HUMAN_QUEUE: _ClassVar[OwnerKind]
    OWNER_KIND_HUMAN: _ClassVar[OwnerKind]

class CrmStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CRM_STATUS_UNSPECIFIED: _ClassVar[CrmStatus]
    CRM_STATUS_NEW: _ClassVar[CrmStatus]
    CRM_STATUS_PENDING: _ClassVar[CrmStatus]
    CRM_STATUS_SYNCED: _ClassVar[CrmStatus]
    CRM_STATUS_FAILED: _ClassVar[CrmStatus]

class ErasureOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ERASURE_OUTCOME_UNSPECIFIED: _ClassVar[ErasureOutcome]
    ERASURE_OUTCOME_DONE: _ClassVar[ErasureOutcome]
    ERASURE_OUTCOME_PENDING: _ClassVar[ErasureOutcome]
    ERASURE_OUTCOME_FAILED: _ClassVar[ErasureOutcome]
    ERASURE_OUTCOME_NOT_CONFIGURED: _ClassVar[ErasureOutcome]
OWNER_KIND_UNSPECIFIED: OwnerKind
OWNER_KIND_AGENT: OwnerKind
OWNER_KIND_HUMAN_QUEUE: OwnerKind
OWNER_KIND_HUMAN: OwnerKind
CRM_STATUS_UNSPECIFIED: CrmStatus
CRM_STATUS_NEW: CrmStatus
CRM_STATUS_PENDING: CrmStatus
CRM_STATUS_SYNCED: CrmStatus
CRM_STATUS_FAILED: CrmStatus
ERASURE_OUTCOME_UNSPECIFIED: ErasureOutcome
ERASURE_OUTCOME_DONE: ErasureOutcome
ERASURE_OUTCOME_PENDING: ErasureOutcome
ERASURE_OUTCOME_FAILED: ErasureOutcome
ERASURE_OUTCOME_NOT_CONFIGURED: ErasureOutcome

class Message(_message.Message):
    __slots__ = ("message_id", "conversation_id", "role", "text", "agent", "channel", "intent", "create_time", "client_message_id", "metadata", "citations", "guardrails")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    INTENT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    GUARDRAILS_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    conversation_id: str
    role: str
    text: str
    agent: str
    channel: str
    intent: Intent
    create_time: _timestamp_pb2.Timestamp
    client_message_id: str
    metadata: _containers.ScalarMap[str, str]
    citations: _containers.RepeatedCompositeFieldContainer[Citation]
    guardrails: _containers.RepeatedCompositeFieldContainer[GuardrailAction]
    def __init__(self, message_id: _Optional[str] = ..., conversation_id: _Optional[str] = ..., role: _Optional[str] = ..., text: _Optional[str] = ..., agent: _Optional[str] = ..., channel: _Optional[str] = ..., intent: _Optional[_Union[Intent, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., client_message_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ..., citations: _Optional[_Iterable[_Union[Citation, _Mapping]]] = ..., guardrails: _Optional[_Iterable[_Union[GuardrailAction, _Mapping]]] = ...) -> None: ...

class Intent(_message.Message):
    __slots__ = ("name", "confidence", "agent", "strategy")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    name: str
    confidence: float
    agent: str
    strategy: str
    def __init__(self, name: _Optional[str] = ..., confidence: _Optional[float] = ..., agent: _Optional[str] = ..., strategy: _Optional[str] = ...) -> None: ...

class Citation(_message.Message):
    __slots__ = ("source", "title", "snippet", "document_id")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SNIPPET_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    source: str
    title: str
    snippet: str
    document_id: str
    def __init__(self, source: _Optional[str] = ..., title: _Optional[str] = ..., snippet: _Optional[str] = ..., document_id: _Optional[str] = ...) -> None: ...

class GuardrailAction(_message.Message):
    __slots__ = ("check", "action", "detail")
    CHECK_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    check: str
    action: str
    detail: str
    def __init__(self, check: _Optional[str] = ..., action: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class BantQualification(_message.Message):
    __slots__ = ("budget", "authority", "need", "timeline")
    BUDGET_FIELD_NUMBER: _ClassVar[int]
    AUTHORITY_FIELD_NUMBER: _ClassVar[int]
    NEED_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    budget: str
    authority: str
    need: str
    timeline: str
    def __init__(self, budget: _Optional[str] = ..., authority: _Optional[str] = ..., need: _Optional[str] = ..., timeline: _Optional[str] = ...) -> None: ...

class Lead(_message.Message):
    __slots__ = ("lead_id", "user_id", "name", "email", "phone", "company", "score", "qualification", "source", "crm_status", "crm_id", "crm_error", "conversation_id", "create_time", "update_time")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CRM_STATUS_FIELD_NUMBER: _ClassVar[int]
    CRM_ID_FIELD_NUMBER: _ClassVar[int]
    CRM_ERROR_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    user_id: str
    name: str
    email: str
    phone: str
    company: str
    score: int
    qualification: BantQualification
    source: str
    crm_status: CrmStatus
    crm_id: str
    crm_error: str
    conversation_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, lead_id: _Optional[str] = ..., user_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., company: _Optional[str] = ..., score: _Optional[int] = ..., qualification: _Optional[_Union[BantQualification, _Mapping]] = ..., source: _Optional[str] = ..., crm_status: _Optional[_Union[CrmStatus, str]] = ..., crm_id: _Optional[str] = ..., crm_error: _Optional[str] = ..., conversation_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ConversationOwner(_message.Message):
    __slots__ = ("kind", "id", "since")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    kind: OwnerKind
    id: str
    since: _timestamp_pb2.Timestamp
    def __init__(self, kind: _Optional[_Union[OwnerKind, str]] = ..., id: _Optional[str] = ..., since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TranscriptLine(_message.Message):
    __slots__ = ("role", "agent", "text")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    role: str
    agent: str
    text: str
    def __init__(self, role: _Optional[str] = ..., agent: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class HandoffPacket(_message.Message):
    __slots__ = ("reason", "summary", "sentiment", "qualification", "citations", "transcript", "from_agent", "language", "customer_name", "queue")
    REASON_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    SENTIMENT_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    TRANSCRIPT_FIELD_NUMBER: _ClassVar[int]
    FROM_AGENT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    reason: str
    summary: str
    sentiment: str
    qualification: BantQualification
    citations: _containers.RepeatedCompositeFieldContainer[Citation]
    transcript: _containers.RepeatedCompositeFieldContainer[TranscriptLine]
    from_agent: str
    language: str
    customer_name: str
    queue: str
    def __init__(self, reason: _Optional[str] = ..., summary: _Optional[str] = ..., sentiment: _Optional[str] = ..., qualification: _Optional[_Union[BantQualification, _Mapping]] = ..., citations: _Optional[_Iterable[_Union[Citation, _Mapping]]] = ..., transcript: _Optional[_Iterable[_Union[TranscriptLine, _Mapping]]] = ..., from_agent: _Optional[str] = ..., language: _Optional[str] = ..., customer_name: _Optional[str] = ..., queue: _Optional[str] = ...) -> None: ...

class Conversation(_message.Message):
    __slots__ = ("conversation_id", "user_id", "channel", "agent", "messages", "create_time", "update_time", "owner", "handoff")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    HANDOFF_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    user_id: str
    channel: str
    agent: str
    messages: _containers.RepeatedCompositeFieldContainer[Message]
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    owner: ConversationOwner
    handoff: HandoffPacket
    def __init__(self, conversation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., channel: _Optional[str] = ..., agent: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[Message, _Mapping]]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., owner: _Optional[_Union[ConversationOwner, _Mapping]] = ..., handoff: _Optional[_Union[HandoffPacket, _Mapping]] = ...) -> None: ...

class AgentAction(_message.Message):
    __slots__ = ("sync_lead", "send_email", "book_meeting", "track_event", "escalate")
    SYNC_LEAD_FIELD_NUMBER: _ClassVar[int]
    SEND_EMAIL_FIELD_NUMBER: _ClassVar[int]
    BOOK_MEETING_FIELD_NUMBER: _ClassVar[int]
    TRACK_EVENT_FIELD_NUMBER: _ClassVar[int]
    ESCALATE_FIELD_NUMBER: _ClassVar[int]
    sync_lead: SyncLeadAction
    send_email: SendEmailAction
    book_meeting: BookMeetingAction
    track_event: TrackEventAction
    escalate: EscalateAction
    def __init__(self, sync_lead: _Optional[_Union[SyncLeadAction, _Mapping]] = ..., send_email: _Optional[_Union[SendEmailAction, _Mapping]] = ..., book_meeting: _Optional[_Union[BookMeetingAction, _Mapping]] = ..., track_event: _Optional[_Union[TrackEventAction, _Mapping]] = ..., escalate: _Optional[_Union[EscalateAction, _Mapping]] = ...) -> None: ...

class SyncLeadAction(_message.Message):
    __slots__ = ("consent_source",)
    CONSENT_SOURCE_FIELD_NUMBER: _ClassVar[int]
    consent_source: str
    def __init__(self, consent_source: _Optional[str] = ...) -> None: ...

class SendEmailAction(_message.Message):
    __slots__ = ("to", "template", "language", "variables")
    class VariablesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TO_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    VARIABLES_FIELD_NUMBER: _ClassVar[int]
    to: str
    template: str
    language: str
    variables: _containers.ScalarMap[str, str]
    def __init__(self, to: _Optional[str] = ..., template: _Optional[str] = ..., language: _Optional[str] = ..., variables: _Optional[_Mapping[str, str]] = ...) -> None: ...

class BookMeetingAction(_message.Message):
    __slots__ = ("attendee_email", "attendee_name", "start_time", "duration_minutes", "title", "requested_time")
    ATTENDEE_EMAIL_FIELD_NUMBER: _ClassVar[int]
    ATTENDEE_NAME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    DURATION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_TIME_FIELD_NUMBER: _ClassVar[int]
    attendee_email: str
    attendee_name: str
    start_time: _timestamp_pb2.Timestamp
    duration_minutes: int
    title: str
    requested_time: str
    def __init__(self, attendee_email: _Optional[str] = ..., attendee_name: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., duration_minutes: _Optional[int] = ..., title: _Optional[str] = ..., requested_time: _Optional[str] = ...) -> None: ...

class TrackEventAction(_message.Message):
    __slots__ = ("event", "properties")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    EVENT_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    event: str
    properties: _containers.ScalarMap[str, str]
    def __init__(self, event: _Optional[str] = ..., properties: _Optional[_Mapping[str, str]] = ...) -> None: ...

class EscalateAction(_message.Message):
    __slots__ = ("packet",)
    PACKET_FIELD_NUMBER: _ClassVar[int]
    packet: HandoffPacket
    def __init__(self, packet: _Optional[_Union[HandoffPacket, _Mapping]] = ...) -> None: ...

class ErasureStep(_message.Message):
    __slots__ = ("store", "outcome", "detail", "job_id", "update_time", "next_attempt_time")
    STORE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    NEXT_ATTEMPT_TIME_FIELD_NUMBER: _ClassVar[int]
    store: str
    outcome: ErasureOutcome
    detail: str
    job_id: str
    update_time: _timestamp_pb2.Timestamp
    next_attempt_time: _timestamp_pb2.Timestamp
    def __init__(self, store: _Optional[str] = ..., outcome: _Optional[_Union[ErasureOutcome, str]] = ..., detail: _Optional[str] = ..., job_id: _Optional[str] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., next_attempt_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SubjectRecord(_message.Message):
    __slots__ = ("store", "record_id", "data", "create_time", "update_time")
    STORE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    store: str
    record_id: str
    data: _struct_pb2.Struct
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, store: _Optional[str] = ..., record_id: _Optional[str] = ..., data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
