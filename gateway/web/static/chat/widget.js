// atende's web chat: one script tag on any page,
//   <script src="https://YOUR-GATEWAY/chat/widget.js" defer></script>
// adds a chat bubble (a button) and, when it is opened, the chat window: an iframe of
// the gateway's own origin, so the chat's token, network calls and rendering stay
// apart from the host page. Optional attributes: data-lang="pt" or "en" (default: the
// browser's language), data-title="…".
"use strict";
(function () {
  if (window.__atendeChat) return;
  window.__atendeChat = true;
  const script = document.currentScript;
  const origin = new URL(script ? script.src : "/chat/widget.js", window.location.href).origin;
  const lang = (script && script.dataset.lang) || navigator.language || "en";
  const pt = lang.toLowerCase().startsWith("pt");
  const labels = pt ? { open: "Abrir o chat", close: "Fechar o chat", title: "Chat de atendimento" }
                    : { open: "Open chat", close: "Close chat", title: "Customer chat" };

  const button = document.createElement("button");
  button.type = "button";
  button.id = "atende-chat-bubble";
  button.setAttribute("aria-label", labels.open);
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "atende-chat-frame");
  // A speech bubble drawn with SVG (no emoji font needed).
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "28");
  svg.setAttribute("height", "28");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
  path.setAttribute("fill", "#fff");
  svg.appendChild(path);
  button.appendChild(svg);
  Object.assign(button.style, {
    position: "fixed", right: "20px", bottom: "20px", width: "56px", height: "56px", borderRadius: "50%",
    border: "none", background: "#0b6e4f", color: "#fff", fontSize: "26px", cursor: "pointer", zIndex: "2147483646",
    boxShadow: "0 2px 8px rgba(0,0,0,.3)",
  });

  const frame = document.createElement("iframe");
  frame.id = "atende-chat-frame";
  frame.title = (script && script.dataset.title) || labels.title;
  const params = new URLSearchParams({ lang: pt ? "pt" : "en", parent: window.location.origin });
  frame.src = origin + "/chat/frame.html#" + params.toString();
  Object.assign(frame.style, {
    position: "fixed", right: "20px", bottom: "88px", width: "370px", maxWidth: "calc(100vw - 40px)",
    height: "540px", maxHeight: "calc(100vh - 110px)", border: "1px solid #ccc", borderRadius: "10px",
    background: "#fff", zIndex: "2147483647", display: "none", boxShadow: "0 4px 16px rgba(0,0,0,.25)",
  });

  function setOpen(open) {
    frame.style.display = open ? "block" : "none";
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", open ? labels.close : labels.open);
    if (open) frame.contentWindow && frame.contentWindow.postMessage({ type: "atende:opened" }, origin);
    else button.focus();
  }
  button.addEventListener("click", () => setOpen(frame.style.display === "none"));
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || !event.data || typeof event.data.type !== "string") return;
    if (event.data.type === "atende:close") setOpen(false);
  });
  function mount() { document.body.appendChild(frame); document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
