// The web chat: one phone-sized pane per person, fed live by server-sent events.
// Everything the bot sends arrives as entries of /api/events; what a person does goes to /api/act.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const texts = {};
const panes = [];
const paneOfChat = new Map();
let setup = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child);
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  return node;
}

function t(pane, key, args) {
  const catalog = texts[pane ? pane.lang : setup.languages[0]] || {};
  let value = catalog[key] || texts[setup.languages[0]][key] || key;
  for (const [name, arg] of Object.entries(args || {})) value = value.replace(`{${name}}`, arg);
  return value;
}

async function act(pane, body) {
  try {
    const response = await fetch("/api/act", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      toast(pane, t(pane, "failed", { error: answer.error || response.status }), false);
    }
  } catch (error) {
    toast(pane, t(pane, "failed", { error: String(error) }), false);
  }
}

// ---- the drawing of the districts ----------------------------------------------------------

const projection = {};

function prepareProjection(map) {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const district of map.districts) {
    for (const ring of district.rings) {
      for (const [lon, lat] of ring) {
        minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
      }
    }
  }
  // Longitude degrees shrink with the cosine of the latitude; the drawing keeps the shapes true.
  const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const width = 300;
  const scale = width / ((maxLon - minLon) * kx);
  Object.assign(projection, {
    minLon, maxLon, minLat, maxLat, kx, scale, width,
    height: (maxLat - minLat) * scale,
  });
}

function project(lat, lon) {
  const p = projection;
  return [(lon - p.minLon) * p.kx * p.scale, (p.maxLat - lat) * p.scale];
}

function unproject(x, y) {
  const p = projection;
  return [p.maxLat - y / p.scale, p.minLon + x / (p.kx * p.scale)];
}

function inside(lat, lon) {
  const p = projection;
  return lat >= p.minLat && lat <= p.maxLat && lon >= p.minLon && lon <= p.maxLon;
}

function drawing(withStreets) {
  const pad = 4;
  const root = svg("svg", {
    viewBox: `${-pad} ${-pad} ${projection.width + 2 * pad} ${projection.height + 2 * pad}`,
    class: "sketch",
  });
  setup.map.districts.forEach((district, index) => {
    for (const ring of district.rings) {
      const points = ring.map(([lon, lat]) => project(lat, lon).map((v) => v.toFixed(1)).join(","));
      const shape = svg("polygon", { points: points.join(" "), class: `district d${index % 4}` });
      const title = svg("title", {});
      title.textContent = district.name;
      shape.append(title);
      root.append(shape);
      const xs = ring.map(([lon, lat]) => project(lat, lon));
      const cx = xs.reduce((s, p) => s + p[0], 0) / xs.length;
      const cy = xs.reduce((s, p) => s + p[1], 0) / xs.length;
      const label = svg("text", { x: cx.toFixed(1), y: cy.toFixed(1), class: "code" });
      label.textContent = district.code;
      root.append(label);
    }
  });
  if (withStreets) {
    for (const street of setup.map.streets) {
      const [x, y] = project(street.lat, street.lon);
      const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 2.6, class: "street" });
      dot.dataset.lat = street.lat;
      dot.dataset.lon = street.lon;
      const title = svg("title", {});
      title.textContent = street.name;
      dot.append(title);
      root.append(dot);
    }
  }
  return root;
}

function pin(root, lat, lon, scale = 1) {
  root.querySelector(".pin")?.remove();
  const [x, y] = project(lat, lon);
  const group = svg("g", {
    class: "pin", transform: `translate(${x.toFixed(1)},${y.toFixed(1)}) scale(${scale})`,
  });
  group.append(svg("path", { d: "M0,0 C-3,-6 -7,-9 -7,-14 A7,7 0 1 1 7,-14 C7,-9 3,-6 0,0 Z" }));
  group.append(svg("circle", { cx: 0, cy: -14, r: 2.6, class: "pin-dot" }));
  root.append(group);
}

