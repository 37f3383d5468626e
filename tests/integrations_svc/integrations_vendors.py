"""Fake vendor servers that speak each vendor's wire format: paths, auth headers, JSON
bodies, error bodies and rate-limit answers, as documented by HubSpot (CRM v3
objects, GDPR delete), Salesforce (REST API, Lead and Contact sObjects, OAuth token),
SendGrid (v3 mail/send), Google Calendar (v3 events, freeBusy, OAuth token) and
Mixpanel (/import, /track, GDPR API data deletions).

Every fake has chaos knobs (Chaos): answer 503 to the next N requests, 429 with
Retry-After to the next N, and make creates slow or hold them (after recording them,
as a real vendor commits before its answer reaches us)."""

from __future__ import annotations

import asyncio
import base64
import itertools
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from integrations_fakehttp import FakeHttpServer, Request, Response


@dataclass
class Chaos:
    # Answer fail_status to the next N requests (the vendor is down).
    fail_next: int = 0
    fail_status: int = 503
    # Answer 429 with Retry-After to the next N requests.
    rate_limit_next: int = 0
    retry_after: str = "1"
    # After recording a create, wait slow_seconds before answering, for the next N creates.
    slow_next_creates: int = 0
    slow_seconds: float = 0.0
    # After recording a create, wait for this event before answering.
    hold_creates: asyncio.Event | None = None
    held: int = 0
    # Monotonic times of every request, for backoff checks.
    times: list[float] = field(default_factory=list)


