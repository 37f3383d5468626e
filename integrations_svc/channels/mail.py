"""E-mail in: SendGrid Inbound Parse's form read into one message, its threading
headers, whether it was written by a machine, and its new text without the quoted
history and the signature."""

from __future__ import annotations

import email.parser
import email.policy
import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from email.message import Message

MAX_TEXT = 8000
_IDS = re.compile(r"<[^<>\s]{1,250}>")
# Lines that start the quoted history in the usual clients (pt and en).
_QUOTE_HEADERS = (
    re.compile(r"^\s*(em|on)\s.{0,200}(escreveu|wrote)\s*:?\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(original message|mensagem original|forwarded message|mensagem encaminhada)\s*-{2,}\s*$",
               re.IGNORECASE),
    re.compile(r"^\s*(de|from)\s*:\s.+$", re.IGNORECASE),
    re.compile(r"^_{10,}\s*$"),
)
_SIGNATURE_STARTS = (
    re.compile(r"^--\s?$"),
    re.compile(r"^\s*(enviado do meu|sent from my|enviado de meu|get outlook for)\b", re.IGNORECASE),
)
_AUTO_SUBJECT = re.compile(
    r"^\s*(auto(matic)?[ -]?reply|resposta autom[aá]tica|out of (the )?office|aus(ê|e)ncia|fora do escrit[oó]rio"
    r"|undeliverable|delivery status notification|mail delivery failed|returned mail|n[aã]o entregue)",
    re.IGNORECASE,
)
_MACHINE_SENDERS = re.compile(r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@.-]|$)", re.IGNORECASE)


class BadEmail(ValueError):
    """The form is not an Inbound Parse delivery (answered 400)."""


@dataclass(frozen=True)
class InboundEmail:
    message_id: str
    sender: str
    sender_name: str
    to: str
    subject: str
    text: str
    in_reply_to: str
    references: list[str] = field(default_factory=list)
    # Why no reply must go out (an auto-reply, a bounce, a list), or "".
    machine: str = ""

    def thread_ids(self) -> list[str]:
        """The ids this message answers, nearest first."""
        ids = [self.in_reply_to] if self.in_reply_to else []
        return ids + [ref for ref in reversed(self.references) if ref not in ids]


def _headers(raw: str) -> Message:
    return email.parser.HeaderParser(policy=email.policy.compat32).parsestr(raw or "")


def _ids(value: str | None) -> list[str]:
    return _IDS.findall(value or "")


def machine_reason(headers: Message, sender: str, subject: str) -> str:
    """Why the message came from a machine and must not be answered, or ""."""
    auto = (headers.get("Auto-Submitted") or "").strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    if headers.get("X-Autoreply") or headers.get("X-Autorespond") or headers.get("X-Auto-Response-Suppress"):
        return "an auto-responder's header"
    precedence = (headers.get("Precedence") or "").strip().lower()
    if precedence in ("bulk", "auto_reply", "junk", "list"):
        return f"Precedence: {precedence}"
    if headers.get("List-Id") or headers.get("List-Unsubscribe"):
        return "a mailing list"
    return_path = headers.get("Return-Path")
    if return_path is not None and return_path.strip() in ("<>", ""):
        return "Return-Path <> (a bounce)"
    if _MACHINE_SENDERS.match(sender):
        return f"a machine's address ({sender.split('@')[0]})"
    if _AUTO_SUBJECT.match(subject):
        return "an automatic reply's subject"
    return ""


def strip_reply(text: str) -> str:
    """The new text of a reply: up to the quoted history or the signature."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.lstrip().startswith(">"):
            break
        if any(p.match(line) for p in _QUOTE_HEADERS) or any(p.match(line) for p in _SIGNATURE_STARTS):
            break
        kept.append(line)
    return "\n".join(kept).strip()[:MAX_TEXT]


def html_to_text(html: str) -> str:
    text = re.sub(r"(?is)<(script|style|blockquote).*?</\1>", "", html)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def parse(form: dict[str, str]) -> InboundEmail:
    """Raises BadEmail when a required field is missing or unreadable."""
    for name in ("from", "headers"):
        if not form.get(name, "").strip():
            raise BadEmail(f"{name}: required (an Inbound Parse delivery has it)")
    headers = _headers(form["headers"])
    name, sender = email.utils.parseaddr(form["from"])
    sender = sender.strip().lower()
    if "@" not in sender or len(sender) > 254 or any(c.isspace() for c in sender):
        raise BadEmail("from: not an e-mail address")
    _, to = email.utils.parseaddr(form.get("to", ""))
    subject = (form.get("subject") or headers.get("Subject") or "").strip()[:500]
    ids = _ids(headers.get("Message-ID") or headers.get("Message-Id"))
    body = form.get("text") or html_to_text(form.get("html", ""))
    # No Message-ID (rare): a stable one from what arrived, so a redelivery is still one message.
    message_id = ids[0] if ids else "<sha256-" + hashlib.sha256(
        (form["headers"] + "\n" + body).encode()).hexdigest()[:40] + "@inbound.local>"
    reply_to = _ids(headers.get("In-Reply-To"))
    return InboundEmail(
        message_id=message_id,
        sender=sender,
        sender_name=name.strip()[:200],
        to=to.strip().lower(),
        subject=subject,
        text=strip_reply(body),
        in_reply_to=reply_to[0] if reply_to else "",
        references=_ids(headers.get("References"))[-20:],
        machine=machine_reason(headers, sender, subject),
    )


def reply_subject(subject: str) -> str:
    subject = subject.strip() or "(sem assunto)"
    return subject if re.match(r"(?i)^(re|res)\s*:", subject) else f"Re: {subject}"
