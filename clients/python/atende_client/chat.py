"""`atende chat`: talk to atende from a terminal, or from a script.

    atende chat                                   # a new conversation
    atende chat --conversation demo-1             # resume one (its messages are shown first)
    echo "Quanto custa o kit solar?" | atende chat --json

Each line read from standard input is one customer turn. The reply streams sentence by
sentence; then come its citations, the agent that answered, the lead's score (when the
turn touched a lead) and the owner when people own the conversation (a hand-off: the AI
is silent until they hand it back). `--json` prints one JSON object a line instead:
{"event": "conversation"}, one {"event": "sentence"} per sentence, {"event": "turn"} with
the whole turn, and {"event": "error"} for a turn that failed. The address and the
credential come from flags or ATENDE_ADDRESS, ATENDE_API_KEY, ATENDE_TOKEN.
Exit status: 0, or 1 when a turn (or the resume) failed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb

from atende_client.client import Client
from atende_client.errors import AtendeError, NotFound

# A sentence ends at . ! ? or … (closing quotes or brackets may follow) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+")
_PEOPLE = {types_pb2.OWNER_KIND_HUMAN_QUEUE, types_pb2.OWNER_KIND_HUMAN}


class Sentences:
    """Cuts streamed text into whole sentences as the pieces arrive."""

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, delta: str) -> Iterator[str]:
        self._pending += delta
        while match := _SENTENCE_END.search(self._pending):
            sentence, self._pending = self._pending[: match.end()].strip(), self._pending[match.end():]
            if sentence:
                yield sentence

    def rest(self) -> Iterator[str]:
        sentence, self._pending = self._pending.strip(), ""
        if sentence:
            yield sentence


def owner_kind(owner: types_pb2.ConversationOwner) -> str:
    """"agent", "human_queue" or "human" (an unset owner is an agent's)."""
    kind = owner.kind or types_pb2.OWNER_KIND_AGENT
    return types_pb2.OwnerKind.Name(kind).removeprefix("OWNER_KIND_").lower()


def turn_event(turn: cpb.SendMessageResponse) -> dict[str, Any]:
    """The whole turn as --json prints it."""
    lead = None
    if turn.HasField("lead"):
        lead = {"lead_id": turn.lead.lead_id, "score": turn.lead.score, "name": turn.lead.name, "email": turn.lead.email}
    return {
        "event": "turn",
        "conversation_id": turn.conversation_id,
        "agent": turn.reply.agent,
        "text": turn.reply.text,
        "message_id": turn.reply.message_id,
        "citations": [
            {"title": c.title, "source": c.source, "snippet": c.snippet, "document_id": c.document_id}
            for c in turn.reply.citations
        ],
        "intent": {"name": turn.intent.name, "confidence": round(turn.intent.confidence, 3), "strategy": turn.intent.strategy},
        "lead": lead,
        "owner": {"kind": owner_kind(turn.owner), "id": turn.owner.id},
        "replayed": turn.replayed,
    }


def error_event(error: AtendeError) -> dict[str, Any]:
    return {
        "event": "error",
        "code": error.code.name,
        "message": error.message,
        "field_violations": [{"field": v.field, "description": v.description} for v in error.field_violations],
    }


class Printer:
    """Writes events as text for people, or as JSON lines for scripts."""

    def __init__(self, out: TextIO, as_json: bool) -> None:
        self.out, self.as_json = out, as_json

    def _json(self, event: dict[str, Any]) -> None:
        self.out.write(json.dumps(event, ensure_ascii=False) + "\n")
        self.out.flush()

    def _line(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def conversation(self, conversation_id: str, history: types_pb2.Conversation | None) -> None:
        messages = list(history.messages) if history is not None else []
        if self.as_json:
            self._json({
                "event": "conversation",
                "conversation_id": conversation_id,
                "resumed": history is not None,
                "user_id": history.user_id if history is not None else "",
                "messages": [{"role": m.role, "agent": m.agent, "text": m.text} for m in messages],
                "owner": {"kind": owner_kind(history.owner), "id": history.owner.id} if history is not None else None,
            })
            return
        state = f"resumed, {len(messages)} messages" if history is not None else "new"
        self._line(f"conversation {conversation_id} ({state})")
        for message in messages:
            self._line(f"  {message.agent or message.role}: {message.text}")

    def sentence(self, text: str) -> None:
        if self.as_json:
            self._json({"event": "sentence", "text": text})
        else:
            self._line(f"> {text}")

    def turn(self, turn: cpb.SendMessageResponse) -> None:
        if self.as_json:
            self._json(turn_event(turn))
            return
        for number, citation in enumerate(turn.reply.citations, 1):
            self._line(f"  [{number}] {citation.title or citation.source} ({citation.source})")
        if turn.reply.agent:
            replayed = "  (replayed: this message id was sent before)" if turn.replayed else ""
            self._line(f"  agent: {turn.reply.agent}{replayed}")
        if turn.HasField("lead"):
            self._line(f"  lead {turn.lead.lead_id}: score {turn.lead.score}")
        if turn.owner.kind in _PEOPLE:
            if turn.owner.kind == types_pb2.OWNER_KIND_HUMAN_QUEUE:
                self._line(f"  owner: people (waiting in queue {turn.owner.id or 'default'!r}); "
                           "a person answers once they take the conversation")
            else:
                self._line(f"  owner: people (with {turn.owner.id}); they answer from now on, the AI does not")

    def error(self, error: AtendeError) -> None:
        if self.as_json:
            self._json(error_event(error))
        else:
            sys.stderr.write(f"error: {error}\n")


def run_turn(client: Client, printer: Printer, conversation_id: str, user_id: str, channel: str, text: str) -> bool:
    """One line of input as a streamed turn; False when it failed."""
    sentences = Sentences()
    try:
        for piece in client.stream_message(conversation_id, text, user_id=user_id, channel=channel):
            for sentence in sentences.feed(piece.delta):
                printer.sentence(sentence)
            if piece.HasField("final"):
                for sentence in sentences.rest():
                    printer.sentence(sentence)
                printer.turn(piece.final)
    except AtendeError as error:
        printer.error(error)
        return False
    return True


def chat(args: argparse.Namespace, lines: TextIO, out: TextIO) -> int:
    printer = Printer(out, args.json)
    root_certificates = Path(args.cacert).read_bytes() if args.cacert else None
    with Client(args.address, api_key=args.api_key, token=args.token, tls=args.tls or bool(args.cacert),
                root_certificates=root_certificates, timeout=args.timeout) as client:
        conversation_id = args.conversation or f"chat-{uuid.uuid4().hex[:12]}"
        history: types_pb2.Conversation | None = None
        if args.conversation:
            try:
                history = client.get_conversation(conversation_id)
            except NotFound:
                history = None  # a new conversation under the id the user chose
            except AtendeError as error:
                printer.error(error)
                return 1
        user_id = args.user or (history.user_id if history is not None and history.user_id else "chat-user")
        printer.conversation(conversation_id, history)
        interactive = lines.isatty() and not args.json
        failed = False
        while True:
            if interactive:
                out.write("you> ")
                out.flush()
            line = lines.readline()
            if not line:
                break
            text = line.strip()
            if text in ("/quit", "/exit"):
                break
            if text and not run_turn(client, printer, conversation_id, user_id, args.channel, text):
                failed = True
    return 1 if failed else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="atende", description="atende's command line client.")
    commands = top.add_subparsers(dest="command", required=True)
    chat_command = commands.add_parser(
        "chat", help="hold a conversation (one turn per line of standard input)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    chat_command.add_argument("--address", help="the gateway's host:port (default: ATENDE_ADDRESS, else localhost:8080)")
    chat_command.add_argument("--api-key", help="x-api-key (default: ATENDE_API_KEY)")
    chat_command.add_argument("--token", help="a bearer token instead of a key (default: ATENDE_TOKEN)")
    chat_command.add_argument("--tls", action="store_true", help="TLS to the gateway (its :8443), checked with the system's CAs")
    chat_command.add_argument("--cacert", help="PEM file of the CA that signed the gateway's certificate (implies --tls)")
    chat_command.add_argument("--conversation", help="resume this conversation (or start one with this id)")
    chat_command.add_argument("--user", help="the customer's user id (default: the resumed conversation's, else chat-user)")
    chat_command.add_argument("--channel", default="api", choices=["api", "web", "whatsapp", "email"], help="default api")
    chat_command.add_argument("--timeout", type=float, default=60.0, help="seconds per turn (default 60)")
    chat_command.add_argument("--json", action="store_true", help="one JSON object a line, for scripts")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.timeout <= 0:
        parser().error("--timeout must be positive")
    try:
        return chat(args, sys.stdin, sys.stdout)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
