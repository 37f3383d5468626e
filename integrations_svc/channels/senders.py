"""The channels' delivery adapters, run by integrations_svc's workers in the channels
process: WhatsApp through the Graph API messages endpoint, e-mail replies through
SendGrid's mail send; and local ones that only record (no credentials: offline runs).

Neither vendor offers an idempotent send: like SendGridEmail these are not
resend_safe, so a call interrupted after it may have left is never repeated blindly
(the job goes dead "in doubt" for an operator)."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx

from integrations_svc.adapters.base import PermanentError, RetryableError
from integrations_svc.adapters.http import VendorHttp
from integrations_svc.channels.store import ChannelStore
from integrations_svc.domain import ChannelMessage, DeliveryContext

# Graph API error codes: throughput and pair rate limits (wait and retry), and the
# re-engagement error (outside the 24-hour window: a template is needed).
_RATE_LIMITED = {4, 80007, 130429, 131056, 131048}
_WINDOW_CLOSED = 131047
TEMPLATE_CACHE_SECONDS = 600.0


def _graph_error(response: httpx.Response) -> tuple[int, str]:
    try:
        error = response.json().get("error") or {}
        return int(error.get("code") or 0), str(error.get("message") or "")[:300]
    except (ValueError, AttributeError, TypeError):
        return 0, response.text[:300]


class WhatsAppCloud:
    name = "whatsapp_cloud"
    resend_safe = False

    def __init__(
        self, http: VendorHttp, store: ChannelStore, access_token: str, phone_number_id: str, api_version: str,
        business_account_id: str = "",
    ) -> None:
        self.http = http
        self.store = store
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self.phone_number_id = phone_number_id
        self.version = api_version
        self.business_account_id = business_account_id
        self._approved: dict[tuple[str, str], str] = {}
        self._approved_at = 0.0

    async def aclose(self) -> None:
        await self.http.aclose()

    def body(self, message: ChannelMessage) -> dict[str, Any]:
        body: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": message.to}
        if message.template:
            body["type"] = "template"
            template: dict[str, Any] = {"name": message.template, "language": {"code": message.language or "pt_BR"}}
            if message.variables:
                template["components"] = [{
                    "type": "body", "parameters": [{"type": "text", "text": value} for value in message.variables],
                }]
            body["template"] = template
        else:
            body["type"] = "text"
            body["text"] = {"preview_url": False, "body": message.text[:4096]}
        return body

    async def template_status(self, name: str, language: str) -> str:
        """The template's status at Meta (APPROVED, PENDING, REJECTED, ...), "" when
        it does not exist there; read from the WhatsApp Business Account, cached."""
        if time.monotonic() - self._approved_at > TEMPLATE_CACHE_SECONDS:
            response = await self.http.request(
                "GET", f"/{self.version}/{self.business_account_id}/message_templates", label="message_templates",
                headers=self._headers, params={"fields": "name,language,status", "limit": "200"}, expect=(200,),
            )
            try:
                data = response.json().get("data") or []
                self._approved = {(str(t["name"]), str(t["language"])): str(t["status"]) for t in data}
            except (ValueError, AttributeError, KeyError, TypeError):
                raise RetryableError("whatsapp message_templates: unreadable answer") from None
            self._approved_at = time.monotonic()
        return self._approved.get((name, language), "")

    async def send_message(self, message: ChannelMessage, ctx: DeliveryContext) -> str:
        if not message.force:
            contact = await self.store.contact("whatsapp", message.to)
            if contact is not None and contact.opted_out:
                await self.store.mark_failed(message.outbound_id, "suppressed", "the customer opted out")
                raise PermanentError("whatsapp: the customer opted out; not sent")
        if message.template and self.business_account_id:
            status = await self.template_status(message.template, message.language)
            if status != "APPROVED":
                detail = f"whatsapp: template {message.template!r} ({message.language}) is {status or 'unknown'} at Meta"
                await self.store.mark_failed(message.outbound_id, "failed", detail)
                raise PermanentError(detail)
        response = await self.http.request(
            "POST", f"/{self.version}/{self.phone_number_id}/messages", label="messages",
            headers=self._headers, json=self.body(message), expect=(200, 400),
        )
        if response.status_code == 400:
            code, text = _graph_error(response)
            detail = f"whatsapp POST messages: HTTP 400: ({code}) {text}"
            if code in _RATE_LIMITED:
                # No Retry-After from Graph: the exponential backoff paces the retries.
                raise RetryableError(detail, None, rate_limited=True)
            if code == _WINDOW_CLOSED:
                detail += " (outside the 24-hour window: a template is needed)"
            await self.store.mark_failed(message.outbound_id, "failed", detail)
            raise PermanentError(detail)
        try:
            wamid = str(response.json()["messages"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError):
            wamid = f"whatsapp-{uuid.uuid4().hex}"
        await self.store.mark_sent(message.outbound_id, wamid)
        return wamid


class SendGridReply:
    """An e-mail reply in the customer's thread (In-Reply-To, References), marked
    Auto-Submitted so that auto-responders do not answer it."""

    name = "sendgrid"
    resend_safe = False

    def __init__(self, http: VendorHttp, store: ChannelStore, api_key: str, from_email: str, from_name: str) -> None:
        self.http = http
        self.store = store
        self._headers = {"Authorization": f"Bearer {api_key}"}
        self.from_email = from_email
        self.from_name = from_name

    async def aclose(self) -> None:
        await self.http.aclose()

    def body(self, message: ChannelMessage) -> dict[str, Any]:
        headers = {"Message-ID": message.message_id, "Auto-Submitted": "auto-replied"}
        if message.in_reply_to:
            headers["In-Reply-To"] = message.in_reply_to
        if message.references:
            headers["References"] = message.references
        return {
            "personalizations": [{"to": [{"email": message.to}]}],
            "from": {"email": self.from_email, "name": self.from_name},
            "subject": message.subject,
            "content": [{"type": "text/plain", "value": message.text}],
            "headers": headers,
            "custom_args": {"atende_outbound_id": message.outbound_id},
        }

    async def send_message(self, message: ChannelMessage, ctx: DeliveryContext) -> str:
        if not message.force:
            contact = await self.store.contact("email", message.to)
            if contact is not None and contact.opted_out:
                await self.store.mark_failed(message.outbound_id, "suppressed", "the customer opted out")
                raise PermanentError("e-mail: the customer opted out; not sent")
        response = await self.http.request(
            "POST", "/v3/mail/send", headers=self._headers, json=self.body(message), expect=(200, 202)
        )
        vendor_id = response.headers.get("x-message-id") or f"sendgrid-{uuid.uuid4().hex}"
        await self.store.mark_sent(message.outbound_id, vendor_id)
        return vendor_id


class LocalChannel:
    """No vendor configured: the message is only recorded (channel_outbound, status
    "recorded"), so the whole flow runs offline."""

    name = "local"
    resend_safe = True

    def __init__(self, store: ChannelStore, channel: str) -> None:
        self.store = store
        self.channel = channel

    async def aclose(self) -> None:
        return None

    async def send_message(self, message: ChannelMessage, ctx: DeliveryContext) -> str:
        contact = await self.store.contact(self.channel, message.to)
        if not message.force and contact is not None and contact.opted_out:
            await self.store.mark_failed(message.outbound_id, "suppressed", "the customer opted out")
            raise PermanentError(f"{self.channel}: the customer opted out; not sent")
        vendor_id = f"local-{ctx.stable_id(24)}"
        await self.store.mark_sent(message.outbound_id, vendor_id, status="recorded")
        return vendor_id
