"""The OpenAPI document (gen/openapi.json, written by tools/gen_openapi.py from the
descriptor set): current, valid OpenAPI 3.1, complete, and faithful to the http rules'
semantics and the proto3 JSON mapping."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import descriptor_pb2
from grpc_tools import protoc
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from gateway.lua_filters import http_routes
from gateway.openapi import document, openapi_path
from gateway.web_routes import TRANSCODED_SERVICES

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "gen" / "openapi.json"
DESCRIPTOR_SET = ROOT / "gen" / "atende.pb"


def _committed() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(COMMITTED.read_text())
    return loaded


def _request_validator(spec: dict[str, Any], schema: dict[str, Any]) -> OAS31Validator:
    """What a generated client checks a body with: the schema, its $refs resolved in the document."""
    return OAS31Validator({**schema, "components": spec["components"]})


def test_the_committed_document_is_what_the_descriptor_set_gives(tmp_path: Path) -> None:
    out = tmp_path / "openapi.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "gen_openapi.py"), str(DESCRIPTOR_SET), str(out)], check=True)
    assert out.read_text() == COMMITTED.read_text(), "gen/openapi.json is stale: run `make proto`"


def test_the_document_is_valid_openapi_3_1() -> None:
    spec = _committed()
    assert spec["openapi"] == "3.1.0"
    validate(spec)  # raises, naming what is wrong


def test_every_transcoded_route_is_an_operation_with_its_grpc_method() -> None:
    spec = _committed()
    files = descriptor_pb2.FileDescriptorSet.FromString(DESCRIPTOR_SET.read_bytes()).file
    routes = [r for r in http_routes(files) if r.method.rsplit(".", 1)[0] in TRANSCODED_SERVICES]
    assert len(routes) >= 20
    for route in routes:
        operation = spec["paths"][openapi_path(route.template)][route.verb]
        assert operation["x-grpc-method"] == route.method
        assert operation["x-http-body"] == route.body
        assert {"ApiKey": []} in operation["security"] and {"BearerToken": []} in operation["security"]
        assert {"200", "400", "401", "403", "429", "503", "default"} <= set(operation["responses"])
    # The routes the gateway serves without the transcoder are there too.
    for path, verb in [("/chat/session", "post"), ("/webhooks/whatsapp", "get"), ("/webhooks/whatsapp", "post"),
                       ("/webhooks/email", "post"), ("/openapi.json", "get"), ("/docs/", "get")]:
        assert verb in spec["paths"][path]


def test_a_turn_is_described_field_by_field_with_its_required_fields_and_comments() -> None:
    spec = _committed()
    operation = spec["paths"]["/v1/conversations/{conversation_id}/messages"]["post"]
    (path_id,) = operation["parameters"]
    assert path_id["in"] == "path" and path_id["name"] == "conversation_id" and path_id["required"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    # The path's conversation_id is not in the body ("*" takes the rest of the request).
    assert set(body["properties"]) == {"user_id", "text", "channel", "client_message_id", "metadata"}
    assert body["required"] == ["user_id", "text"]
    assert "customer's id" in body["properties"]["user_id"]["description"]
    assert body["properties"]["metadata"]["additionalProperties"] == {"type": "string"}
    # A generated client refuses a turn without user_id before it is sent.
    check = _request_validator(spec, body)
    assert check.is_valid({"user_id": "maria", "text": "Oi", "channel": "web"})
    missing = list(check.iter_errors({"text": "Oi"}))
    assert len(missing) == 1 and "'user_id' is a required property" in missing[0].message
    assert not check.is_valid({"user_id": "maria", "text": 3})
    reply = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert reply == {"$ref": "#/components/schemas/atende.conversation.v1.SendMessageResponse"}


def test_streams_offer_newline_delimited_json_and_server_sent_events() -> None:
    spec = _committed()
    for path, verb in [("/v1/conversations/{conversation_id}/messages:stream", "post"),
                       ("/v1/conversations/{conversation_id}:watch", "get"), ("/v1/handoffs:watch", "get")]:
        content = spec["paths"][path][verb]["responses"]["200"]["content"]
        assert set(content) == {"application/json", "text/event-stream"}
        assert content["text/event-stream"]["x-stream-item"] == content["application/json"]["schema"]


def test_query_parameters_enums_and_timestamps_follow_the_proto3_json_mapping() -> None:
    spec = _committed()
    leads = {p["name"]: p for p in spec["paths"]["/v1/leads"]["get"]["parameters"]}
    assert {"page_size", "page_token", "min_score", "max_score", "crm_status"} <= set(leads)
    assert all(p["in"] == "query" for p in leads.values())
    crm_status = spec["components"]["schemas"]["atende.common.v1.CrmStatus"]
    assert crm_status["type"] == "string" and "CRM_STATUS_SYNCED" in crm_status["enum"]
    audit = {p["name"]: p for p in spec["paths"]["/v1/audit/events"]["get"]["parameters"]}
    assert audit["since"]["schema"] == {"$ref": "#/components/schemas/google.protobuf.Timestamp"}
    assert spec["components"]["schemas"]["google.protobuf.Timestamp"]["format"] == "date-time"


def test_errors_are_a_google_rpc_status_with_its_details_and_the_auth_schemes_are_named() -> None:
    spec = _committed()
    status = spec["components"]["schemas"]["google.rpc.Status"]
    assert set(status["properties"]) == {"code", "message", "details"}
    bad_request = {
        "code": 3, "message": "user_id: required",
        "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                     "field_violations": [{"field": "user_id", "description": "required"}]}],
    }
    assert _request_validator(spec, {"$ref": "#/components/schemas/google.rpc.Status"}).is_valid(bad_request)
    bad_request["details"][0]["field_violations"] = "user_id"
    assert not _request_validator(spec, {"$ref": "#/components/schemas/google.rpc.Status"}).is_valid(bad_request)
    schemes = spec["components"]["securitySchemes"]
    assert schemes["ApiKey"] == {**schemes["ApiKey"], "type": "apiKey", "in": "header", "name": "x-api-key"}
    assert schemes["BearerToken"]["scheme"] == "bearer"
    assert "Retry-After" in spec["components"]["responses"]["TooManyRequests"]["headers"]


# A service of every shape the http rules allow, to check the semantics our own
# protos do not use yet: a body field, a path pattern, nested query fields, 64-bit
# integers, oneofs, wrappers, additional bindings.
_SAMPLE = """
syntax = "proto3";
package sample.v1;
import "google/api/annotations.proto";
import "google/api/field_behavior.proto";
import "google/protobuf/wrappers.proto";
import "google/protobuf/duration.proto";

