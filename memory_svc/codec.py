"""Messages as atende.common.v1.Message protobufs: what the API returns and what the
Redis list holds, so a hot read hands stored bytes to the response without decoding
them. (protobuf only: nothing here imports grpc.)"""

from __future__ import annotations

import struct
from datetime import datetime

from atende.common.v1 import types_pb2
from google.protobuf.timestamp_pb2 import Timestamp

from memory_svc.models import StoredMessage, micros


def timestamp(moment: datetime) -> Timestamp:
    value = micros(moment)
    return Timestamp(seconds=value // 1_000_000, nanos=(value % 1_000_000) * 1000)


def message_pb(m: StoredMessage) -> types_pb2.Message:
    out = types_pb2.Message(
        message_id=m.message_id,
        conversation_id=m.conversation_id,
        role=m.role,
        text=m.text,
        agent=m.agent,
        channel=m.channel,
        create_time=timestamp(m.create_time),
        client_message_id=m.client_message_id,
        metadata=m.metadata,
    )
    if m.intent is not None:
        intent = out.intent
        intent.name, intent.confidence = m.intent.name, m.intent.confidence
        intent.agent, intent.strategy = m.intent.agent, m.intent.strategy
    for c in m.citations:
        out.citations.add(source=c.source, title=c.title, snippet=c.snippet, document_id=c.document_id)
    for g in m.guardrails:
        out.guardrails.add(check=g.check, action=g.action, detail=g.detail)
    return out


def serialize(m: StoredMessage) -> bytes:
    return message_pb(m).SerializeToString()


# The Redis list joins messages as frames: a 4-byte big-endian length, then the
# serialized message. (Format 1 used varint lengths; cache.py names its keys after the
# format, so entries of one are never read as the other.)
_LENGTH = struct.Struct(">I")


def frame(body: bytes) -> bytes:
    """A serialized message prefixed with its length, so frames can be joined."""
    return _LENGTH.pack(len(body)) + body


def unframe(blob: bytes) -> list[bytes]:
    """Splits joined frames back into serialized messages. Raises ValueError when the
    blob is not a whole number of frames."""
    out: list[bytes] = []
    at, end = 0, len(blob)
    unpack = _LENGTH.unpack_from
    try:
        while at < end:
            (size,) = unpack(blob, at)
            at += 4 + size
            out.append(blob[at - size : at])
    except struct.error:
        raise ValueError("a frame's length is cut short") from None
    if at != end:
        raise ValueError("a frame is cut short")
    return out
