"""Every public REST route, through Envoy, with hostile paths, queries, bodies and
content types: never a 5xx, a 4xx is JSON with a readable message, and a refused
write stores nothing."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given

from .stack import API_KEY
from .surface import RestRequest, RestRoute, Tally, rest_requests, rest_routes, send_rest

pytestmark = pytest.mark.e2e

ROUTES = rest_routes()


def test_the_routes_come_from_the_descriptor_set() -> None:
    names = {route.name for route in ROUTES}
    assert "POST /v1/conversations/{conversation_id}/messages" in names and len(names) == len(ROUTES) >= 10


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_hostile_requests_get_a_readable_4xx_never_a_5xx(route: RestRoute, gateway: httpx.Client, tally: Tally) -> None:
    @given(rest_requests(route, API_KEY))
    def attack(request: RestRequest) -> None:
        problems = send_rest(gateway, route, request, tally)
        assert not problems, "\n".join(problems)

    attack()
