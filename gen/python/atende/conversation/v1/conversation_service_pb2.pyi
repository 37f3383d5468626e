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

class SendMessageRequest(_message.Message):
    __slots__ = ("conversation_id", "user_id", "text", "channel", "client_message_id", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CLIENT_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    user_id: str
    text: str
    channel: str
    client_message_id: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, conversation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., text: _Optional[str] = ..., channel: _Optional[str] = ..., client_message_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SendMessageResponse(_message.Message):
    __slots__ = ("conversation_id", "reply", "intent", "lead", "replayed", "owner")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    REPLY_FIELD_NUMBER: _ClassVar[int]
    INTENT_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    REPLAYED_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    reply: Reply
    intent: _types_pb2.Intent
    lead: _types_pb2.Lead
    replayed: bool
    owner: _types_pb2.ConversationOwner
    def __init__(self, conversation_id: _Optional[str] = ..., reply: _Optional[_Union[Reply, _Mapping]] = ..., intent: _Optional[_Union[_types_pb2.Intent, _Mapping]] = ..., lead: _Optional[_Union[_types_pb2.Lead, _Mapping]] = ..., replayed: _Optional[bool] = ..., owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ...) -> None: ...

class Reply(_message.Message):
    __slots__ = ("text", "agent", "citations", "guardrails", "message_id", "create_time")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    GUARDRAILS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    text: str
    agent: str
    citations: _containers.RepeatedCompositeFieldContainer[_types_pb2.Citation]
    guardrails: _containers.RepeatedCompositeFieldContainer[_types_pb2.GuardrailAction]
    message_id: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, text: _Optional[str] = ..., agent: _Optional[str] = ..., citations: _Optional[_Iterable[_Union[_types_pb2.Citation, _Mapping]]] = ..., guardrails: _Optional[_Iterable[_Union[_types_pb2.GuardrailAction, _Mapping]]] = ..., message_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StreamMessageRequest(_message.Message):
    __slots__ = ("conversation_id", "user_id", "text", "channel", "client_message_id", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CLIENT_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    user_id: str
    text: str
    channel: str
    client_message_id: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, conversation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., text: _Optional[str] = ..., channel: _Optional[str] = ..., client_message_id: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StreamMessageResponse(_message.Message):
    __slots__ = ("delta", "final")
    DELTA_FIELD_NUMBER: _ClassVar[int]
    FINAL_FIELD_NUMBER: _ClassVar[int]
    delta: str
    final: SendMessageResponse
    def __init__(self, delta: _Optional[str] = ..., final: _Optional[_Union[SendMessageResponse, _Mapping]] = ...) -> None: ...

class GetConversationRequest(_message.Message):
    __slots__ = ("conversation_id",)
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    def __init__(self, conversation_id: _Optional[str] = ...) -> None: ...

class ClassifyIntentRequest(_message.Message):
    __slots__ = ("text", "conversation_id")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    text: str
    conversation_id: str
    def __init__(self, text: _Optional[str] = ..., conversation_id: _Optional[str] = ...) -> None: ...

class ClassifyIntentResponse(_message.Message):
    __slots__ = ("agent", "intent", "confidence", "strategy")
    AGENT_FIELD_NUMBER: _ClassVar[int]
    INTENT_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    agent: str
    intent: str
    confidence: float
    strategy: str
    def __init__(self, agent: _Optional[str] = ..., intent: _Optional[str] = ..., confidence: _Optional[float] = ..., strategy: _Optional[str] = ...) -> None: ...

class CheckGuardrailsRequest(_message.Message):
    __slots__ = ("text", "stage")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    text: str
    stage: str
    def __init__(self, text: _Optional[str] = ..., stage: _Optional[str] = ...) -> None: ...

class CheckGuardrailsResponse(_message.Message):
    __slots__ = ("allowed", "findings", "redacted_text")
    ALLOWED_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    REDACTED_TEXT_FIELD_NUMBER: _ClassVar[int]
    allowed: bool
    findings: _containers.RepeatedCompositeFieldContainer[GuardrailFinding]
    redacted_text: str
    def __init__(self, allowed: _Optional[bool] = ..., findings: _Optional[_Iterable[_Union[GuardrailFinding, _Mapping]]] = ..., redacted_text: _Optional[str] = ...) -> None: ...

class GuardrailFinding(_message.Message):
    __slots__ = ("check", "kind", "start", "end")
    CHECK_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    check: str
    kind: str
    start: int
    end: int
    def __init__(self, check: _Optional[str] = ..., kind: _Optional[str] = ..., start: _Optional[int] = ..., end: _Optional[int] = ...) -> None: ...
