// The human agents' console: the hand-off queue live (WatchHandoffs as Server-Sent
// Events), each conversation's packet and messages live (WatchConversation), claim,
// a supervisor's forced claim, answer as yourself, hand back to the AI, and the leads.
// The token (role agent, or admin for a supervisor) comes from the URL fragment
// (#token=…) or the sign-in form and stays in this tab's sessionStorage. Every text
// is shown as text.
"use strict";
(function () {
  const live = window.AtendeLive;
  const el = live.el;
  const $ = (id) => document.getElementById(id);
  const KEY = "atende.console.token";
  let token = "";
  let me = { sub: "", role: "" };
  let selected = "";
  let convoWatch = null;
  let owner = null;
  const seen = new Set();

  function claims(jwt) {
    try {
      const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(part + "===".slice((part.length + 3) % 4)));
    } catch (e) { return null; }
  }

  function signIn(value) {
    const c = claims(value.trim());
    if (!c || !c.sub || (c.role !== "agent" && c.role !== "admin")) {
      $("login-error").textContent = "Not an agent or supervisor token.";
      return false;
    }
    token = value.trim();
    me = { sub: String(c.sub), role: String(c.role) };
    sessionStorage.setItem(KEY, token);
    $("who").textContent = "Signed in as " + me.sub + (me.role === "admin" ? " (supervisor)" : " (agent)");
    $("login").hidden = true;
    $("app").hidden = false;
    watchQueue();
    return true;
  }

  function auth() { return { authorization: "Bearer " + token }; }
  function conv(id) { return "/v1/conversations/" + encodeURIComponent(id); }
  function kindName(o) {
    if (!o) return "";
    if (o.kind === "OWNER_KIND_HUMAN_QUEUE") return "waiting in the queue (" + (o.id || "default") + ")";
    if (o.kind === "OWNER_KIND_HUMAN") return "held by " + o.id + (o.id === me.sub ? " (you)" : "");
    return "with the " + (o.id || "AI") + " agent";
  }

  // The queue, live.
  let queueItems = [];
  async function watchQueue() {
    let delay = 1000;
    for (;;) {
      try {
        await live.stream("/v1/handoffs:watch?include_claimed=true", { headers: auth() }, (event) => {
          delay = 1000;
          $("queue-state").textContent = "(live)";
          if (event.heartbeat) return;
          queueItems = event.handoffs || [];
          renderQueue();
        });
      } catch (e) {
        if (e.status === 401 || e.status === 403) {
          $("queue-state").textContent = "(" + e.message + ")";
          if (e.status === 401) return logout(e.message);
        }
      }
      $("queue-state").textContent = "(reconnecting…)";
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10000);
    }
  }

  function renderQueue() {
    const list = $("queue");
    list.textContent = "";
    if (!queueItems.length) list.appendChild(el("li", { class: "empty" }, "Nobody is waiting."));
    for (const h of queueItems) {
      const packet = h.packet || {};
      const li = el("li", { tabindex: "0", role: "button", "data-conversation": h.conversation_id,
                            "aria-selected": String(h.conversation_id === selected) });
      li.appendChild(el("strong", {}, packet.customer_name || h.user_id || h.conversation_id));
      li.appendChild(el("span", { class: "meta" }, packet.reason || ""));
      li.appendChild(el("span", { class: "meta" }, "sentiment: " + (packet.sentiment || "?") + " · " + kindName(h.owner)));
      li.addEventListener("click", () => select(h.conversation_id));
      li.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(h.conversation_id); } });
      list.appendChild(li);
    }
    if (selected) {
      const current = queueItems.find((h) => h.conversation_id === selected);
      if (current) showPacket(current);
    }
  }

  function showPacket(h) {
    const packet = h.packet || {};
    const fields = $("packet-fields");
    fields.textContent = "";
    const rows = [["Customer", packet.customer_name || h.user_id], ["Reason", packet.reason],
                  ["Summary", packet.summary], ["Sentiment", packet.sentiment], ["From agent", packet.from_agent || h.agent],
                  ["Language", packet.language], ["Channel", h.channel], ["Queue", packet.queue || "default"]];
    for (const [k, v] of rows) { fields.appendChild(el("dt", {}, k)); fields.appendChild(el("dd", {}, v || "—")); }
    const bant = $("bant");
    bant.textContent = "";
    const q = packet.qualification || {};
    for (const k of ["budget", "authority", "need", "timeline"]) {
      bant.appendChild(el("dt", {}, k)); bant.appendChild(el("dd", {}, q[k] || "—"));
    }
    const cites = $("packet-citations");
    cites.textContent = "";
    for (const c of packet.citations || []) { const li = el("li"); li.appendChild(live.sourceLink(c)); cites.appendChild(li); }
    const transcript = $("transcript");
    transcript.textContent = "";
    for (const line of packet.transcript || []) transcript.appendChild(el("li", {}, line.role + ": " + line.text));
  }

  // One conversation, live.
  function select(id) {
    selected = id;
    for (const li of $("queue").querySelectorAll("li[data-conversation]")) {
      li.setAttribute("aria-selected", String(li.dataset.conversation === id));
    }
    $("detail").hidden = false;
    $("detail-title").textContent = id;
    $("action-error").textContent = "";
    $("messages").textContent = "";
    $("typing").textContent = "";
    seen.clear();
    const current = queueItems.find((h) => h.conversation_id === id);
    if (current) showPacket(current); else showPacket({ packet: {} });
    watchConversation(id);
  }

  async function watchConversation(id) {
    if (convoWatch) convoWatch.abort();
    const controller = new AbortController();
    convoWatch = controller;
    let lastId = "";
    let delay = 1000;
    while (!controller.signal.aborted) {
      try {
        const query = lastId ? "?after_message_id=" + encodeURIComponent(lastId) : "";
        await live.stream(conv(id) + ":watch" + query, { headers: auth(), signal: controller.signal }, (event) => {
          delay = 1000;
          if (event.message) { if (event.message.message_id) lastId = event.message.message_id; addMessage(event.message); }
          else if (event.owner) setOwner(event.owner);
          else if (event.typing) showTyping(event.typing);
        });
      } catch (e) {
        if (controller.signal.aborted) return;
        if (e.status >= 400 && e.status < 500) { $("action-error").textContent = e.message; return; }
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10000);
    }
  }

  function addMessage(m) {
    if (seen.has(m.message_id)) return;
    seen.add(m.message_id);
    const who = m.role === "user" ? "customer" : m.role === "human" ? ((m.metadata && m.metadata.human_id) || "person")
      : m.role === "assistant" ? (m.agent || "AI") + " (AI)" : "";
    const li = el("li", { class: m.role, "data-id": m.message_id });
    if (who) li.appendChild(el("span", { class: "who" }, who));
    li.appendChild(el("span", { class: "text" }, m.text));
    const list = $("messages");
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
    if (m.role === "user") $("typing").textContent = "";
  }

  function setOwner(o) {
    owner = o;
    $("detail-owner").textContent = "Now " + kindName(o) + ".";
    const mine = o.kind === "OWNER_KIND_HUMAN" && o.id === me.sub;
    $("claim").disabled = o.kind !== "OWNER_KIND_HUMAN_QUEUE";
    $("force").disabled = mine;
    $("return").disabled = !(mine || o.kind === "OWNER_KIND_HUMAN_QUEUE");
    $("reply").disabled = !mine;
    $("reply-send").disabled = !mine;
  }

  function showTyping(t) {
    if (t.role === "human" && t.name === me.sub) return;
    $("typing").textContent = t.active ? (t.role === "customer" ? "The customer" : t.name) + " is typing…" : "";
  }

  async function act(path, body) {
    $("action-error").textContent = "";
    try { return await live.call(conv(selected) + path, { headers: auth(), body: body }); }
    catch (e) { $("action-error").textContent = e.message; return null; }
  }

  $("claim").addEventListener("click", () => act(":claim", {}));
  $("force").addEventListener("click", () => act(":claim", { force: true }));
  $("return").addEventListener("click", () => act(":return", { note: "handed back from the console" }));
  $("reply-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("reply").value;
    if (!text.trim()) return;
    if (text.length > 4000) { $("action-error").textContent = "The answer is longer than 4,000 characters."; return; }
    const sent = await act("/humanMessages", { text: text, client_message_id: live.uuid() });
    if (sent) $("reply").value = "";
  });
  let lastTyping = 0;
  $("reply").addEventListener("input", () => {
    if (Date.now() - lastTyping < 3000 || !selected) return;
    lastTyping = Date.now();
    live.call(conv(selected) + ":typing", { headers: auth(), body: { active: true } }).catch(() => {});
  });
  $("reply").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); $("reply-form").requestSubmit(); }
  });
  $("open-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const id = $("open-id").value.trim();
    if (id) select(id);
  });

  // Leads (any human agent or supervisor).
  async function loadLeads() {
    $("leads-error").textContent = "";
    const body = $("leads");
    body.textContent = "";
    try {
      const answer = await live.call("/v1/leads?page_size=100", { method: "GET", headers: auth(), body: undefined });
      for (const lead of answer.leads || []) {
        const q = lead.qualification || {};
        const tr = el("tr");
        for (const v of [lead.score, lead.name, lead.email, lead.company, q.need, q.budget, lead.crm_status]) {
          tr.appendChild(el("td", {}, v === undefined || v === "" ? "—" : v));
        }
        body.appendChild(tr);
      }
      if (!(answer.leads || []).length) $("leads-error").textContent = "No leads yet.";
    } catch (e) {
      $("leads-error").textContent = e.status === 403 ? "Leads need a supervisor's credential (role admin)." : e.message;
    }
  }

  function view(name) {
    $("queue-view").hidden = name !== "queue";
    $("leads-view").hidden = name !== "leads";
    $("tab-queue").setAttribute("aria-pressed", String(name === "queue"));
    $("tab-leads").setAttribute("aria-pressed", String(name === "leads"));
    if (name === "leads") loadLeads();
  }
  $("tab-queue").addEventListener("click", () => view("queue"));
  $("tab-leads").addEventListener("click", () => view("leads"));
  $("leads-refresh").addEventListener("click", loadLeads);

  function logout(message) {
    sessionStorage.removeItem(KEY);
    token = "";
    $("app").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = typeof message === "string" ? message : "";
  }
  $("logout").addEventListener("click", () => { logout(""); window.location.reload(); });
  $("login-form").addEventListener("submit", (e) => { e.preventDefault(); signIn($("token").value); });

  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get("token");
  if (fromUrl) history.replaceState(null, "", window.location.pathname);
  const stored = fromUrl || sessionStorage.getItem(KEY) || "";
  if (!stored || !signIn(stored)) { $("login").hidden = false; }
  window.atendeConsole = { select: select, get owner() { return owner; } };
})();