function nearestStreet(lat, lon) {
  let best = null, bestDistance = Infinity;
  for (const street of setup.map.streets) {
    const dx = (street.lon - lon) * projection.kx, dy = street.lat - lat;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) { best = street; bestDistance = distance; }
  }
  return best;
}

function placeView(location, venue) {
  const box = el("div", { class: "place" });
  if (inside(location.lat, location.lon)) {
    // A close-up around the pin, as a map preview would be, with the streets around it.
    const root = drawing(true);
    const [x, y] = project(location.lat, location.lon);
    root.setAttribute("viewBox", `${(x - 60).toFixed(1)} ${(y - 45).toFixed(1)} 120 80`);
    pin(root, location.lat, location.lon, 0.6);
    box.append(root);
  }
  if (venue) box.append(el("div", { class: "venue" }, el("b", {}, venue.title || ""), " ", venue.address || ""));
  box.append(el("div", { class: "coords" }, `📍 ${location.lat.toFixed(5)}, ${location.lon.toFixed(5)}`));
  return box;
}

function openPicker(pane) {
  closePicker(pane);
  let chosen = null;
  const root = drawing(true);
  const status = el("div", { class: "picked" }, t(pane, "map_hint"));
  const send = el("button", {
    class: "map-send", disabled: true,
    onclick: () => {
      if (!chosen) return;
      act(pane, { chat: pane.chat, kind: "location", lat: chosen[0], lon: chosen[1] });
      closePicker(pane);
    },
  }, t(pane, "map_send"));
  root.addEventListener("click", (event) => {
    const point = root.createSVGPoint();
    point.x = event.clientX; point.y = event.clientY;
    const local = point.matrixTransform(root.getScreenCTM().inverse());
    const target = event.target;
    chosen = target.classList && target.classList.contains("street")
      ? [Number(target.dataset.lat), Number(target.dataset.lon)]
      : unproject(local.x, local.y);
    chosen = chosen.map((v) => Math.round(v * 1e5) / 1e5);
    pin(root, chosen[0], chosen[1]);
    const street = nearestStreet(chosen[0], chosen[1]);
    status.textContent = `📍 ${chosen[0].toFixed(5)}, ${chosen[1].toFixed(5)}` +
      (street ? ` · ${street.name}` : "");
    send.disabled = false;
  });
  const overlay = el("div", { class: "map" },
    el("div", { class: "map-title" }, t(pane, "map_title")),
    root, status,
    el("div", { class: "map-buttons" },
      el("button", { class: "map-cancel", onclick: () => closePicker(pane) }, t(pane, "map_cancel")),
      send));
  pane.node.append(overlay);
}

function closePicker(pane) {
  pane.node.querySelector(".map")?.remove();
}

// ---- messages --------------------------------------------------------------------------------

function bubbleContent(pane, chat, message) {
  const parts = [];
  if (message.reply) parts.push(el("div", { class: "quote" }, message.reply));
  for (const url of message.photos || []) {
    if (url) parts.push(el("img", { class: "photo", src: url, alt: "" }));
  }
  if (message.photos && message.photos.length > 1) {
    const grid = el("div", { class: "album" }, ...parts.splice(0));
    parts.push(grid);
  }
  if (message.location) parts.push(placeView(message.location, message.venue));
  if (message.contact) {
    parts.push(el("div", { class: "contact" },
      el("div", { class: "contact-icon" }, "👤"),
      el("div", {}, el("b", {}, message.contact.name || ""), el("br"),
        el("a", { href: `tel:${(message.contact.phone || "").replace(/\s/g, "")}` },
          message.contact.phone || ""))));
  }
  for (const doc of (message.documents || (message.document ? [message.document] : []))) {
    parts.push(el("a", { class: "document", href: doc.url, download: doc.name }, `📄 ${doc.name}`));
  }
  if (message.html) {
    const text = el("div", { class: "text" });
    text.innerHTML = message.html; // sanitised by the server to Telegram's tags (render.py)
    parts.push(text);
  }
  if (message.edited) parts.push(el("span", { class: "edited" }, t(pane, "edited")));
  const bubble = el("div", { class: "bubble" }, ...parts);
  const wrapper = el("div", { class: "msg bot", "data-id": message.id }, bubble);
  if (message.buttons && message.buttons.length) {
    const rows = message.buttons.map((row) => el("div", { class: "inline-row" },
      ...row.map((button) => el("button", {
        class: "inline-btn",
        onclick: () => {
          if (button.url) window.open(button.url, "_blank", "noopener");
          else act(pane, { chat, kind: "press", message_id: message.id, data: button.data });
        },
      }, button.url ? `${button.text} ↗` : button.text))));
    wrapper.append(el("div", { class: "inline" }, ...rows));
  }
  return wrapper;
}

