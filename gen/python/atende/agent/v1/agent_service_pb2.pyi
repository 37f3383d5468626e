from atende.common.v1 import access_pb2 as _access_pb2
from atende.common.v1 import types_pb2 as _types_pb2
from atende.knowledge.v1 import knowledge_service_pb2 as _knowledge_service_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GenerateReplyRequest(_message.Message):
    __slots__ = ("agent", "conversation_id", "user_id", "text", "channel", "history", "summary", "intent", "lead", "language", "text_embedding", "out_of_scope")
    AGENT_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    INTENT_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TEXT_EMBEDDING_FIELD_NUMBER: _ClassVar[int]
    OUT_OF_SCOPE_FIELD_NUMBER: _ClassVar[int]
    agent: str
    conversation_id: str
    user_id: str
    text: str
    channel: str
    history: _containers.RepeatedCompositeFieldContainer[_types_pb2.Message]
    summary: str
    intent: _types_pb2.Intent
    lead: _types_pb2.Lead
    language: str
    text_embedding: _knowledge_service_pb2.QueryEmbedding
    out_of_scope: bool
    def __init__(self, agent: _Optional[str] = ..., conversation_id: _Optional[str] = ..., user_id: _Optional[str] = ..., text: _Optional[str] = ..., channel: _Optional[str] = ..., history: _Optional[_Iterable[_Union[_types_pb2.Message, _Mapping]]] = ..., summary: _Optional[str] = ..., intent: _Optional[_Union[_types_pb2.Intent, _Mapping]] = ..., lead: _Optional[_Union[_types_pb2.Lead, _Mapping]] = ..., language: _Optional[str] = ..., text_embedding: _Optional[_Union[_knowledge_service_pb2.QueryEmbedding, _Mapping]] = ..., out_of_scope: _Optional[bool] = ...) -> None: ...

class GenerateReplyResponse(_message.Message):
    __slots__ = ("text", "agent", "citations", "guardrails", "lead_update", "actions", "provider", "model", "usage")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    GUARDRAILS_FIELD_NUMBER: _ClassVar[int]
    LEAD_UPDATE_FIELD_NUMBER: _ClassVar[int]
    ACTIONS_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    USAGE_FIELD_NUMBER: _ClassVar[int]
    text: str
    agent: str
    citations: _containers.RepeatedCompositeFieldContainer[_types_pb2.Citation]
    guardrails: _containers.RepeatedCompositeFieldContainer[_types_pb2.GuardrailAction]
    lead_update: LeadUpdate
    actions: _containers.RepeatedCompositeFieldContainer[_types_pb2.AgentAction]
    provider: str
    model: str
    usage: LlmUsage
    def __init__(self, text: _Optional[str] = ..., agent: _Optional[str] = ..., citations: _Optional[_Iterable[_Union[_types_pb2.Citation, _Mapping]]] = ..., guardrails: _Optional[_Iterable[_Union[_types_pb2.GuardrailAction, _Mapping]]] = ..., lead_update: _Optional[_Union[LeadUpdate, _Mapping]] = ..., actions: _Optional[_Iterable[_Union[_types_pb2.AgentAction, _Mapping]]] = ..., provider: _Optional[str] = ..., model: _Optional[str] = ..., usage: _Optional[_Union[LlmUsage, _Mapping]] = ...) -> None: ...

class LlmUsage(_message.Message):
    __slots__ = ("calls", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "cost_usd", "llm_ms")
    CALLS_FIELD_NUMBER: _ClassVar[int]
    INPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    CACHE_READ_TOKENS_FIELD_NUMBER: _ClassVar[int]
    CACHE_WRITE_TOKENS_FIELD_NUMBER: _ClassVar[int]
    COST_USD_FIELD_NUMBER: _ClassVar[int]
    LLM_MS_FIELD_NUMBER: _ClassVar[int]
    calls: int
    input_tokens: int
    output_tokens: int
    cache_read_tokens: int
    cache_write_tokens: int
    cost_usd: float
    llm_ms: float
    def __init__(self, calls: _Optional[int] = ..., input_tokens: _Optional[int] = ..., output_tokens: _Optional[int] = ..., cache_read_tokens: _Optional[int] = ..., cache_write_tokens: _Optional[int] = ..., cost_usd: _Optional[float] = ..., llm_ms: _Optional[float] = ...) -> None: ...

class LeadUpdate(_message.Message):
    __slots__ = ("name", "email", "phone", "company", "qualification", "score")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    name: str
    email: str
    phone: str
    company: str
    qualification: _types_pb2.BantQualification
    score: int
    def __init__(self, name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., company: _Optional[str] = ..., qualification: _Optional[_Union[_types_pb2.BantQualification, _Mapping]] = ..., score: _Optional[int] = ...) -> None: ...

class StreamReplyRequest(_message.Message):
    __slots__ = ("request",)
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: GenerateReplyRequest
    def __init__(self, request: _Optional[_Union[GenerateReplyRequest, _Mapping]] = ...) -> None: ...

class StreamReplyResponse(_message.Message):
    __slots__ = ("delta", "final")
    DELTA_FIELD_NUMBER: _ClassVar[int]
    FINAL_FIELD_NUMBER: _ClassVar[int]
    delta: str
    final: GenerateReplyResponse
    def __init__(self, delta: _Optional[str] = ..., final: _Optional[_Union[GenerateReplyResponse, _Mapping]] = ...) -> None: ...

class ClassifyTextRequest(_message.Message):
    __slots__ = ("text", "history", "labels", "current_agent")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_AGENT_FIELD_NUMBER: _ClassVar[int]
    text: str
    history: _containers.RepeatedScalarFieldContainer[str]
    labels: _containers.RepeatedCompositeFieldContainer[ClassLabel]
    current_agent: str
    def __init__(self, text: _Optional[str] = ..., history: _Optional[_Iterable[str]] = ..., labels: _Optional[_Iterable[_Union[ClassLabel, _Mapping]]] = ..., current_agent: _Optional[str] = ...) -> None: ...

class ClassLabel(_message.Message):
    __slots__ = ("name", "description", "examples")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    examples: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., examples: _Optional[_Iterable[str]] = ...) -> None: ...

class ClassifyTextResponse(_message.Message):
    __slots__ = ("label", "confidence", "provider", "model", "usage")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    USAGE_FIELD_NUMBER: _ClassVar[int]
    label: str
    confidence: float
    provider: str
    model: str
    usage: LlmUsage
    def __init__(self, label: _Optional[str] = ..., confidence: _Optional[float] = ..., provider: _Optional[str] = ..., model: _Optional[str] = ..., usage: _Optional[_Union[LlmUsage, _Mapping]] = ...) -> None: ...

class ListAgentsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListAgentsResponse(_message.Message):
    __slots__ = ("agents",)
    AGENTS_FIELD_NUMBER: _ClassVar[int]
    agents: _containers.RepeatedCompositeFieldContainer[AgentInfo]
    def __init__(self, agents: _Optional[_Iterable[_Union[AgentInfo, _Mapping]]] = ...) -> None: ...

class AgentInfo(_message.Message):
    __slots__ = ("name", "description", "built_in", "provider", "tools", "knowledge_collection")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    BUILT_IN_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    TOOLS_FIELD_NUMBER: _ClassVar[int]
    KNOWLEDGE_COLLECTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    built_in: bool
    provider: str
    tools: _containers.RepeatedScalarFieldContainer[str]
    knowledge_collection: str
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., built_in: _Optional[bool] = ..., provider: _Optional[str] = ..., tools: _Optional[_Iterable[str]] = ..., knowledge_collection: _Optional[str] = ...) -> None: ...
