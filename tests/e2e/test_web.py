"""The people at both ends, in a real browser: Debian's Chromium, headless, driven by
selenium, against the whole stack. A customer chats in the embedded widget and gets a
streamed answer with a citation, asks for a person; a human agent in another browser
sees the hand-off arrive in the console without reloading, claims it and answers; the
customer sees the answer live; a dropped connection resumes with nothing lost or
repeated; the agent hands back. Script injection is shown as text everywhere.

Screenshots of each step go to build/test-artifacts/web/ (ATENDE_TEST_ARTIFACTS
elsewhere). Without chromium and chromedriver (tools/chromium.sh installs them) the
browser tests skip, saying why."""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devstack.stack import ROOT, Stack, StackConfig
from gateway.tokens import TokenKeys

pytestmark = pytest.mark.e2e

KEY = "e2e-web-key"
XSS = "<img src=x onerror=alert(1)>"
ARTIFACTS = Path(os.environ.get("ATENDE_TEST_ARTIFACTS", str(ROOT / "build" / "test-artifacts"))) / "web"


def _chromium() -> tuple[str, str] | None:
    local = ROOT / "build" / "tools"
    browser = shutil.which("chromium") or shutil.which("chromium", path=str(local))
    driver = shutil.which("chromedriver") or shutil.which("chromedriver", path=str(local))
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, database_url: str, redis_url: str) -> Iterator[Stack]:
    suffix = uuid.uuid4().hex[:10]
    config = StackConfig.on_free_ports(
        tmp_path_factory.mktemp("web-stack"),
        database_url=database_url,
        redis_url=redis_url,
        api_keys=(KEY,),
        rate_limit_per_minute=1000,
        tracing=False,
        extra_env={
            "MEMORY_DB_SCHEMA": f"e2e_web_memory_{suffix}",
            "MEMORY_REDIS_PREFIX": f"e2e-web:{suffix}:",
            "INTEGRATIONS_DB_SCHEMA": f"e2e_web_integrations_{suffix}",
            "MEMORY_RELAY_ENABLED": "false",
        },
    )
    running = Stack(config)
    running.start()
    yield running
    running.stop()


def _session(stack: Stack) -> dict[str, Any]:
    answer = httpx.post(f"{stack.gateway_url}/chat/session", timeout=10)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _sse(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line[5:]) for line in lines if line.startswith("data:")]


def test_watches_are_server_sent_events_for_browsers_and_refused_to_other_customers(stack: Stack) -> None:
    chat = _session(stack)
    cid, token = chat["conversation_id"], chat["token"]
    bearer = {"authorization": f"Bearer {token}"}
    base = stack.gateway_url
    with httpx.Client(base_url=base, headers=bearer, timeout=30) as http:
        turn = {"user_id": chat["user_id"], "text": "Oi", "channel": "web", "client_message_id": "m-1"}
        # The streamed turn: SSE for EventSource-style clients, NDJSON for the others.
        with http.stream("POST", f"/v1/conversations/{cid}/messages:stream", json=turn,
                         headers={"accept": "text/event-stream"}) as streamed:
            assert streamed.status_code == 200 and streamed.headers["content-type"].startswith("text/event-stream")
            events = _sse(list(streamed.iter_lines()))
        assert events[-1]["final"]["reply"]["text"]
        replayed = http.post(f"/v1/conversations/{cid}/messages:stream", json=turn)
        assert replayed.headers["content-type"].startswith("application/json")
        assert json.loads(replayed.text.splitlines()[-1])["final"]["replayed"] is True
        # The watch: SSE, history first.
        with http.stream("GET", f"/v1/conversations/{cid}:watch", headers={"accept": "text/event-stream"}) as watch:
            assert watch.headers["content-type"].startswith("text/event-stream")
            seen: list[dict[str, Any]] = []
            for line in watch.iter_lines():
                seen += _sse([line])
                if sum("message" in e for e in seen) == 2:
                    break
        assert seen[0]["owner"]["kind"] == "OWNER_KIND_AGENT"
        assert [e["message"]["role"] for e in seen if "message" in e] == ["user", "assistant"]
        # Another conversation, the queue: refused before any event.
        other = http.get("/v1/conversations/somebody-else:watch", headers={"accept": "text/event-stream"})
        assert other.status_code == 403 and "another conversation" in other.json()["message"]
        queue = http.get("/v1/handoffs:watch", headers={"accept": "text/event-stream"})
        assert queue.status_code == 403
        # The widget's bad input gets the API's 400.
        long = http.post(f"/v1/conversations/{cid}/messages:stream", headers={"accept": "text/event-stream"},
                         json={**turn, "client_message_id": "m-2", "text": "a" * 4001})
        assert long.status_code == 400 and "4000" in long.json()["message"]
        broken = http.post(f"/v1/conversations/{cid}/messages:stream", headers={"accept": "text/event-stream",
                           "content-type": "application/json"}, content=b'{"text": ')
        assert broken.status_code == 400
    # Without a token: 401, and no admin key ever reaches the browser.
    assert httpx.get(f"{base}/v1/conversations/{cid}:watch", timeout=10).status_code == 401
    page = httpx.get(f"{base}/chat/frame.html", timeout=10)
    assert page.status_code == 200 and KEY not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    renewed = httpx.post(f"{base}/chat/session", json={"renew": token}, timeout=10).json()
    assert (renewed["conversation_id"], renewed["user_id"]) == (cid, chat["user_id"])
    assert httpx.post(f"{base}/chat/session", json={"renew": "forged"}, timeout=10).status_code == 403


