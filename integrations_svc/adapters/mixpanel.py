"""Mixpanel: business events through /import (Basic auth with a service account or the
project's API secret) or, with only a project token, /track.

Each event carries $insert_id derived from the idempotency key and the time fixed at
acceptance: Mixpanel keeps one event per (event, distinct_id, time, $insert_id), so a
repeated send is deduplicated by Mixpanel itself."""

from __future__ import annotations

from typing import Any

from integrations_svc.adapters.base import PermanentError
from integrations_svc.adapters.http import VendorHttp
from integrations_svc.domain import DeliveryContext, EventData


class MixpanelAnalytics:
    name = "mixpanel"
    resend_safe = True

    def __init__(
        self,
        http: VendorHttp,
        *,
        project_token: str = "",
        basic_auth: tuple[str, str] | None = None,
        project_id: str = "",
    ) -> None:
        if basic_auth is None and not project_token:
            raise ValueError("mixpanel needs an API secret, a service account or a project token")
        self.http = http
        self.project_token = project_token
        self.basic_auth = basic_auth
        self.project_id = project_id

    async def aclose(self) -> None:
        await self.http.aclose()

    def record(self, event: EventData, ctx: DeliveryContext) -> dict[str, Any]:
        properties: dict[str, Any] = dict(event.properties)
        properties.update(
            {"time": event.time_ms, "distinct_id": event.distinct_id, "$insert_id": ctx.stable_id(32)}
        )
        if self.project_token:
            properties["token"] = self.project_token
        return {"event": event.event, "properties": properties}

    async def track(self, event: EventData, ctx: DeliveryContext) -> str:
        record = self.record(event, ctx)
        if self.basic_auth is not None:
            params = {"strict": "1"}
            if self.project_id:
                params["project_id"] = self.project_id
            response = await self.http.request(
                "POST", "/import", params=params, json=[record], auth=self.basic_auth, expect=(200,)
            )
            body = response.json()
            if body.get("num_records_imported", 0) < 1 and not body.get("code") == 200:
                raise PermanentError(f"mixpanel /import: not imported: {str(body)[:200]}")
        else:
            response = await self.http.request(
                "POST", "/track", params={"verbose": "1"}, json=[record], expect=(200,)
            )
            body = response.json()
            if body.get("status") != 1:
                raise PermanentError(f"mixpanel /track: {str(body.get('error'))[:200]}")
        return str(record["properties"]["$insert_id"])
