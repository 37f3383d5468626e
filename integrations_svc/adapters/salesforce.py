"""Salesforce CRM: the Lead object through the REST API (SOQL query, then sObject
create or update), with an OAuth 2.0 Bearer token (a fixed one or refreshed).

erase_contact (LGPD) finds the person's Leads (converted ones too) and Contacts by
e-mail and phone with SOQL and deletes each (DELETE /sobjects/<type>/<id>). Salesforce
keeps deleted records in its Recycle Bin for 15 days, then purges them."""

from __future__ import annotations

from typing import Any

from integrations_svc.adapters.base import PermanentError, RetryableError
from integrations_svc.adapters.http import OAuthToken, VendorHttp
from integrations_svc.domain import DeliveryContext, LeadData, SubjectKeys

NOT_PROVIDED = "[not provided]"
_SOURCES = {"web": "Web", "whatsapp": "Other", "email": "Other", "api": "Other"}


def soql_literal(value: str) -> str:
    """A SOQL string literal: backslashes and quotes escaped."""
    escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{escaped}'"


def rating(score: int) -> str:
    return "Hot" if score >= 70 else "Warm" if score >= 40 else "Cold"


class SalesforceCrm:
    name = "salesforce"
    resend_safe = True

    def __init__(self, http: VendorHttp, token: OAuthToken, instance_url: str, api_version: str = "v60.0") -> None:
        self.http = http
        self.token = token
        self.instance_url = instance_url.rstrip("/")
        self.api_version = api_version

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _base(self) -> tuple[str, dict[str, str]]:
        access = await self.token.get()
        instance = self.instance_url or str(self.token.extra.get("instance_url", "")).rstrip("/")
        if not instance:
            raise RetryableError("salesforce: no instance URL (set INTEGRATIONS_SALESFORCE_INSTANCE_URL)")
        return f"{instance}/services/data/{self.api_version}", {"Authorization": f"Bearer {access}"}

    async def _call(self, method: str, url: str, label: str, headers: dict[str, str], **kwargs: Any) -> Any:
        response = await self.http.request(
            method, url, label=label, headers=headers, on_auth_failure=self.token.invalidate, **kwargs
        )
        return response.json() if response.content else {}

    @staticmethod
    def lead_fields(lead: LeadData, *, creating: bool) -> dict[str, Any]:
        first, last = lead.first_last_name()
        fields: dict[str, Any] = {
            "FirstName": first,
            "LastName": last,
            "Email": lead.email,
            "Phone": lead.phone,
            "Company": lead.company,
            "LeadSource": _SOURCES.get(lead.source, "Other") if lead.source else "",
            "Rating": rating(lead.score),
            "Description": lead.bant_summary(),
        }
        fields = {k: v for k, v in fields.items() if v}
        if creating:
            # Both are required on a Lead; Salesforce's own convention for unknown values.
            fields.setdefault("LastName", lead.email.split("@")[0] if lead.email else NOT_PROVIDED)
            fields.setdefault("Company", NOT_PROVIDED)
        return fields

    async def upsert_lead(self, lead: LeadData, ctx: DeliveryContext) -> str:
        base, headers = await self._base()
        if lead.email:
            condition = f"Email = {soql_literal(lead.email)}"
        else:
            condition = f"Phone = {soql_literal(lead.phone)}"
        query = f"SELECT Id FROM Lead WHERE {condition} AND IsConverted = false ORDER BY CreatedDate LIMIT 1"
        found = await self._call("GET", f"{base}/query", "/query", headers, params={"q": query})
        records = found.get("records") or []
        if records:
            lead_id = str(records[0]["Id"])
            await self._call(
                "PATCH", f"{base}/sobjects/Lead/{lead_id}", "/sobjects/Lead/{id}", headers,
                json=self.lead_fields(lead, creating=False),
            )
            return lead_id
        created = await self._call(
            "POST", f"{base}/sobjects/Lead", "/sobjects/Lead", headers, json=self.lead_fields(lead, creating=True)
        )
        if not created.get("success", True) or "id" not in created:
            raise PermanentError(f"salesforce: lead not created: {str(created.get('errors'))[:200]}")
        return str(created["id"])

    async def erase_contact(self, keys: SubjectKeys, ctx: DeliveryContext) -> str:
        base, headers = await self._base()
        conditions = [f"Email = {soql_literal(e)}" for e in keys.emails]
        conditions += [f"Phone = {soql_literal(p)}" for p in keys.phones]
        found: dict[str, list[str]] = {"Lead": [], "Contact": []}
        for sobject, ids in found.items():
            for condition in conditions:
                query = f"SELECT Id FROM {sobject} WHERE {condition}"
                answer = await self._call("GET", f"{base}/query", "/query", headers, params={"q": query})
                for record in answer.get("records") or []:
                    if str(record["Id"]) not in ids:
                        ids.append(str(record["Id"]))
        for sobject, ids in found.items():
            for record_id in ids:
                # 404: deleted already (an earlier attempt, or someone at Salesforce).
                await self.http.request(
                    "DELETE", f"{base}/sobjects/{sobject}/{record_id}", label=f"/sobjects/{sobject}/{{id}}",
                    headers=headers, expect=(204, 404), on_auth_failure=self.token.invalidate,
                )
        if not found["Lead"] and not found["Contact"]:
            return "salesforce: no Lead or Contact of this person"
        return "salesforce: deleted " + ", ".join(
            f"{sobject} {record_id}" for sobject, ids in found.items() for record_id in ids
        )
