// The API reference: renders /openapi.json (generated from the protos) as a page.
// Plain DOM, text only (never innerHTML): descriptions come from proto comments.
"use strict";

const METHODS = ["get", "post", "put", "patch", "delete"];
const MAX_DEPTH = 4;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// Inline markup of the comments: `code` and **bold**, the rest as text.
function inline(text) {
  const span = el("span");
  const parts = String(text).split(/(`[^`]+`|\*\*[^*]+\*\*)/);
  for (const part of parts) {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) span.append(el("code", { text: part.slice(1, -1) }));
    else if (part.startsWith("**") && part.endsWith("**") && part.length > 3) span.append(el("strong", { text: part.slice(2, -2) }));
    else if (part) span.append(document.createTextNode(part));
  }
  return span;
}

function prose(text) {
  const box = el("div", { class: "prose" });
  for (const paragraph of String(text || "").split(/\n\s*\n/)) {
    if (paragraph.trim()) box.append(el("p", {}, inline(paragraph.trim())));
  }
  return box;
}

function refName(ref) {
  return ref.replace("#/components/schemas/", "");
}

function anchor(id) {
  return id.replace(/[^A-Za-z0-9_.-]/g, "_");
}

// A schema's type in a few words, with links to the named schemas.
function typeOf(schema) {
  const box = el("span", { class: "type" });
  if (!schema || Object.keys(schema).length === 0) { box.textContent = "any JSON"; return box; }
  if (schema.$ref) {
    const name = refName(schema.$ref);
    box.append(el("a", { href: "#schema-" + anchor(name), text: name.split(".").pop() }));
    return box;
  }
  if (schema.type === "array") { box.append("array of ", typeOf(schema.items)); return box; }
  if (schema.type === "object" && schema.additionalProperties && schema.additionalProperties !== true) {
    box.append("map of string to ", typeOf(schema.additionalProperties));
    return box;
  }
  const types = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type || "object");
  box.append(types + (schema.format ? ` (${schema.format})` : ""));
  return box;
}

function enumList(schema) {
  if (!schema || !schema.enum) return null;
  return el("ul", { class: "enum" }, ...schema.enum.map((v) => el("li", {}, el("code", { text: String(v) }))));
}

// An object's properties as a table; inline objects open below their row.
function propertiesTable(schema, doc, depth) {
  const resolved = resolve(schema, doc);
  const properties = (resolved && resolved.properties) || {};
  const names = Object.keys(properties);
  if (names.length === 0) return el("p", { class: "meta", text: "No fields." });
  const required = new Set(resolved.required || []);
  const body = el("tbody");
  for (const name of names) {
    const property = properties[name];
    const cell = el("td", {}, prose(property.description || ""));
    const inner = property.type === "array" ? property.items : property;
    if (inner && !inner.$ref && inner.properties && depth < MAX_DEPTH) {
      cell.append(el("details", {}, el("summary", { text: "fields" }), propertiesTable(inner, doc, depth + 1)));
    }
    const enums = enumList(resolve(inner, doc));
    if (enums) cell.append(enums);
    body.append(el("tr", {},
      el("td", { class: "name" }, name, required.has(name) ? el("span", { class: "required", title: "required", text: " *" }) : null),
      el("td", {}, typeOf(property), property.readOnly ? " read-only" : ""),
      cell));
  }
  const table = el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "field" }), el("th", { text: "type" }),
    el("th", { text: "description" }))), body);
  const box = el("div", {}, table);
  if (resolved["x-oneof"]) {
    for (const group of resolved["x-oneof"]) box.append(el("p", { class: "meta", text: "At most one of: " + group.join(", ") }));
  }
  return box;
}

function resolve(schema, doc) {
  if (schema && schema.$ref) return doc.components.schemas[refName(schema.$ref)] || {};
  return schema;
}

function schemaBlock(schema, doc) {
  const box = el("div");
  const resolved = resolve(schema, doc);
  box.append(el("p", {}, typeOf(schema)));
  if (resolved && resolved.properties) box.append(propertiesTable(schema, doc, 1));
  return box;
}

function parametersTable(parameters) {
  const body = el("tbody");
  for (const p of parameters) {
    body.append(el("tr", {},
      el("td", { class: "name" }, p.name, p.required ? el("span", { class: "required", title: "required", text: " *" }) : null),
      el("td", { text: p.in }),
      el("td", {}, typeOf(p.schema), p.schema && p.schema.pattern ? el("div", { class: "meta", text: "pattern " + p.schema.pattern }) : null),
      el("td", {}, prose(p.description || ""))));
  }
  return el("table", {}, el("thead", {}, el("tr", {}, ...["name", "in", "type", "description"].map((h) => el("th", { text: h })))), body);
}

function responses(operation, doc) {
  const list = el("div");
  for (const [code, response] of Object.entries(operation.responses || {})) {
    const resolved = response.$ref ? doc.components.responses[response.$ref.split("/").pop()] : response;
    const content = resolved.content || {};
    const item = el("details", {}, el("summary", {}, el("strong", { text: code }), " ", inline(resolved.description || "")));
    for (const [type, media] of Object.entries(content)) {
      const schema = media["x-stream-item"] || media.schema;
      item.append(el("p", { class: "meta" }, el("code", { text: type }), media["x-stream"] ? " (" + media["x-stream"] + ")" : "",
        media["x-stream-item"] ? " (events, each:)" : ""));
      item.append(schemaBlock(schema, doc));
    }
    list.append(item);
  }
  return list;
}

function operationSection(path, method, operation, doc) {
  const section = el("section", { class: "operation", id: anchor(operation.operationId || method + path) });
  section.append(el("h3", {}, el("span", { class: "verb " + method, text: method.toUpperCase() }), path));
  if (operation.summary) section.append(el("p", {}, el("strong", {}, inline(operation.summary))));
  section.append(prose(operation.description || ""));
  const security = operation.security || doc.security || [];
  const schemes = security.flatMap((s) => Object.keys(s));
  section.append(el("p", { class: "meta", text: "Credentials: " + (schemes.length ? schemes.join(" or ") : "none") }));
  if (operation.parameters && operation.parameters.length) {
    section.append(el("h4", { text: "Parameters" }), parametersTable(operation.parameters));
  }
  if (operation.requestBody) {
    const body = operation.requestBody;
    section.append(el("h4", { text: "Request body" + (body.required ? " (required)" : "") }), prose(body.description || ""));
    for (const [type, media] of Object.entries(body.content || {})) {
      section.append(el("p", { class: "meta" }, el("code", { text: type })), schemaBlock(media.schema, doc));
    }
  }
  section.append(el("h4", { text: "Responses" }), responses(operation, doc));
  return section;
}

function render(doc) {
  document.getElementById("title").textContent = doc.info.title;
  document.getElementById("version").textContent = "version " + doc.info.version + " · OpenAPI " + doc.openapi;
  document.title = doc.info.title + " — reference";
  const main = document.getElementById("main");
  const toc = document.getElementById("toc");
  main.replaceChildren(el("section", { id: "overview" }, el("h2", { text: "Overview" }), prose(doc.info.description)));
  const byTag = new Map((doc.tags || []).map((t) => [t.name, { tag: t, operations: [] }]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      const tag = (item[method].tags || ["Other"])[0];
      if (!byTag.has(tag)) byTag.set(tag, { tag: { name: tag }, operations: [] });
      byTag.get(tag).operations.push([path, method, item[method]]);
    }
  }
  for (const { tag, operations } of byTag.values()) {
    if (operations.length === 0) continue;
    main.append(el("h2", { id: "tag-" + anchor(tag.name), text: tag.name }), prose(tag.description || ""));
    const links = el("ul");
    for (const [path, method, operation] of operations) {
      main.append(operationSection(path, method, operation, doc));
      const link = el("a", { href: "#" + anchor(operation.operationId || method + path) },
        el("span", { class: "verb " + method, text: method.toUpperCase() }), path);
      links.append(el("li", { "data-search": (method + " " + path + " " + (operation.operationId || "")).toLowerCase() }, link));
    }
    toc.append(el("h2", { text: tag.name }), links);
  }
  main.append(el("h2", { id: "schemas", text: "Schemas" }));
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    const section = el("section", { class: "operation", id: "schema-" + anchor(name) }, el("h3", { text: name }));
    section.append(prose(schema.description || ""));
    if (schema.properties) section.append(propertiesTable(schema, doc, 1));
    else section.append(el("p", {}, typeOf(schema)), enumList(schema) || "");
    main.append(section);
  }
  if (location.hash) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
  }
}

function filter(text) {
  const words = text.toLowerCase().trim();
  for (const item of document.querySelectorAll("#toc li")) {
    item.hidden = words !== "" && !item.dataset.search.includes(words);
  }
  // A service with no match loses its heading too.
  for (const list of document.querySelectorAll("#toc ul")) {
    list.previousElementSibling.hidden = Array.from(list.children).every((item) => item.hidden);
  }
}

document.getElementById("filter").addEventListener("input", (event) => filter(event.target.value));
fetch("/openapi.json", { headers: { accept: "application/json" } })
  .then((response) => {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  })
  .then(render)
  .catch((error) => {
    document.getElementById("status").textContent = "Could not load /openapi.json: " + error.message;
  });