function myBubble(pane, entry) {
  const parts = [];
  if (entry.photo) parts.push(el("img", { class: "photo", src: entry.photo, alt: "" }));
  if (entry.location) parts.push(placeView(entry.location, null));
  if (entry.contact) {
    parts.push(el("div", { class: "contact" }, el("div", { class: "contact-icon" }, "👤"),
      el("div", {}, el("b", {}, entry.contact.name), el("br"), entry.contact.phone)));
  }
  if (entry.text) parts.push(el("div", { class: "text" }, entry.text));
  return el("div", { class: "msg me" }, el("div", { class: "bubble" }, ...parts));
}

function scrollDown(list) {
  list.scrollTop = list.scrollHeight;
}

// A picture takes its height only once loaded: keep the newest message in sight after it.
document.addEventListener("load", (event) => {
  if (event.target.tagName !== "IMG") return;
  const list = event.target.closest(".messages");
  if (list) scrollDown(list);
}, true);

function handle(entry) {
  const pane = paneOfChat.get(entry.chat);
  if (!pane) return;
  const view = pane.views.get(entry.chat);
  view.empty.hidden = true;
  if (entry.kind === "me") {
    view.list.append(myBubble(pane, entry));
  } else if (entry.kind === "bot") {
    view.list.append(bubbleContent(pane, entry.chat, entry.message));
    if (entry.keyboard) setKeyboard(pane, entry.chat, entry.keyboard);
  } else if (entry.kind === "edit") {
    const old = view.list.querySelector(`.msg.bot[data-id="${entry.message.id}"]`);
    if (old) old.replaceWith(bubbleContent(pane, entry.chat, entry.message));
  } else if (entry.kind === "delete") {
    view.list.querySelector(`.msg.bot[data-id="${entry.id}"]`)?.remove();
  } else if (entry.kind === "lang") {
    if (setup.languages.includes(entry.lang) && pane.lang !== entry.lang) {
      pane.lang = entry.lang;
      pane.node.querySelector(".lang").value = entry.lang;
      relabel(pane);
      heading(pane);
    }
    return;
  } else if (entry.kind === "popup") {
    if (entry.alert) alertBox(pane, entry.text);
    else toast(pane, entry.text, true);
  }
  if (entry.kind !== "popup" && entry.chat !== pane.chat) markUnread(pane, entry.chat);
  scrollDown(view.list);
}

function toast(pane, text, fromBot) {
  // One pop-up at a time, as in the app: a newer answer replaces the one still shown.
  pane.node.querySelector(".toast")?.remove();
  const node = el("div", { class: fromBot ? "toast" : "toast error" }, text);
  pane.node.append(node);
  setTimeout(() => node.remove(), 3000);
}

function alertBox(pane, text) {
  const box = el("div", { class: "alert" },
    el("div", { class: "alert-body" }, el("p", {}, text),
      el("button", { class: "alert-ok", onclick: () => box.remove() }, t(pane, "popup_ok"))));
  pane.node.append(box);
}

// ---- the reply keyboard --------------------------------------------------------------------