# The browser tests.


@pytest.fixture(scope="module")
def browser() -> Iterator[Callable[[str], Any]]:
    found = _chromium()
    if found is None:
        pytest.skip("chromium and chromedriver are not installed (tools/chromium.sh installs Debian's packages)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[dev]')")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download anything
    drivers: list[Any] = []

    def start(lang: str = "en-US") -> Any:
        options = webdriver.ChromeOptions()
        options.binary_location = found[0]
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--lang={lang}", "--window-size=1280,900", "--disable-extensions"):
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"intl.accept_languages": lang})
        driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
        driver.set_page_load_timeout(30)
        drivers.append(driver)
        return driver

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield start
    for driver in drivers:
        driver.quit()


def _wait(condition: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception as error:  # the page may be between states
            last = error
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}" + (f" ({last})" if last else ""))


def _shot(driver: Any, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def _no_alert(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    raise AssertionError(f"a script ran: alert({text!r})")


def _texts(driver: Any, selector: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [str(e.text) for e in driver.find_elements(By.CSS_SELECTOR, selector)]


def test_customer_and_agent_live_in_two_browsers(stack: Stack, browser: Callable[..., Any]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    customer = browser("en-US")
    customer.get(stack.chat_url)
    bubble = _wait(lambda: customer.find_element(By.ID, "atende-chat-bubble"), "the chat bubble")
    assert bubble.get_attribute("aria-label") == "Open chat" and bubble.get_attribute("aria-expanded") == "false"
    bubble.send_keys(Keys.ENTER)  # the keyboard opens it
    assert bubble.get_attribute("aria-expanded") == "true"
    customer.switch_to.frame(customer.find_element(By.ID, "atende-chat-frame"))
    box = _wait(lambda: customer.find_element(By.ID, "text"), "the message box")
    assert box.get_attribute("aria-label") == "Your message"
    session = _wait(lambda: customer.execute_script("return window.atendeChat.session"), "the chat session")
    cid = session["conversation_id"]
    _shot(customer, "01-customer-opened")

    # 1. A streamed answer with a citation.
    box.send_keys("My inverter shows error E-104, what should I do?", Keys.ENTER)
    _wait(lambda: customer.find_elements(By.CSS_SELECTOR, "li.msg.assistant .sources"), "a cited answer")
    answer = _texts(customer, "li.msg.assistant .text")[-1]
    assert "insulation" in answer.lower()  # what the knowledge base says E-104 is
    _shot(customer, "02-customer-streamed-answer-with-citation")

    # 2. Script injection from the customer is text.
    box.send_keys(XSS, Keys.ENTER)
    _wait(lambda: XSS in _texts(customer, "li.msg.user .text"), "the injected text shown as text")
    assert not customer.find_elements(By.CSS_SELECTOR, "#log img")
    _no_alert(customer)

    # 3. The agent's console is open before the customer asks for a person.
    agent = browser("en-US")
    token = TokenKeys(stack.config.data_dir / "jwt").mint(role="agent", subject="ana", ttl_seconds=3600)
    agent.get(f"{stack.console_url}#token={token}")
    _wait(lambda: "Signed in as ana" in agent.find_element(By.ID, "who").text, "the agent signed in")
    assert "token=" not in agent.current_url
    _wait(lambda: agent.find_element(By.ID, "queue-state").text == "(live)", "the live queue")
    _shot(agent, "03-agent-console-empty-queue")

    box.send_keys("Can I talk to a person, please?", Keys.ENTER)
    _wait(lambda: "A person will answer you shortly." in _texts(customer, "li.notice"), "the hand-off notice")
    _shot(customer, "04-customer-handed-off")

    # 4. The hand-off appears in the console without a reload.
    item = _wait(lambda: agent.find_element(By.CSS_SELECTOR, f'#queue li[data-conversation="{cid}"]'), "the queue item")
    _shot(agent, "05-agent-sees-hand-off")
    item.click()
    _wait(lambda: XSS in _texts(agent, "#messages li.user .text"), "the conversation in the console")
    assert not agent.find_elements(By.CSS_SELECTOR, "#messages img, #transcript img")
    assert _wait(lambda: agent.find_element(By.ID, "packet-fields").text, "the packet")
    agent.find_element(By.ID, "claim").click()
    _wait(lambda: "held by ana (you)" in agent.find_element(By.ID, "detail-owner").text, "the claim")
    _shot(agent, "06-agent-claimed")

    # 5. The agent answers; the customer sees it live, with the person's name.
    _wait(lambda: "ana is answering you." in _texts(customer, "li.notice"), "the person's name")
    reply = agent.find_element(By.ID, "reply")
    reply.send_keys("Oi, aqui é a Ana. " + XSS)
    agent.find_element(By.ID, "reply-send").click()
    _wait(lambda: any("Oi, aqui é a Ana." in t for t in _texts(customer, "li.msg.human .text")), "the human reply")
    assert not customer.find_elements(By.CSS_SELECTOR, "#log img")
    assert "ana" in _texts(customer, "li.msg.human .who")
    _no_alert(customer)
    _no_alert(agent)
    _shot(customer, "07-customer-sees-human-answer")

    # 6. The network drops; two answers are stored meanwhile; the chat resumes from
    # the last message it showed: both arrive, once each.
    customer.execute_cdp_cmd("Network.enable", {})
    customer.execute_cdp_cmd("Network.emulateNetworkConditions",
                             {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    customer.execute_script("window.atendeChat.abortWatch()")
    _wait(lambda: customer.find_element(By.ID, "status").text.startswith("Connection lost"), "the reconnecting notice")
    _shot(customer, "08-customer-offline")
    for text in ("First answer while you were offline.", "Second answer while you were offline."):
        reply.send_keys(text)
        agent.find_element(By.ID, "reply-send").click()
        _wait(lambda t=text: t in _texts(agent, "#messages li.human .text"), "the agent's own message")  # type: ignore[misc]
    customer.execute_cdp_cmd("Network.emulateNetworkConditions",
                             {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    _wait(lambda: "Second answer while you were offline." in _texts(customer, "li.msg.human .text"), "the resumed watch",
          timeout=30)
    time.sleep(1.0)
    humans = _texts(customer, "li.msg.human .text")
    assert humans.count("First answer while you were offline.") == 1
    assert humans.count("Second answer while you were offline.") == 1
    ids = customer.execute_script("return Array.from(document.querySelectorAll('#log li[data-id]')).map(e => e.dataset.id)")
    assert len(ids) == len(set(ids))
    _shot(customer, "09-customer-resumed-no-gap-no-duplicate")

    # 7. Hand back to the AI: the customer is told, and the AI answers again.
    agent.find_element(By.ID, "return").click()
    _wait(lambda: "with the" in agent.find_element(By.ID, "detail-owner").text, "the hand-back")
    _wait(lambda: "You are back with the virtual assistant." in _texts(customer, "li.notice"), "the hand-back notice")
    before = len(_texts(customer, "li.msg.assistant"))
    box.send_keys("What is the warranty of the inverter?", Keys.ENTER)
    _wait(lambda: len(_texts(customer, "li.msg.assistant")) > before, "an AI answer after the hand-back")
    _shot(customer, "10-customer-back-with-ai")
    _shot(agent, "11-agent-handed-back")


def test_the_chat_speaks_portuguese_to_a_portuguese_browser(stack: Stack, browser: Callable[..., Any]) -> None:
    from selenium.webdriver.common.by import By

    driver = browser("pt-BR")
    driver.get(stack.chat_url)
    bubble = _wait(lambda: driver.find_element(By.ID, "atende-chat-bubble"), "the chat bubble")
    assert bubble.get_attribute("aria-label") == "Abrir o chat"
    bubble.click()
    driver.switch_to.frame(driver.find_element(By.ID, "atende-chat-frame"))
    _wait(lambda: driver.find_element(By.ID, "send").text == "Enviar", "the Portuguese labels")
    _shot(driver, "12-chat-in-portuguese")


# The OpenAPI document and its reference page, through Envoy, on this module's stack.


def _openapi_check(spec: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A validator of one schema of the document, its $refs resolved in the document."""
    from openapi_schema_validator import OAS31Validator

    return OAS31Validator({**schema, "components": spec["components"]})


def _response_schema(spec: dict[str, Any], path: str, verb: str, code: str = "200") -> dict[str, Any]:
    response = spec["paths"][path][verb]["responses"][code]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return dict(response["content"]["application/json"]["schema"])


def test_the_gateway_serves_the_openapi_document_and_its_reference_page(stack: Stack) -> None:
    from openapi_spec_validator import validate

    base = stack.gateway_url
    served = httpx.get(f"{base}/openapi.json", timeout=10)  # public: no credential
    assert served.status_code == 200 and served.headers["content-type"].startswith("application/json")
    assert served.content == (ROOT / "gen" / "openapi.json").read_bytes()
    validate(served.json())
    page = httpx.get(f"{base}/docs/", timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script src="/docs/docs.js"' in page.text and "<script>" not in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    for asset, kind in (("/docs/docs.js", "text/javascript"), ("/docs/docs.css", "text/css")):
        answer = httpx.get(base + asset, timeout=10)
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(kind)
    # The API itself still needs a credential; the document's paths are no way around it.
    assert httpx.get(f"{base}/openapi.json/../v1/agents", timeout=10).status_code in (401, 404)


def test_what_the_gateway_answers_is_what_the_document_says(stack: Stack) -> None:
    """Real answers, validated against the document's schemas: a turn, the
    conversation, every list route, a refused turn and a refused credential."""
    spec = httpx.get(f"{stack.gateway_url}/openapi.json", timeout=10).json()
    conversation = "oa-" + uuid.uuid4().hex[:8]
    with httpx.Client(base_url=stack.gateway_url, headers={"x-api-key": KEY}, timeout=60) as http:
        calls = [
            ("/v1/conversations/{conversation_id}/messages", "post",
             http.post(f"/v1/conversations/{conversation}/messages",
                       json={"user_id": "oa-user", "text": "Quanto custa o kit solar?", "channel": "web"})),
            ("/v1/conversations/{conversation_id}", "get", http.get(f"/v1/conversations/{conversation}")),
            ("/v1/agents", "get", http.get("/v1/agents")),
            ("/v1/leads", "get", http.get("/v1/leads")),
            ("/v1/handoffs", "get", http.get("/v1/handoffs")),
            ("/v1/audit/events", "get", http.get("/v1/audit/events", params={"page_size": 5})),
            ("/v1/knowledge:search", "post", http.post("/v1/knowledge:search", json={"query": "garantia", "top_k": 2})),
            ("/v1/guardrails:check", "post", http.post("/v1/guardrails:check", json={"text": "oi", "stage": "input"})),
        ]
        for path, verb, answer in calls:
            assert answer.status_code == 200, (path, answer.text)
            errors = list(_openapi_check(spec, _response_schema(spec, path, verb)).iter_errors(answer.json()))
            assert not errors, (path, [e.message for e in errors[:3]])
        # A turn without user_id: what the document marks required is what the gateway refuses.
        body = spec["paths"]["/v1/conversations/{conversation_id}/messages"]["post"]["requestBody"]
        schema = body["content"]["application/json"]["schema"]
        turn = {"text": "Oi", "channel": "web"}
        assert not _openapi_check(spec, schema).is_valid(turn)
        refused = http.post(f"/v1/conversations/{conversation}/messages", json=turn)
        assert refused.status_code == 400 and "user_id" in refused.json()["message"]
        status = _response_schema(spec, "/v1/conversations/{conversation_id}/messages", "post", "400")
        assert _openapi_check(spec, status).is_valid(refused.json()), refused.text
    unauthenticated = httpx.get(f"{stack.gateway_url}/v1/agents", timeout=10)
    assert unauthenticated.status_code == 401
    assert _openapi_check(spec, _response_schema(spec, "/v1/agents", "get", "401")).is_valid(unauthenticated.json())
    session = httpx.post(f"{stack.gateway_url}/chat/session", timeout=10)
    assert _openapi_check(spec, _response_schema(spec, "/chat/session", "post")).is_valid(session.json())
    # The webhooks (no vendor configured here): each refusal is one the document lists, with its body.
    hooks = [
        ("/webhooks/whatsapp", "get", httpx.get(f"{stack.gateway_url}/webhooks/whatsapp", timeout=10,
                                                params={"hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "x"})),
        ("/webhooks/whatsapp", "post", httpx.post(f"{stack.gateway_url}/webhooks/whatsapp", json={}, timeout=10)),
        ("/webhooks/email", "post", httpx.post(f"{stack.gateway_url}/webhooks/email", data={"from": "a@b.c"}, timeout=10)),
    ]
    for path, verb, answer in hooks:
        code = str(answer.status_code)
        assert code.startswith("4") and code in spec["paths"][path][verb]["responses"], (path, verb, answer.text)
        assert _openapi_check(spec, _response_schema(spec, path, verb, code)).is_valid(answer.json()), answer.text


def test_the_reference_page_renders_every_operation_under_its_policy(stack: Stack, browser: Callable[..., Any]) -> None:
    from selenium.webdriver.common.by import By

    driver = browser("en-US")
    driver.get(f"{stack.gateway_url}/docs/#ConversationService_SendMessage")
    section = _wait(lambda: driver.find_element(By.ID, "ConversationService_SendMessage"), "the turn's section")
    assert "POST" in section.text and "/v1/conversations/{conversation_id}/messages" in section.text
    assert "user_id *" in section.text and "Who may call" in section.text
    spec = httpx.get(f"{stack.gateway_url}/openapi.json", timeout=10).json()
    operations = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    shown = driver.execute_script("return Array.from(document.querySelectorAll('section.operation[id]')).map(e => e.id)")
    assert set(operations) <= set(shown)
    assert len(_texts(driver, "#toc li")) == len(operations)
    driver.find_element(By.ID, "filter").send_keys("handoffs")
    visible = driver.execute_script("return Array.from(document.querySelectorAll('#toc li')).filter(e => !e.hidden).length")
    assert 0 < visible < len(operations)
    _shot(driver, "13-api-reference")
