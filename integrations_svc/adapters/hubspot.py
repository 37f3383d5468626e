"""HubSpot CRM: contacts and deals through the v3 objects API, with a private app's
Bearer token.

upsert_lead searches the contact by e-mail (or phone), then updates it or creates it;
a create that loses a race answers 409 "Contact already exists. Existing ID: N" and
becomes an update. Leads scoring at least deal_min_score also get one deal, named
after the contact's e-mail (or phone) and found again by that name, associated with
the contact; its description carries the score and the BANT answers.

erase_contact (LGPD) finds the person's contacts by e-mail and phone and deletes
each with the GDPR delete (POST /crm/v3/objects/contacts/gdpr-delete by contact id:
permanent, with the contact's associated content), and archives the deals this
adapter made for the person (found by name, as upsert_lead finds them). By id, not
by e-mail: a GDPR delete by an e-mail HubSpot does not know blocklists the address."""

from __future__ import annotations

import re
from typing import Any

from integrations_svc.adapters.base import PermanentError
from integrations_svc.adapters.http import VendorHttp
from integrations_svc.domain import DeliveryContext, LeadData, SubjectKeys

_EXISTING_ID = re.compile(r"Existing ID:\s*(\d+)")
# HubSpot-defined association type: deal to contact.
DEAL_TO_CONTACT = 3


class HubSpotCrm:
    name = "hubspot"
    resend_safe = True

    def __init__(
        self,
        http: VendorHttp,
        access_token: str,
        *,
        deal_min_score: int = 60,
        deal_pipeline: str = "default",
        deal_stage: str = "appointmentscheduled",
    ) -> None:
        self.http = http
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self.deal_min_score = deal_min_score
        self.deal_pipeline = deal_pipeline
        self.deal_stage = deal_stage

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _call(self, method: str, path: str, label: str, **kwargs: Any) -> Any:
        response = await self.http.request(method, path, label=label, headers=self._headers, **kwargs)
        return response.json() if response.content else {}

    async def _search(self, object_type: str, prop: str, value: str) -> str | None:
        body = {
            "filterGroups": [{"filters": [{"propertyName": prop, "operator": "EQ", "value": value}]}],
            "properties": [prop],
            "limit": 1,
        }
        path = f"/crm/v3/objects/{object_type}/search"
        found = await self._call("POST", path, path, json=body)
        results = found.get("results") or []
        return str(results[0]["id"]) if results else None

    @staticmethod
    def contact_properties(lead: LeadData) -> dict[str, str]:
        first, last = lead.first_last_name()
        props = {
            "email": lead.email,
            "firstname": first,
            "lastname": last,
            "phone": lead.phone,
            "company": lead.company,
        }
        # An empty value is unknown, not a request to erase what the CRM has.
        return {k: v for k, v in props.items() if v}

    async def upsert_lead(self, lead: LeadData, ctx: DeliveryContext) -> str:
        contact_id = await self._find_contact(lead)
        props = self.contact_properties(lead)
        if contact_id is None:
            contact_id = await self._create_contact(props | {"lifecyclestage": "lead"})
        else:
            await self._call(
                "PATCH", f"/crm/v3/objects/contacts/{contact_id}", "/crm/v3/objects/contacts/{id}",
                json={"properties": props},
            )
        if lead.score >= self.deal_min_score:
            await self._upsert_deal(contact_id, lead)
        return contact_id

    async def _find_contact(self, lead: LeadData) -> str | None:
        if lead.email:
            return await self._search("contacts", "email", lead.email.lower())
        return await self._search("contacts", "phone", lead.phone)

    async def _create_contact(self, props: dict[str, str]) -> str:
        response = await self.http.request(
            "POST",
            "/crm/v3/objects/contacts",
            label="/crm/v3/objects/contacts",
            headers=self._headers,
            json={"properties": props},
            expect=(200, 201, 409),
        )
        body = response.json()
        if response.status_code == 409:
            match = _EXISTING_ID.search(str(body.get("message", "")))
            if match is None:
                raise PermanentError(f"hubspot: conflict without an existing id: {body.get('message', '')[:200]}")
            contact_id = match.group(1)
            props = {k: v for k, v in props.items() if k != "lifecyclestage"}
            await self._call(
                "PATCH", f"/crm/v3/objects/contacts/{contact_id}", "/crm/v3/objects/contacts/{id}",
                json={"properties": props},
            )
            return contact_id
        return str(body["id"])

    @staticmethod
    def deal_name(lead: LeadData) -> str:
        """Stable for one person (names and companies change), so a retry finds the deal."""
        return f"atende lead: {lead.email or lead.phone}"

    async def _upsert_deal(self, contact_id: str, lead: LeadData) -> str:
        name = self.deal_name(lead)
        deal_id = await self._search("deals", "dealname", name)
        props = {"dealname": name, "description": lead.bant_summary()}
        if deal_id is not None:
            await self._call(
                "PATCH", f"/crm/v3/objects/deals/{deal_id}", "/crm/v3/objects/deals/{id}", json={"properties": props}
            )
            return deal_id
        created = await self._call(
            "POST",
            "/crm/v3/objects/deals",
            "/crm/v3/objects/deals",
            json={
                "properties": props | {"pipeline": self.deal_pipeline, "dealstage": self.deal_stage},
                "associations": [
                    {
                        "to": {"id": contact_id},
                        "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": DEAL_TO_CONTACT}],
                    }
                ],
            },
        )
        return str(created["id"])

    async def erase_contact(self, keys: SubjectKeys, ctx: DeliveryContext) -> str:
        deals: list[str] = []
        for identifier in (*keys.emails, *keys.phones):
            deal_id = await self._search("deals", "dealname", f"atende lead: {identifier}")
            if deal_id is not None and deal_id not in deals:
                deals.append(deal_id)
        contacts: list[str] = []
        for prop, values in (("email", keys.emails), ("phone", keys.phones)):
            for value in values:
                contact_id = await self._search("contacts", prop, value)
                if contact_id is not None and contact_id not in contacts:
                    contacts.append(contact_id)
        for deal_id in deals:
            await self.http.request(
                "DELETE", f"/crm/v3/objects/deals/{deal_id}", label="/crm/v3/objects/deals/{id}",
                headers=self._headers, expect=(200, 204, 404),
            )
        for contact_id in contacts:
            await self.http.request(
                "POST", "/crm/v3/objects/contacts/gdpr-delete", label="/crm/v3/objects/contacts/gdpr-delete",
                headers=self._headers, json={"objectId": contact_id}, expect=(200, 204, 404),
            )
        if not contacts and not deals:
            return "hubspot: no contact or deal of this person"
        return (
            f"hubspot: {len(contacts)} contact(s) permanently deleted (GDPR delete: {', '.join(contacts) or '-'}),"
            f" {len(deals)} deal(s) archived"
        )