class FakeVendor:
    """Base: the HTTP server, chaos, and a Bearer-token check."""

    token = "test-token"

    def __init__(self) -> None:
        self.chaos = Chaos()
        self.server = FakeHttpServer(self.handle)

    @property
    def requests(self) -> list[Request]:
        return self.server.requests

    async def start(self) -> str:
        return await self.server.start()

    async def close(self) -> None:
        await self.server.close()

    def down_body(self) -> Any:
        return {"message": "service unavailable"}

    def rate_limit_response(self) -> Response:
        return Response(429, {"message": "rate limited"}, {"Retry-After": self.chaos.retry_after})

    def unauthorized(self) -> Response:
        return Response(401, {"message": "unauthorized"})

    def authorized(self, request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {self.token}"

    async def handle(self, request: Request) -> Response:
        chaos = self.chaos
        chaos.times.append(time.monotonic())
        if chaos.fail_next > 0:
            chaos.fail_next -= 1
            return Response(chaos.fail_status, self.down_body())
        if chaos.rate_limit_next > 0:
            chaos.rate_limit_next -= 1
            return self.rate_limit_response()
        if not self.public(request) and not self.authorized(request):
            return self.unauthorized()
        return await self.route(request)

    def public(self, request: Request) -> bool:
        return False

    async def route(self, request: Request) -> Response:
        raise NotImplementedError

    async def after_create(self) -> None:
        chaos = self.chaos
        if chaos.slow_next_creates > 0:
            chaos.slow_next_creates -= 1
            await asyncio.sleep(chaos.slow_seconds)
        if chaos.hold_creates is not None and not chaos.hold_creates.is_set():
            chaos.held += 1
            await chaos.hold_creates.wait()


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# --------------------------------------------------------------------------- HubSpot


class FakeHubSpot(FakeVendor):
    token = "pat-na1-11111111-2222-3333-4444-555555555555"

    def __init__(self) -> None:
        super().__init__()
        self.contacts: dict[str, dict[str, str]] = {}
        self.deals: dict[str, dict[str, Any]] = {}
        # HubSpot keeps e-mails unique; indexes keep the fake fast with many objects.
        self._index: dict[tuple[int, str], dict[str, str]] = {}
        self.contact_creates = 0
        self._ids = itertools.count(5101)
        # LGPD: contacts removed by GDPR delete, deals archived, e-mails blocklisted
        # (a GDPR delete by an e-mail HubSpot does not know).
        self.gdpr_deleted: list[str] = []
        self.archived_deals: list[str] = []
        self.blocklist: list[str] = []

    def _error(self, status: int, message: str, category: str) -> Response:
        return Response(
            status, {"status": "error", "message": message, "correlationId": str(uuid.uuid4()), "category": category}
        )

    def down_body(self) -> Any:
        return {"status": "error", "message": "Service Unavailable", "category": "SERVICE_UNAVAILABLE"}

    def rate_limit_response(self) -> Response:
        response = self._error(429, "You have reached your secondly limit.", "RATE_LIMITS")
        response.body["errorType"] = "RATE_LIMIT"
        response.headers["Retry-After"] = self.chaos.retry_after
        return response

    def unauthorized(self) -> Response:
        return self._error(
            401,
            "Authentication credentials not found. This API supports OAuth 2.0 authentication.",
            "INVALID_AUTHENTICATION",
        )

    def _object(self, object_id: str, properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": object_id,
            "properties": dict(properties),
            "createdAt": _now_iso(),
            "updatedAt": _now_iso(),
            "archived": False,
        }

    def emails(self) -> list[str]:
        return [c["email"] for c in self.contacts.values() if "email" in c]

    async def route(self, request: Request) -> Response:
        match = re.fullmatch(r"/crm/v3/objects/(contacts|deals)(?:/(search|[^/]+))?", request.path)
        if match is None:
            return self._error(404, f"Unable to route {request.method} {request.path}", "OBJECT_NOT_FOUND")
        object_type, tail = match.groups()
        store = self.contacts if object_type == "contacts" else self.deals
        try:
            body = request.json() if request.body else {}
        except ValueError:
            return self._error(400, "Invalid input JSON on line 1", "VALIDATION_ERROR")
        if request.method == "POST" and tail == "search":
            return self._search(store, body)
        if request.method == "POST" and object_type == "contacts" and tail == "gdpr-delete":
            return self._gdpr_delete(body)
        if request.method == "DELETE" and tail is not None:
            if store.pop(tail, None) is None:
                return self._error(404, "resource not found", "OBJECT_NOT_FOUND")
            if object_type == "deals":
                self.archived_deals.append(tail)
            return Response(204)
        if request.method == "POST" and tail is None:
            properties = body.get("properties") if isinstance(body, dict) else None
            if not isinstance(properties, dict):
                return self._error(400, "Invalid input JSON: properties is required", "VALIDATION_ERROR")
            if object_type == "contacts":
                email = str(properties.get("email", "")).lower()
                existing_id = self._lookup(self.contacts, "email", email) if email else None
                if existing_id is not None:
                    return self._error(409, f"Contact already exists. Existing ID: {existing_id}", "CONFLICT")
                if email:
                    properties["email"] = email
                self.contact_creates += 1
            object_id = str(next(self._ids))
            store[object_id] = dict(properties)
            self._reindex(store, object_id)
            if object_type == "deals":
                store[object_id]["_associations"] = body.get("associations", [])
            await self.after_create()
            return Response(201, self._object(object_id, properties))
        if request.method == "PATCH" and tail is not None:
            if tail not in store:
                return self._error(404, "resource not found", "OBJECT_NOT_FOUND")
            properties = body.get("properties") if isinstance(body, dict) else None
            if not isinstance(properties, dict):
                return self._error(400, "Invalid input JSON: properties is required", "VALIDATION_ERROR")
            store[tail].update(properties)
            self._reindex(store, tail)
            return Response(200, self._object(tail, store[tail]))
        return self._error(405, "Method not allowed", "VALIDATION_ERROR")

    def _gdpr_delete(self, body: Any) -> Response:
        """POST /crm/v3/objects/contacts/gdpr-delete: by id, or by e-mail with
        idProperty "email" (an unknown e-mail is blocklisted); 204 No Content."""
        object_id = str(body.get("objectId", "")) if isinstance(body, dict) else ""
        if not object_id:
            return self._error(400, "Invalid input JSON: objectId is required", "VALIDATION_ERROR")
        if body.get("idProperty") == "email":
            found = self._lookup(self.contacts, "email", object_id.lower())
            if found is None:
                self.blocklist.append(object_id.lower())
                return Response(204)
            object_id = found
        if self.contacts.pop(object_id, None) is None:
            return self._error(404, "resource not found", "OBJECT_NOT_FOUND")
        self.gdpr_deleted.append(object_id)
        return Response(204)

    def _lookup(self, store: dict[str, dict[str, Any]], prop: str, value: str) -> str | None:
        object_id = self._index.get((id(store), prop), {}).get(value)
        if object_id is None or object_id not in store or str(store[object_id].get(prop, "")).lower() != value.lower():
            return None
        return object_id

    def _reindex(self, store: dict[str, dict[str, Any]], object_id: str) -> None:
        for prop, value in store[object_id].items():
            if isinstance(value, str):
                index = self._index.setdefault((id(store), prop), {})
                key = value.lower() if prop == "email" else value
                if self._lookup(store, prop, key) is None:
                    index[key] = object_id

    def _search(self, store: dict[str, dict[str, Any]], body: dict[str, Any]) -> Response:
        try:
            flt = body["filterGroups"][0]["filters"][0]
            prop, operator, value = flt["propertyName"], flt["operator"], flt["value"]
        except (KeyError, IndexError, TypeError):
            return self._error(400, "Invalid search request", "VALIDATION_ERROR")
        if operator != "EQ":
            return self._error(400, f"unsupported operator {operator}", "VALIDATION_ERROR")
        wanted = str(value).lower() if prop == "email" else str(value)
        object_id = self._lookup(store, prop, wanted)
        found = [self._object(object_id, {prop: store[object_id].get(prop)})] if object_id is not None else []
        limit = int(body.get("limit", 10))
        return Response(200, {"total": len(found), "results": found[:limit]})


# --------------------------------------------------------------------------- Salesforce


class FakeSalesforce(FakeVendor):
    token = "00D5g000004xyz!AQ0AQFakeSessionToken"
    api = "/services/data/v60.0"

    def __init__(self) -> None:
        super().__init__()
        self.leads: dict[str, dict[str, Any]] = {}
        # Contacts (a converted lead becomes one); tests add them directly.
        self.contacts: dict[str, dict[str, Any]] = {}
        # (sObject type, id) of every record deleted, oldest first.
        self.deleted: list[tuple[str, str]] = []
        self._ids = itertools.count(1)
        self.refresh_token = "5Aep861FakeRefresh"
        self.client_id = "3MVG9FakeClientId"
        self.client_secret = "FakeClientSecret"
        self.token_requests = 0

    def unauthorized(self) -> Response:
        return Response(401, [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}])

    def down_body(self) -> Any:
        return [{"message": "Service Unavailable", "errorCode": "SERVER_UNAVAILABLE"}]

    def rate_limit_response(self) -> Response:
        return Response(
            429,
            [{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}],
            {"Retry-After": self.chaos.retry_after},
        )

    def public(self, request: Request) -> bool:
        return request.path == "/services/oauth2/token"

    async def route(self, request: Request) -> Response:
        if request.path == "/services/oauth2/token":
            form = request.form()
            if (
                form.get("grant_type") != "refresh_token"
                or form.get("refresh_token") != self.refresh_token
                or form.get("client_id") != self.client_id
                or form.get("client_secret") != self.client_secret
            ):
                return Response(400, {"error": "invalid_grant", "error_description": "expired access/refresh token"})
            self.token_requests += 1
            return Response(
                200,
                {
                    "access_token": self.token,
                    "instance_url": self.server.url,
                    "id": f"{self.server.url}/id/00D/005",
                    "token_type": "Bearer",
                    "issued_at": str(int(time.time() * 1000)),
                    "signature": "fake=",
                },
            )
        if request.method == "GET" and request.path == f"{self.api}/query":
            return self._query(request.param("q"))
        if request.method == "POST" and request.path == f"{self.api}/sobjects/Lead":
            body = request.json()
            missing = [f for f in ("LastName", "Company") if not body.get(f)]
            if missing:
                return Response(
                    400,
                    [
                        {
                            "message": f"Required fields are missing: [{', '.join(missing)}]",
                            "errorCode": "REQUIRED_FIELD_MISSING",
                            "fields": missing,
                        }
                    ],
                )
            lead_id = f"00Q5g{next(self._ids):013d}"
            self.leads[lead_id] = dict(body) | {"IsConverted": False}
            await self.after_create()
            return Response(201, {"id": lead_id, "success": True, "errors": []})
        match = re.fullmatch(self.api + r"/sobjects/(Lead|Contact)/([A-Za-z0-9]+)", request.path)
        if request.method == "DELETE" and match:
            sobject, record_id = match.groups()
            records = self.leads if sobject == "Lead" else self.contacts
            if records.pop(record_id, None) is None:
                return Response(
                    404, [{"errorCode": "ENTITY_IS_DELETED", "message": "entity is deleted", "fields": []}]
                )
            self.deleted.append((sobject, record_id))
            return Response(204)
        match = re.fullmatch(self.api + r"/sobjects/Lead/([A-Za-z0-9]+)", request.path)
        if request.method == "PATCH" and match:
            lead_id = match.group(1)
            if lead_id not in self.leads:
                return Response(
                    404, [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}]
                )
            self.leads[lead_id].update(request.json())
            return Response(204)
        return Response(404, [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}])

    def _query(self, soql: str) -> Response:
        """The two queries the adapter makes: the upsert's (one unconverted Lead) and
        the erasure's (every Lead or Contact with that e-mail or phone)."""
        match = re.fullmatch(
            r"SELECT Id FROM (Lead|Contact) WHERE (Email|Phone) = '((?:[^'\\]|\\.)*)'"
            r"( AND IsConverted = false ORDER BY CreatedDate LIMIT 1)?",
            soql,
        )
        if match is None or (match.group(1) == "Contact" and match.group(4)):
            return Response(400, [{"message": f"unexpected query: {soql}", "errorCode": "MALFORMED_QUERY"}])
        sobject, field_name, literal, upsert = match.groups()
        value = re.sub(r"\\(.)", r"\1", literal)
        records = [
            {"attributes": {"type": sobject, "url": f"{self.api}/sobjects/{sobject}/{record_id}"}, "Id": record_id}
            for record_id, record in (self.leads if sobject == "Lead" else self.contacts).items()
            if str(record.get(field_name, "")).lower() == value.lower()
            and not (upsert and record.get("IsConverted"))
        ]
        if upsert:
            records = records[:1]
        return Response(200, {"totalSize": len(records), "done": True, "records": records})


