// The chat window (inside the widget's iframe, on the gateway's origin). It gets a
// customer token for its own conversation from /chat/session, watches the
// conversation as Server-Sent Events (new messages, the owner, typing), sends turns
// with the reply streamed sentence by sentence, and after a network drop resumes the
// watch from the last message id it showed. Every text is shown as text.
"use strict";
(function () {
  const live = window.AtendeLive;
  const el = live.el;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const lang = params.get("lang") || (navigator.language || "en");
  const pt = lang.toLowerCase().startsWith("pt");
  const T = pt ? {
    title: "Atendimento", send: "Enviar", message: "Sua mensagem", close: "Fechar o chat",
    you: "Você", assistant: "Assistente virtual", queue: "Uma pessoa vai te responder em breve.",
    human: (n) => n + " está te atendendo.", back: "Você voltou a falar com o assistente virtual.",
    typing: (n) => n + " está digitando…", reconnecting: "Sem conexão. Reconectando…", sources: "Fontes:",
    tooLong: "A mensagem tem mais de 4.000 caracteres.", empty: "Escreva uma mensagem.",
    failed: "Não foi possível enviar: ", thinking: "Digitando…", welcome: "Olá! Como posso ajudar?",
  } : {
    title: "Customer chat", send: "Send", message: "Your message", close: "Close chat",
    you: "You", assistant: "Virtual assistant", queue: "A person will answer you shortly.",
    human: (n) => n + " is answering you.", back: "You are back with the virtual assistant.",
    typing: (n) => n + " is typing…", reconnecting: "Connection lost. Reconnecting…", sources: "Sources:",
    tooLong: "The message is longer than 4,000 characters.", empty: "Write a message.",
    failed: "Could not send: ", thinking: "Typing…", welcome: "Hello! How can I help?",
  };
  document.documentElement.lang = pt ? "pt-BR" : "en";
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const errorLine = document.getElementById("error");
  const form = document.getElementById("composer");
  const text = document.getElementById("text");
  const send = document.getElementById("send");
  const close = document.getElementById("chat-close");
  document.getElementById("chat-title").textContent = T.title;
  document.getElementById("text-label").textContent = T.message;
  text.setAttribute("aria-label", T.message);
  text.placeholder = T.message;
  send.textContent = T.send;
  close.setAttribute("aria-label", T.close);
  log.setAttribute("aria-label", T.title);

  const KEY = "atende.chat.session";
  let session = null;
  const seen = new Set(); // message ids shown
  const pending = new Map(); // client_message_id -> { user: li, reply: li }
  let lastId = "";
  let owner = null;
  let humanName = "";
  let typingTimer = null;
  let watching = null;

  function scroll() { log.scrollTop = log.scrollHeight; }
  function notice(message) { log.appendChild(el("li", { class: "notice" }, message)); scroll(); }
  function showError(message) { errorLine.textContent = message || ""; }

  function bubble(role, who, message) {
    const li = el("li", { class: "msg " + role });
    li.appendChild(el("span", { class: "who" }, who));
    li.appendChild(el("span", { class: "text" }, message));
    log.appendChild(li);
    scroll();
    return li;
  }

  function setText(li, message) { li.querySelector(".text").textContent = message; }

  function citations(li, list) {
    const old = li.querySelector(".sources");
    if (old) old.remove();
    if (!list || !list.length) return;
    const box = el("div", { class: "sources" });
    box.appendChild(el("span", {}, T.sources + " "));
    for (const c of list) box.appendChild(live.sourceLink(c));
    li.appendChild(box);
  }

  // Sessions: a short-lived customer token for this browser's conversation.
  async function newSession(renew) {
    const body = renew ? { renew: renew } : {};
    const answer = await live.call("/chat/session", { body: body });
    session = { conversation_id: answer.conversation_id, user_id: answer.user_id, token: answer.token,
                expires: Date.now() + answer.expires_in * 1000 };
    localStorage.setItem(KEY, JSON.stringify(session));
    return session;
  }

  async function ensureSession() {
    if (!session) {
      try { session = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { session = null; }
    }
    if (!session) return newSession("");
    if (Date.now() > session.expires - 60000) {
      try { return await newSession(session.token); } catch (e) { if (e.status === 403) return newSession(""); throw e; }
    }
    return session;
  }

  function auth() { return { authorization: "Bearer " + session.token }; }
  function base() { return "/v1/conversations/" + encodeURIComponent(session.conversation_id); }

  // The watch: messages, owner, typing; resumed from lastId after any drop.
  function onEvent(event) {
    if (event.message) return onMessage(event.message);
    if (event.owner) return onOwner(event.owner);
    if (event.typing) return onTyping(event.typing);
  }

  function onMessage(m) {
    if (!m.message_id || seen.has(m.message_id)) return;
    seen.add(m.message_id);
    lastId = m.message_id;
    const turn = m.client_message_id ? pending.get(m.client_message_id) : undefined;
    if (m.role === "user") {
      if (turn && turn.user && !turn.user.dataset.id) { turn.user.dataset.id = m.message_id; return; }
      bubble("user", T.you, m.text).dataset.id = m.message_id;
    } else if (m.role === "assistant") {
      if (turn && turn.reply && !turn.reply.dataset.id) {
        turn.reply.dataset.id = m.message_id;
        setText(turn.reply, m.text);
        citations(turn.reply, m.citations);
        return;
      }
      const li = bubble("assistant", T.assistant, m.text);
      li.dataset.id = m.message_id;
      citations(li, m.citations);
    } else if (m.role === "human") {
      const name = (m.metadata && m.metadata.human_id) || humanName || "";
      status.textContent = "";
      bubble("human", name, m.text).dataset.id = m.message_id;
    }
    // "system" messages record owner changes; the owner events say it in the reader's language.
  }

  function onOwner(o) {
    const kind = o.kind || "";
    const before = owner;
    owner = o;
    if (kind === "OWNER_KIND_HUMAN_QUEUE") {
      if (!before || before.kind !== kind) notice(T.queue);
    } else if (kind === "OWNER_KIND_HUMAN") {
      humanName = o.id || "";
      if (!before || before.kind !== kind || before.id !== o.id) notice(T.human(humanName));
    } else if (before && before.kind !== "OWNER_KIND_AGENT" && kind === "OWNER_KIND_AGENT") {
      notice(T.back);
    }
  }

  function onTyping(t) {
    if (t.role !== "human") return;
    clearTimeout(typingTimer);
    status.textContent = t.active ? T.typing(t.name || humanName) : "";
    if (t.active) typingTimer = setTimeout(() => { status.textContent = ""; }, 8000);
  }

  async function watch() {
    let delay = 1000;
    for (;;) {
      const controller = new AbortController();
      watching = controller;
      try {
        await ensureSession();
        const query = lastId ? "?after_message_id=" + encodeURIComponent(lastId) : "";
        await live.stream(base() + ":watch" + query, { headers: auth(), signal: controller.signal }, (event) => {
          if (status.textContent === T.reconnecting) status.textContent = "";
          delay = 1000;
          onEvent(event);
        });
      } catch (e) {
        if (e.status === 401) { try { await newSession(session ? session.token : ""); } catch (x) { /* retried below */ } }
        else if (e.status === 403) { localStorage.removeItem(KEY); session = null; lastId = ""; }
      }
      status.textContent = T.reconnecting;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10000);
    }
  }

  // Sending a turn: the reply streamed in, sentence by sentence.
  async function submit(message) {
    showError("");
    if (!message.trim()) { showError(T.empty); return; }
    if (message.length > 4000) { showError(T.tooLong); return; }
    await ensureSession();
    const id = live.uuid();
    const turn = { user: bubble("user", T.you, message), reply: null };
    pending.set(id, turn);
    text.value = "";
    send.disabled = true;
    let streamed = "";
    try {
      await live.stream(base() + "/messages:stream", {
        method: "POST", headers: Object.assign({ "content-type": "application/json" }, auth()),
        body: JSON.stringify({ user_id: session.user_id, text: message, channel: "web", client_message_id: id }),
      }, (chunk) => {
        if (chunk.delta) {
          if (!turn.reply) { turn.reply = bubble("assistant", T.assistant, ""); status.textContent = ""; }
          streamed += chunk.delta;
          if (!turn.reply.dataset.id) setText(turn.reply, streamed);
          scroll();
        }
        if (chunk.final) {
          const reply = chunk.final.reply || {};
          if (reply.text) {
            if (!turn.reply) turn.reply = bubble("assistant", T.assistant, reply.text);
            setText(turn.reply, reply.text);
            citations(turn.reply, reply.citations);
          }
          if (chunk.final.owner) onOwner(chunk.final.owner);
        }
      });
    } catch (e) {
      turn.user.classList.add("failed");
      showError(T.failed + e.message);
      if (turn.reply && !turn.reply.dataset.id) turn.reply.remove();
      text.value = text.value || message;
    } finally {
      send.disabled = false;
      text.focus();
    }
  }

  let lastTyping = 0;
  text.addEventListener("input", () => {
    if (!session || Date.now() - lastTyping < 3000 || !owner || owner.kind !== "OWNER_KIND_HUMAN") return;
    lastTyping = Date.now();
    live.call(base() + ":typing", { headers: auth(), body: { active: true } }).catch(() => {});
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    if (event.key === "Escape") closeWindow();
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); submit(text.value); });
  function closeWindow() {
    const parent = params.get("parent");
    window.parent.postMessage({ type: "atende:close" }, parent && /^https?:\/\//.test(parent) ? parent : "*");
  }
  close.addEventListener("click", closeWindow);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") closeWindow(); });
  window.addEventListener("message", (event) => {
    if (event.data && event.data.type === "atende:opened") text.focus();
  });

  notice(T.welcome);
  // For tests and for the host's own scripts: the state, read-only.
  window.atendeChat = { get session() { return session; }, get lastId() { return lastId; },
                        get seen() { return Array.from(seen); }, abortWatch: () => watching && watching.abort() };
  watch();
})();
