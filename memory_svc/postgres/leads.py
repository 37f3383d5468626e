"""Leads: one per person, merged field by field, listed by score."""

from __future__ import annotations

import uuid

from memory_svc.models import Lead, LeadFilter, LeadInput
from memory_svc.postgres.base import PgBase, all_rows, one_row
from memory_svc.postgres.rows import LEAD_COLUMNS, to_lead

QUERIES = {
    # One lead per person: merges non-empty fields into the stored lead. A client
    # that sets crm_status sets crm_error with it (kept only for "failed").
    "upsert_lead": f"""
        INSERT INTO {{s}}.leads AS l
            (lead_id, user_id, name, email, phone, company, score, budget, authority, need, timeline,
             source, crm_status, crm_id, crm_error, conversation_id)
        VALUES (%(lead_id)s, %(user_id)s, %(name)s, %(email)s, %(phone)s, %(company)s, %(score)s,
                %(budget)s, %(authority)s, %(need)s, %(timeline)s, %(source)s,
                COALESCE(NULLIF(%(crm_status)s, ''), 'new'), %(crm_id)s,
                CASE WHEN %(crm_status)s = 'failed' THEN %(crm_error)s ELSE '' END, %(conversation_id)s)
        ON CONFLICT (user_id) DO UPDATE SET
            name = COALESCE(NULLIF(%(name)s, ''), l.name),
            email = COALESCE(NULLIF(%(email)s, ''), l.email),
            phone = COALESCE(NULLIF(%(phone)s, ''), l.phone),
            company = COALESCE(NULLIF(%(company)s, ''), l.company),
            score = CASE WHEN %(score)s > 0 THEN %(score)s ELSE l.score END,
            budget = COALESCE(NULLIF(%(budget)s, ''), l.budget),
            authority = COALESCE(NULLIF(%(authority)s, ''), l.authority),
            need = COALESCE(NULLIF(%(need)s, ''), l.need),
            timeline = COALESCE(NULLIF(%(timeline)s, ''), l.timeline),
            source = COALESCE(NULLIF(%(source)s, ''), l.source),
            crm_status = COALESCE(NULLIF(%(crm_status)s, ''), l.crm_status),
            crm_id = COALESCE(NULLIF(%(crm_id)s, ''), l.crm_id),
            crm_error = CASE WHEN %(crm_status)s = '' THEN l.crm_error
                             WHEN %(crm_status)s = 'failed' THEN %(crm_error)s ELSE '' END,
            conversation_id = COALESCE(NULLIF(%(conversation_id)s, ''), l.conversation_id),
            version = DEFAULT,
            update_time = now()
        RETURNING {LEAD_COLUMNS}, (xmax = 0) AS created""",
    "lead_by_id": f"SELECT {LEAD_COLUMNS} FROM {{s}}.leads WHERE lead_id = %s",
    "lead_by_user": f"SELECT {LEAD_COLUMNS} FROM {{s}}.leads WHERE user_id = %s",
    # Highest score first; the `score <= last` bound lets the scan start at the page.
    "list_leads": f"""
        SELECT {LEAD_COLUMNS} FROM {{s}}.leads
        WHERE score BETWEEN %(min)s AND %(max)s AND score <= %(last_score)s
          AND (score < %(last_score)s OR lead_id > %(last_id)s)
        ORDER BY score DESC, lead_id LIMIT %(limit)s""",
    "list_leads_status": f"""
        SELECT {LEAD_COLUMNS} FROM {{s}}.leads
        WHERE crm_status = %(status)s
          AND score BETWEEN %(min)s AND %(max)s AND score <= %(last_score)s
          AND (score < %(last_score)s OR lead_id > %(last_id)s)
        ORDER BY score DESC, lead_id LIMIT %(limit)s""",
}

_NIL_UUID = "00000000-0000-0000-0000-000000000000"


class PgLeads(PgBase):
    async def upsert_lead(self, lead: LeadInput) -> tuple[Lead, bool]:
        params = {
            "lead_id": str(uuid.uuid4()),
            "user_id": lead.user_id,
            "name": lead.name,
            "email": lead.email,
            "phone": lead.phone,
            "company": lead.company,
            "score": lead.score,
            "budget": lead.qualification.budget,
            "authority": lead.qualification.authority,
            "need": lead.qualification.need,
            "timeline": lead.qualification.timeline,
            "source": lead.source,
            "crm_status": lead.crm_status,
            "crm_id": lead.crm_id,
            "crm_error": lead.crm_error,
            "conversation_id": lead.conversation_id,
        }
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["upsert_lead"], params)
            row = await one_row(cursor)
        assert row is not None
        return to_lead(row), bool(row["created"])

    async def lead(self, lead_id: str) -> Lead | None:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["lead_by_id"], (lead_id,))
            row = await one_row(cursor)
        return to_lead(row) if row else None

    async def lead_of_user(self, user_id: str) -> Lead | None:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["lead_by_user"], (user_id,))
            row = await one_row(cursor)
        return to_lead(row) if row else None

    async def list_leads(self, f: LeadFilter, limit: int, after: tuple[int, str] | None) -> list[Lead]:
        params = {
            "min": f.min_score,
            "max": f.max_score or 100,
            "status": f.crm_status,
            # The first page starts above any score.
            "last_score": after[0] if after else 101,
            "last_id": after[1] if after else _NIL_UUID,
            "limit": limit,
        }
        query = self.q["list_leads_status"] if f.crm_status else self.q["list_leads"]
        async with self._connection() as conn:
            cursor = await conn.execute(query, params)
            return [to_lead(r) for r in await all_rows(cursor)]
