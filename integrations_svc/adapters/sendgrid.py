"""SendGrid: transactional e-mail through v3 mail/send (answer 202 with X-Message-Id).

mail/send has no idempotency key, so this adapter is not resend_safe: the worker
sends again only when the previous attempt certainly did not reach SendGrid
(connection refused, 429, 5xx); an attempt in doubt goes dead for an operator."""

from __future__ import annotations

import uuid

from integrations_svc.adapters.http import VendorHttp
from integrations_svc.domain import DeliveryContext, EmailData


class SendGridEmail:
    name = "sendgrid"
    resend_safe = False

    def __init__(
        self, http: VendorHttp, api_key: str, from_email: str, from_name: str, *, sandbox: bool = False
    ) -> None:
        self.http = http
        self._headers = {"Authorization": f"Bearer {api_key}"}
        self.from_email = from_email
        self.from_name = from_name
        self.sandbox = sandbox

    async def aclose(self) -> None:
        await self.http.aclose()

    def body(self, email: EmailData, ctx: DeliveryContext) -> dict[str, object]:
        body: dict[str, object] = {
            "personalizations": [{"to": [{"email": email.to}]}],
            "from": {"email": self.from_email, "name": self.from_name},
            "subject": email.subject,
            "content": [
                {"type": "text/plain", "value": email.text},
                {"type": "text/html", "value": email.html},
            ],
            "categories": [email.template],
            "custom_args": {"atende_job_id": ctx.job_id, "atende_idempotency_key": ctx.idempotency_key[:100]},
            "headers": {"X-Entity-Ref-ID": ctx.stable_id()},
        }
        if self.sandbox:
            body["mail_settings"] = {"sandbox_mode": {"enable": True}}
        return body

    async def send(self, email: EmailData, ctx: DeliveryContext) -> str:
        response = await self.http.request(
            "POST", "/v3/mail/send", headers=self._headers, json=self.body(email, ctx), expect=(200, 202)
        )
        # Sandbox answers 200 without an id; the job still needs one.
        return response.headers.get("x-message-id") or f"sendgrid-{uuid.uuid4().hex}"
