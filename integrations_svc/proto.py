"""The generated protobuf modules of this service's contract.

They are loaded through importlib, typed Any, because the generated stubs do not pass
mypy --strict (bare Mapping, untyped functions) and mypy reports errors in every
module it follows. The servicer is the only user, and stays thin."""

from __future__ import annotations

import importlib
from typing import Any

pb: Any = importlib.import_module("atende.integrations.v1.integrations_service_pb2")
types_pb: Any = importlib.import_module("atende.common.v1.types_pb2")

SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["IntegrationsService"].full_name
