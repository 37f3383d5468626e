import datetime

from atende.common.v1 import access_pb2 as _access_pb2
from atende.common.v1 import types_pb2 as _types_pb2
from atende.memory.v1 import memory_service_pb2 as _memory_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WatchConversationRequest(_message.Message):
    __slots__ = ("conversation_id", "after_message_id")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    after_message_id: str
    def __init__(self, conversation_id: _Optional[str] = ..., after_message_id: _Optional[str] = ...) -> None: ...

class WatchConversationResponse(_message.Message):
    __slots__ = ("message", "owner", "typing", "heartbeat")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    TYPING_FIELD_NUMBER: _ClassVar[int]
    HEARTBEAT_FIELD_NUMBER: _ClassVar[int]
    message: _types_pb2.Message
    owner: _types_pb2.ConversationOwner
    typing: Typing
    heartbeat: Heartbeat
    def __init__(self, message: _Optional[_Union[_types_pb2.Message, _Mapping]] = ..., owner: _Optional[_Union[_types_pb2.ConversationOwner, _Mapping]] = ..., typing: _Optional[_Union[Typing, _Mapping]] = ..., heartbeat: _Optional[_Union[Heartbeat, _Mapping]] = ...) -> None: ...

class Typing(_message.Message):
    __slots__ = ("role", "name", "active")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    role: str
    name: str
    active: bool
    def __init__(self, role: _Optional[str] = ..., name: _Optional[str] = ..., active: _Optional[bool] = ...) -> None: ...

class Heartbeat(_message.Message):
    __slots__ = ("time",)
    TIME_FIELD_NUMBER: _ClassVar[int]
    time: _timestamp_pb2.Timestamp
    def __init__(self, time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WatchHandoffsRequest(_message.Message):
    __slots__ = ("queue", "include_claimed")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_CLAIMED_FIELD_NUMBER: _ClassVar[int]
    queue: str
    include_claimed: bool
    def __init__(self, queue: _Optional[str] = ..., include_claimed: _Optional[bool] = ...) -> None: ...

class WatchHandoffsResponse(_message.Message):
    __slots__ = ("handoffs", "heartbeat")
    HANDOFFS_FIELD_NUMBER: _ClassVar[int]
    HEARTBEAT_FIELD_NUMBER: _ClassVar[int]
    handoffs: _containers.RepeatedCompositeFieldContainer[_memory_service_pb2.Handoff]
    heartbeat: bool
    def __init__(self, handoffs: _Optional[_Iterable[_Union[_memory_service_pb2.Handoff, _Mapping]]] = ..., heartbeat: _Optional[bool] = ...) -> None: ...

class SendTypingRequest(_message.Message):
    __slots__ = ("conversation_id", "active")
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    conversation_id: str
    active: bool
    def __init__(self, conversation_id: _Optional[str] = ..., active: _Optional[bool] = ...) -> None: ...

class SendTypingResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
