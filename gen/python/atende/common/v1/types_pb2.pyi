import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Message(_message.Message):
    __slots__ = ("message_id", "conversation_id", "role", "text", "agent", "channel", "intent", "create_time", "client_message_id", "metadata", "citations")
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
    def __init__(self, message_id: _Optional[str] = ..., conversation_id: _Optional[str] = ..., role: _Optional[str] = ..., text: _Optional[str] = ..., agent: _Optional[str] = ..., channel: _Optional[str] = ..., intent: _Optional[_Union[Intent, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., client_message_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ..., citations: _Optional[_Iterable[_Union[Citation, _Mapping]]] = ...) -> None: ...

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
    __slots__ = ("lead_id", "user_id", "name", "email", "phone", "company", "score", "qualification", "source", "crm_status", "crm_id", "conversation_id", "create_time", "update_time")
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
    crm_status: str
    crm_id: str
    conversation_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, lead_id: _Optional[str] = ..., user_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., company: _Optional[str] = ..., score: _Optional[int] = ..., qualification: _Optional[_Union[BantQualification, _Mapping]] = ..., source: _Optional[str] = ..., crm_status: _Optional[str] = ..., crm_id: _Optional[str] = ..., conversation_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
