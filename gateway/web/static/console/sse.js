// Server-Sent Events over fetch (so the request can carry an Authorization header,
// which EventSource cannot): the gateway frames a stream as `data: <JSON>` events when
// the request says Accept: text/event-stream. Shared by the chat and the console.
"use strict";
(function (global) {
  async function failure(response) {
    let message = "HTTP " + response.status;
    try {
      const body = await response.json();
      if (body && typeof body.message === "string" && body.message) message = body.message;
    } catch (e) { /* not JSON */ }
    const error = new Error(message);
    error.status = response.status;
    return error;
  }

  // Calls onEvent(object) for each event; resolves when the server ends the stream,
  // rejects on an HTTP error (error.status) or a network failure (error.status 0).
  async function stream(url, options, onEvent) {
    const headers = Object.assign({ accept: "text/event-stream" }, options.headers || {});
    let response;
    try {
      response = await fetch(url, { method: options.method || "GET", headers: headers, body: options.body,
                                    signal: options.signal, cache: "no-store" });
    } catch (e) {
      if (e && e.name === "AbortError") throw e;
      const error = new Error(String(e && e.message || e)); error.status = 0; throw error;
    }
    if (!response.ok) throw await failure(response);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (e) {
        if (e && e.name === "AbortError") throw e;
        const error = new Error("connection lost"); error.status = 0; throw error;
      }
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).replace(/^ /, "")).join("\n");
        if (!data) continue;
        let event;
        try { event = JSON.parse(data); } catch (e) { continue; }
        // A gRPC error after the stream began arrives as a status object.
        if (event && typeof event.code === "number" && typeof event.message === "string" && !event.message_id) {
          const error = new Error(event.message); error.status = 500; throw error;
        }
        onEvent(event);
      }
    }
  }

  async function call(url, options) {
    const headers = Object.assign({ "content-type": "application/json" }, options.headers || {});
    let response;
    try {
      response = await fetch(url, { method: options.method || "POST", headers: headers,
                                    body: options.body === undefined ? undefined : JSON.stringify(options.body),
                                    cache: "no-store" });
    } catch (e) {
      const error = new Error(String(e && e.message || e)); error.status = 0; throw error;
    }
    if (!response.ok) throw await failure(response);
    return response.json();
  }

  function uuid() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    const b = new Uint8Array(16); global.crypto.getRandomValues(b);
    return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  }

  // Text only, never markup: every message is shown with textContent.
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // A link only for http(s) sources; anything else is plain text.
  function sourceLink(citation) {
    const label = citation.title || citation.source || citation.document_id || "source";
    const source = String(citation.source || "");
    if (/^https?:\/\//i.test(source)) {
      const a = el("a", { href: source, target: "_blank", rel: "noopener noreferrer" }, label);
      return a;
    }
    return el("span", { class: "source", title: source }, label);
  }

  global.AtendeLive = { stream: stream, call: call, uuid: uuid, el: el, sourceLink: sourceLink };
})(window);