function setKeyboard(pane, chat, keyboard) {
  pane.keyboards.set(chat, keyboard.remove ? null : { ...keyboard, open: true });
  if (chat === pane.chat) showKeyboard(pane);
}

function showKeyboard(pane) {
  const keyboard = pane.keyboards.get(pane.chat);
  pane.kb.replaceChildren();
  pane.kbToggle.hidden = !keyboard;
  pane.input.placeholder = (keyboard && keyboard.placeholder) || t(pane, "placeholder");
  if (!keyboard || !keyboard.open) { pane.kb.hidden = true; return; }
  pane.kb.hidden = false;
  for (const row of keyboard.rows) {
    pane.kb.append(el("div", { class: "reply-row" }, ...row.map((button) => el("button", {
      class: "reply-btn",
      onclick: () => {
        if (button.location) { openPicker(pane); return; }
        if (keyboard.one_time) { keyboard.open = false; showKeyboard(pane); }
        if (button.contact) act(pane, { chat: pane.chat, kind: "contact" });
        else act(pane, { chat: pane.chat, kind: "text", text: button.text });
      },
    }, button.text))));
  }
}

// ---- panes -----------------------------------------------------------------------------------

function markUnread(pane, chat) {
  pane.node.querySelector(`.tab[data-chat="${chat}"]`)?.classList.add("unread");
}

function choose(pane, chat) {
  pane.chat = chat;
  const info = setup.chats.find((c) => c.id === chat);
  for (const [id, view] of pane.views) view.node.hidden = id !== chat;
  for (const tab of pane.node.querySelectorAll(".tab")) {
    const active = Number(tab.dataset.chat) === chat;
    tab.classList.toggle("active", active);
    if (active) tab.classList.remove("unread");
  }
  const privateChat = info.kind === "private";
  for (const tool of pane.node.querySelectorAll(".private-only")) tool.hidden = !privateChat;
  pane.menu.hidden = true;
  closePicker(pane);
  showKeyboard(pane);
  scrollDown(pane.views.get(chat).list);
}

function relabel(pane) {
  const persona = pane.persona;
  pane.node.querySelector(".role").textContent = t(pane, `role_${persona.key}`);
  for (const tab of pane.node.querySelectorAll(".tab")) {
    const info = setup.chats.find((c) => c.id === Number(tab.dataset.chat));
    tab.textContent = info.kind === "group" ? `👥 ${info.title}` : `👤 ${t(pane, "chat_private")}`;
    tab.title = info.kind === "group" ? t(pane, "chat_group") : t(pane, "chat_private");
  }
  for (const view of pane.views.values()) {
    view.empty.querySelector("p").textContent = t(pane, "empty");
    view.empty.querySelector("button").textContent = t(pane, "start");
  }
  pane.input.placeholder = t(pane, "placeholder");
  pane.sendButton.title = t(pane, "send");
  pane.node.querySelector(".attach").title = t(pane, "attach");
  for (const item of ["photo", "location", "contact"]) {
    pane.node.querySelector(`.menu-${item}`).textContent = t(pane, `menu_${item}`);
  }
  pane.kbToggle.title = t(pane, "keyboard_toggle");
  pane.node.querySelector(".lang").title = t(pane, "language");
  showKeyboard(pane);
}