# --------------------------------------------------------------------------- SendGrid


class FakeSendGrid(FakeVendor):
    token = "SG.fake-key.abcdefghijklmnopqrstuvwxyz0123456789"

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[dict[str, Any]] = []

    def unauthorized(self) -> Response:
        return Response(
            401, {"errors": [{"field": None, "message": "The provided authorization grant is invalid, expired, or revoked"}]}
        )

    def down_body(self) -> Any:
        return {"errors": [{"field": None, "message": "service unavailable"}]}

    def rate_limit_response(self) -> Response:
        reset = int(time.time()) + int(float(self.chaos.retry_after))
        return Response(
            429,
            {"errors": [{"field": None, "message": "too many requests"}]},
            {"X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)},
        )

    async def route(self, request: Request) -> Response:
        if request.method != "POST" or request.path != "/v3/mail/send":
            return Response(404, {"errors": [{"field": None, "message": "not found"}]})
        body = request.json()
        errors = []
        personalizations = body.get("personalizations")
        if not personalizations or not personalizations[0].get("to"):
            errors.append({"field": "personalizations", "message": "The personalizations field is required."})
        if not body.get("from", {}).get("email"):
            errors.append({"field": "from.email", "message": "The from email is required."})
        if not body.get("subject"):
            errors.append({"field": "subject", "message": "The subject is required."})
        content = body.get("content") or []
        if not content or content[0].get("type") != "text/plain":
            errors.append({"field": "content", "message": "text/plain must come first."})
        if errors:
            return Response(400, {"errors": errors})
        message_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        self.messages.append(body | {"_message_id": message_id})
        await self.after_create()
        return Response(202, None, {"X-Message-Id": message_id})


# --------------------------------------------------------------------------- Google Calendar


class FakeGoogleCalendar(FakeVendor):
    token = "ya29.fake-access-token"

    def __init__(self, calendar_id: str = "sales@example.com") -> None:
        super().__init__()
        self.calendar_id = calendar_id
        self.events: dict[str, dict[str, Any]] = {}
        self.busy: list[tuple[datetime, datetime]] = []
        self.refresh_token = "1//fake-refresh"
        self.client_id = "fake-client.apps.googleusercontent.com"
        self.client_secret = "fake-client-secret"
        self.token_requests = 0
        self.inserts = 0

    def _error(self, code: int, message: str, reason: str) -> Response:
        status = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 404: "NOT_FOUND", 409: "ALREADY_EXISTS"}
        return Response(
            code,
            {
                "error": {
                    "code": code,
                    "message": message,
                    "errors": [{"domain": "global", "reason": reason, "message": message}],
                    "status": status.get(code, "UNKNOWN"),
                }
            },
        )

    def unauthorized(self) -> Response:
        return self._error(401, "Request had invalid authentication credentials.", "authError")

    def rate_limit_response(self) -> Response:
        response = self._error(429, "Rate Limit Exceeded", "rateLimitExceeded")
        response.headers["Retry-After"] = self.chaos.retry_after
        return response

    def public(self, request: Request) -> bool:
        return request.path == "/token"

    def _busy_between(self, start: datetime, end: datetime) -> list[dict[str, str]]:
        spans = list(self.busy) + [
            (datetime.fromisoformat(e["start"]["dateTime"]), datetime.fromisoformat(e["end"]["dateTime"]))
            for e in self.events.values()
        ]
        return [
            {"start": s.isoformat().replace("+00:00", "Z"), "end": e.isoformat().replace("+00:00", "Z")}
            for s, e in spans
            if s < end and e > start
        ]

    async def route(self, request: Request) -> Response:
        if request.path == "/token" and request.method == "POST":
            form = request.form()
            if form.get("refresh_token") != self.refresh_token or form.get("client_secret") != self.client_secret:
                return Response(400, {"error": "invalid_grant", "error_description": "Bad Request"})
            self.token_requests += 1
            return Response(
                200,
                {"access_token": self.token, "expires_in": 3599, "scope": "calendar", "token_type": "Bearer"},
            )
        prefix = "/calendar/v3"
        if request.path == f"{prefix}/freeBusy" and request.method == "POST":
            body = request.json()
            start = datetime.fromisoformat(body["timeMin"])
            end = datetime.fromisoformat(body["timeMax"])
            calendars = {}
            for item in body.get("items", []):
                if item["id"] == self.calendar_id:
                    calendars[item["id"]] = {"busy": self._busy_between(start, end)}
                else:
                    calendars[item["id"]] = {"errors": [{"domain": "global", "reason": "notFound"}], "busy": []}
            return Response(
                200,
                {"kind": "calendar#freeBusy", "timeMin": body["timeMin"], "timeMax": body["timeMax"], "calendars": calendars},
            )
        match = re.fullmatch(prefix + r"/calendars/([^/]+)/events(?:/([^/]+))?", request.path)
        if match is None:
            return self._error(404, "Not Found", "notFound")
        calendar, event_id = unquote(match.group(1)), match.group(2)
        if calendar != self.calendar_id:
            return self._error(404, "Not Found", "notFound")
        if request.method == "GET" and event_id:
            event = self.events.get(event_id)
            return Response(200, event) if event else self._error(404, "Not Found", "notFound")
        if request.method == "POST" and event_id is None:
            body = request.json()
            new_id = body.get("id") or uuid.uuid4().hex
            if not re.fullmatch(r"[a-v0-9]{5,1024}", new_id):
                return self._error(400, "Invalid resource id value.", "invalid")
            if new_id in self.events:
                return self._error(409, "The requested identifier already exists.", "duplicate")
            if not body.get("start", {}).get("dateTime") or not body.get("end", {}).get("dateTime"):
                return self._error(400, "Missing end time.", "required")
            self.inserts += 1
            event = body | {
                "id": new_id,
                "kind": "calendar#event",
                "status": "confirmed",
                "htmlLink": f"https://calendar.example/event?eid={new_id}",
                "_send_updates": request.param("sendUpdates"),
            }
            self.events[new_id] = event
            await self.after_create()
            return Response(200, event)
        return self._error(404, "Not Found", "notFound")


