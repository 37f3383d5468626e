"""Mixpanel: business events through /import (Basic auth with a service account or the
project's API secret) or, with only a project token, /track.

Each event carries $insert_id derived from the idempotency key and the time fixed at
acceptance: Mixpanel keeps one event per (event, distinct_id, time, $insert_id), so a
repeated send is deduplicated by Mixpanel itself.

erase_profile (LGPD) creates a deletion task with Mixpanel's GDPR API (POST
/data-deletions/v3.0/?token=<project token>, Bearer: the project's GDPR OAuth token)
for the person's distinct_id; Mixpanel deletes the events and the profile
asynchronously (within 30 days), and the task id is the job's vendor id. A second
task for the same person is harmless, so the call is resend_safe like /import."""

from __future__ import annotations

from typing import Any

from integrations_svc.adapters.base import PermanentError
from integrations_svc.adapters.http import VendorHttp
from integrations_svc.domain import DeliveryContext, EventData, SubjectKeys


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
        gdpr_http: VendorHttp | None = None,
        gdpr_token: str = "",
        compliance_type: str = "GDPR",
    ) -> None:
        if basic_auth is None and not project_token:
            raise ValueError("mixpanel needs an API secret, a service account or a project token")
        self.http = http
        self.project_token = project_token
        self.basic_auth = basic_auth
        self.project_id = project_id
        # The GDPR API lives on another host (mixpanel.com/api/app, not api.mixpanel.com).
        self.gdpr_http = gdpr_http
        self.gdpr_token = gdpr_token
        self.compliance_type = compliance_type

    async def aclose(self) -> None:
        await self.http.aclose()
        if self.gdpr_http is not None:
            await self.gdpr_http.aclose()

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

    async def erase_profile(self, keys: SubjectKeys, ctx: DeliveryContext) -> str:
        if self.gdpr_http is None or not self.gdpr_token or not self.project_token:
            raise PermanentError(
                "mixpanel: deleting a person needs the GDPR API: set INTEGRATIONS_MIXPANEL_GDPR_TOKEN"
                " and INTEGRATIONS_MIXPANEL_PROJECT_TOKEN, then retry the job"
            )
        response = await self.gdpr_http.request(
            "POST",
            "/data-deletions/v3.0/",
            label="/data-deletions/v3.0/",
            params={"token": self.project_token},
            headers={"Authorization": f"Bearer {self.gdpr_token}"},
            json={"distinct_ids": [keys.user_id], "compliance_type": self.compliance_type},
            expect=(200, 201),
        )
        body = response.json()
        task_id = (body.get("results") or {}).get("task_id") if isinstance(body, dict) else None
        if body.get("status") != "ok" or not task_id:
            raise PermanentError(f"mixpanel data-deletions: unexpected answer: {str(body)[:200]}")
        return f"mixpanel deletion task {task_id}"