function buildPane(persona) {
  const lang0 = setup.languages.includes(persona.lang) ? persona.lang : setup.languages[0];
  const pane = { persona, lang: lang0, views: new Map(), keyboards: new Map() };
  const chats = setup.chats.filter((c) => c.persona === persona.key);
  const lang = el("select", { class: "lang" }, ...setup.languages.map((code) =>
    el("option", { value: code, selected: code === lang0 }, texts[code].language_name)));
  lang.addEventListener("change", () => {
    pane.lang = lang.value;
    relabel(pane);
    heading(pane);
    act(pane, { chat: persona.id, kind: "language", text: lang.value });
  });
  const header = el("div", { class: "pane-head" },
    el("div", { class: "avatar" }, persona.name.slice(0, 1)),
    el("div", { class: "who" }, el("div", { class: "name" }, persona.name), el("div", { class: "role" })),
    lang);
  const tabs = chats.length > 1
    ? el("div", { class: "tabs" }, ...chats.map((c) =>
      el("button", { class: "tab", "data-chat": c.id, onclick: () => choose(pane, c.id) })))
    : null;
  const body = el("div", { class: "chats" });
  for (const chat of chats) {
    const start = el("button", { class: "start", onclick: () => act(pane, { chat: chat.id, kind: "text", text: "/start" }) });
    const empty = el("div", { class: "empty" }, el("p"), start);
    const list = el("div", { class: "messages" }, empty);
    const node = el("div", { class: "chat", "data-chat": chat.id }, list);
    body.append(node);
    pane.views.set(chat.id, { node, list, empty });
    paneOfChat.set(chat.id, pane);
  }
  pane.input = el("input", { class: "text", type: "text", autocomplete: "off" });
  const send = () => {
    const text = pane.input.value.trim();
    if (!text) return;
    pane.input.value = "";
    act(pane, { chat: pane.chat, kind: "text", text });
  };
  pane.input.addEventListener("keydown", (event) => { if (event.key === "Enter") send(); });
  pane.sendButton = el("button", { class: "send", onclick: send }, "➤");
  pane.kb = el("div", { class: "replykb", hidden: true });
  pane.kbToggle = el("button", {
    class: "kb-toggle", hidden: true,
    onclick: () => {
      const keyboard = pane.keyboards.get(pane.chat);
      if (keyboard) { keyboard.open = !keyboard.open; showKeyboard(pane); }
    },
  }, "⌨");
  // 📎 opens the attachments, as in the app (the bot's hints say "📎 → Location").
  const closeMenu = () => { pane.menu.hidden = true; };
  pane.menu = el("div", { class: "attach-menu", hidden: true },
    el("button", { class: "menu-photo", onclick: () => { closeMenu(); act(pane, { chat: pane.chat, kind: "photo" }); } }),
    el("button", { class: "menu-location", onclick: () => { closeMenu(); openPicker(pane); } }),
    el("button", { class: "menu-contact", onclick: () => { closeMenu(); act(pane, { chat: pane.chat, kind: "contact" }); } }));
  const bar = el("div", { class: "bar" },
    el("button", { class: "attach private-only", onclick: () => { pane.menu.hidden = !pane.menu.hidden; } }, "📎"),
    pane.input, pane.kbToggle, pane.sendButton);
  pane.node = el("section", { class: "pane", "data-persona": persona.key }, header, tabs, body, pane.kb, pane.menu, bar);
  panes.push(pane);
  relabel(pane);
  choose(pane, chats[0].id);
  return pane.node;
}

// The page's own heading speaks the language last chosen in a pane (the resident's at first).
function heading(pane) {
  document.documentElement.lang = pane.lang;
  document.title = t(pane, "page_title");
  document.getElementById("title").textContent = t(pane, "page_title");
  document.getElementById("note").textContent = t(pane, "page_note");
  document.getElementById("offline").textContent = t(pane, "offline");
}

async function main() {
  setup = await (await fetch("/api/setup")).json();
  await Promise.all(setup.languages.map(async (code) => {
    texts[code] = await (await fetch(`/static/texts/${code}.json`)).json();
  }));
  prepareProjection(setup.map);
  const main = document.getElementById("panes");
  for (const persona of setup.personas) main.append(buildPane(persona));
  heading(panes[0]);
  const offline = document.getElementById("offline");
  const events = new EventSource("/api/events");
  events.onopen = () => { offline.hidden = true; };
  events.onerror = () => { offline.hidden = false; };
  events.onmessage = (event) => {
    const entry = JSON.parse(event.data);
    // The web chat was started again: its chats begin anew, and so does the page.
    if (entry.kind === "reset") { window.location.reload(); return; }
    handle(entry);
  };
  document.body.dataset.ready = "1";
}

main();