# --------------------------------------------------------------------------- Mixpanel


class FakeMixpanel(FakeVendor):
    api_secret = "fake-mixpanel-api-secret"
    project_token = "fake-mixpanel-project-token"

    gdpr_token = "fake-mixpanel-gdpr-oauth-token"

    def __init__(self) -> None:
        super().__init__()
        self.events: dict[tuple[str, str, int, str], dict[str, Any]] = {}
        self.received = 0
        # GDPR API deletion tasks: {"task_id", "distinct_ids", "compliance_type", "status"}.
        self.deletions: list[dict[str, Any]] = []
        self._tasks = itertools.count(1)

    @property
    def gdpr_url(self) -> str:
        """The GDPR API's root on this fake (mixpanel.com/api/app in production)."""
        return self.server.url + "/api/app"

    def authorized(self, request: Request) -> bool:
        if request.path == "/track":
            return True  # /track authenticates with the token inside each event
        if request.path.startswith("/api/app/"):
            return request.headers.get("authorization") == f"Bearer {self.gdpr_token}"
        expected = "Basic " + base64.b64encode(f"{self.api_secret}:".encode()).decode()
        return request.headers.get("authorization") == expected

    def unauthorized(self) -> Response:
        return Response(401, {"code": 401, "error": "Invalid credentials", "status": "error"})

    def rate_limit_response(self) -> Response:
        return Response(
            429,
            {"code": 429, "error": "Project exceeded rate limits. Please retry the request with exponential backoff.",
             "status": "error"},
            {"Retry-After": self.chaos.retry_after},
        )

    def _store(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        failed = []
        for index, record in enumerate(records):
            props = record.get("properties", {})
            insert_id = props.get("$insert_id", "")
            if not record.get("event") or not isinstance(props.get("time"), int):
                failed.append({"index": index, "$insert_id": insert_id, "field": "properties.time",
                               "message": "'properties.time' is invalid: must be an integer"})
                continue
            if insert_id and not re.fullmatch(r"[A-Za-z0-9-]{1,36}", insert_id):
                failed.append({"index": index, "$insert_id": insert_id, "field": "properties.$insert_id",
                               "message": "invalid $insert_id"})
                continue
            self.received += 1
            key = (record["event"], str(props.get("distinct_id", "")), props["time"], insert_id)
            self.events[key] = record
        return failed

    def _data_deletion(self, request: Request) -> Response:
        """POST /api/app/data-deletions/v3.0/?token=<project token>: a deletion task
        for the distinct_ids (carried out at once here: their events go)."""
        if request.param("token") != self.project_token:
            return Response(400, {"status": "error", "error": "invalid project token"})
        body = request.json()
        distinct_ids = body.get("distinct_ids") if isinstance(body, dict) else None
        if not isinstance(distinct_ids, list) or not distinct_ids or len(distinct_ids) > 2000:
            return Response(400, {"status": "error", "error": "distinct_ids must list 1 to 2000 ids"})
        task_id = f"{next(self._tasks):06d}"
        self.deletions.append({
            "task_id": task_id, "distinct_ids": distinct_ids,
            "compliance_type": body.get("compliance_type", "GDPR"), "status": "PENDING",
        })
        self.events = {key: event for key, event in self.events.items() if key[1] not in distinct_ids}
        return Response(200, {"status": "ok", "results": {"task_id": task_id}})

    async def route(self, request: Request) -> Response:
        if request.method == "POST" and request.path.rstrip("/") == "/api/app/data-deletions/v3.0":
            return self._data_deletion(request)
        if request.method != "POST" or request.path not in ("/import", "/track"):
            return Response(404, {"error": "not found", "status": 0})
        records = request.json()
        if not isinstance(records, list):
            records = [records]
        if request.path == "/track":
            if any(r.get("properties", {}).get("token") != self.project_token for r in records):
                return Response(200, {"status": 0, "error": "token, missing or empty"})
            self._store(records)
            return Response(200, {"status": 1, "error": None})
        failed = self._store(records)
        if failed and request.param("strict") == "1":
            return Response(
                400,
                {"code": 400, "error": "some data points in the request failed validation",
                 "failed_records": failed, "num_records_imported": len(records) - len(failed),
                 "status": "Bad Request"},
            )
        return Response(200, {"code": 200, "num_records_imported": len(records) - len(failed), "status": "OK"})