// Things.
service ThingService {
  // Gets a thing.
  rpc GetThing(GetThingRequest) returns (Thing) {
    option (google.api.http) = {
      get: "/v1/{name=things/*}"
      additional_bindings { get: "/v1/shelves/{shelf.id}/things/{name}" }
    };
  }
  // Updates a thing.
  rpc UpdateThing(UpdateThingRequest) returns (Thing) {
    option (google.api.http) = { patch: "/v1/{thing.name=things/*}" body: "thing" };
  }
}
// Where a thing is.
message Shelf {
  // The shelf's id.
  string id = 1;
  // Its row.
  int32 row = 2;
}
// A request.
message GetThingRequest {
  // The thing's resource name.
  string name = 1 [(google.api.field_behavior) = REQUIRED];
  // Where to look.
  Shelf shelf = 2;
  // How many.
  int64 count = 3;
  // Labels.
  repeated string labels = 4;
  // Anything.
  map<string, Shelf> by_key = 5;
}
// A thing.
message Thing {
  // Its name.
  string name = 1;
  // Its weight.
  google.protobuf.DoubleValue weight = 2;
  // A size.
  uint64 size = 3;
  // How long it lasts.
  google.protobuf.Duration life = 6;
  oneof place {
    // On a shelf.
    Shelf shelf = 4;
    // Elsewhere.
    string elsewhere = 5;
  }
}
// An update.
message UpdateThingRequest {
  // The new thing.
  Thing thing = 1 [(google.api.field_behavior) = REQUIRED];
  // Why.
  string reason = 2;
}
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("sample")
    (folder / "sample.proto").write_text(_SAMPLE)
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from gen_proto import include_dirs
    finally:
        sys.path.pop(0)
    includes = [f"-I{d}" for d in include_dirs()[1:]]
    out = folder / "sample.pb"
    rpc = ["google/rpc/error_details.proto", "google/rpc/status.proto"]
    code = protoc.main(["protoc", f"-I{folder}", *includes, "--include_imports", "--include_source_info",
                        f"--descriptor_set_out={out}", *rpc, "sample.proto"])
    assert code == 0
    files = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes()).file
    spec = document(files, services=["sample.v1.ThingService"])
    validate(spec)
    return spec


def test_path_patterns_and_nested_path_fields_become_path_parameters(sample: dict[str, Any]) -> None:
    get = sample["paths"]["/v1/{name}"]["get"]
    parameters = {p["name"]: p for p in get["parameters"]}
    assert parameters["name"]["in"] == "path" and parameters["name"]["schema"]["pattern"] == "^things/[^/]+$"
    # Without a body every other field is a query parameter, nested ones by their path; maps are not.
    assert {n: p["in"] for n, p in parameters.items()} == {
        "name": "path", "shelf.id": "query", "shelf.row": "query", "count": "query", "labels": "query",
    }
    assert parameters["count"]["schema"] == {"type": "string", "format": "int64"}
    assert parameters["labels"]["schema"]["type"] == "array" and parameters["labels"]["explode"]
    additional = sample["paths"]["/v1/shelves/{shelf.id}/things/{name}"]["get"]
    assert additional["operationId"] == "ThingService_GetThing_1"
    assert {p["name"]: p["in"] for p in additional["parameters"]}["shelf.id"] == "path"
    assert "shelf.row" in {p["name"] for p in additional["parameters"]}


def test_a_body_field_takes_that_field_and_the_rest_go_to_the_query(sample: dict[str, Any]) -> None:
    patch = sample["paths"]["/v1/{thing.name}"]["patch"]
    assert patch["requestBody"]["required"] is True
    assert patch["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("sample.v1.Thing")
    assert {p["name"]: p["in"] for p in patch["parameters"]} == {"thing.name": "path", "reason": "query"}
    thing = sample["components"]["schemas"]["sample.v1.Thing"]
    components = sample["components"]["schemas"]
    assert thing["properties"]["weight"]["$ref"].endswith("google.protobuf.DoubleValue")
    assert components["google.protobuf.DoubleValue"]["type"] == ["number", "null"]
    assert thing["properties"]["size"]["type"] == "string"
    assert thing["properties"]["life"]["$ref"].endswith("google.protobuf.Duration")
    assert components["google.protobuf.Duration"]["pattern"].endswith("s$")
    assert thing["x-oneof"] == [["shelf", "elsewhere"]]
    check = _request_validator(sample, {"$ref": "#/components/schemas/sample.v1.Thing"})
    assert check.is_valid({"name": "things/a", "shelf": {"id": "s"}})
    assert not check.is_valid({"name": "things/a", "shelf": {"id": "s"}, "elsewhere": "x"})
    assert thing["properties"]["name"]["description"] == "Its name."
