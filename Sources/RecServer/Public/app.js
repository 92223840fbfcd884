// Marquee's web page: plain JavaScript against the /v1 API, no build step.
"use strict";

const state = { key: null, user: null, diversity: 0 };
const $ = (id) => document.getElementById(id);

function readKey() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fromLink) {
    localStorage.setItem("marquee-key", fromLink);
    history.replaceState(null, "", location.pathname);
  }
  return localStorage.getItem("marquee-key");
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "Authorization": `Bearer ${state.key}`, "Content-Type": "application/json" },
  });
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    if (response.status === 401) showKeyForm();
    throw new Error(body && body.detail ? body.detail : `HTTP ${response.status}`);
  }
  return body;
}

function say(message) { $("status").textContent = message; }

function showKeyForm() { $("key-form").hidden = false; }

function card(item) {
  const li = document.createElement("li");
  li.className = "card";
  li.dataset.item = item.id;
  const title = document.createElement("h3");
  title.textContent = item.title || `Item ${item.id}`;
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [item.year, item.genres.join(", ")].filter(Boolean).join(" · ");
  const pitch = document.createElement("p");
  pitch.className = "pitch";
  pitch.hidden = !item.pitch;
  if (item.pitch) {
    pitch.textContent = item.pitch.text;
    pitch.dataset.generator = item.pitch.generator;
    pitch.title = item.pitch.generator === "llm" ? `Written by ${item.pitch.model}` : "Written from the catalogue's own text";
  }
  const because = document.createElement("p");
  because.className = "because";
  because.textContent = item.explanation ? [item.explanation.text, ...item.explanation.notes].join(" ") : "";
  const actions = document.createElement("div");
  actions.className = "actions";
  for (const [kind, label] of [["like", "Like"], ["dislike", "Dislike"], ["watched", "Watched"]]) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.dataset.kind = kind;
    button.setAttribute("aria-label", `${label} ${title.textContent}`);
    button.addEventListener("click", () => feedback(item, kind));
    actions.append(button);
  }
  li.append(title, meta, pitch, because, actions);
  return li;
}

function render(list) {
  const cards = $("cards");
  cards.replaceChildren(...list.items.map(card));
  cards.dataset.fallback = String(list.fallback);
  if (list.fallback) say("We don't know your taste yet: these are popular picks. Like a few to personalise.");
}

async function refresh() {
  if (!state.user) return;
  const query = new URLSearchParams({ n: "12", explain: "true", pitch: "true", diversity: String(state.diversity) });
  render(await api(`/v1/users/${encodeURIComponent(state.user)}/recommendations?${query}`));
}

async function feedback(item, kind) {
  try {
    await api("/v1/feedback", { method: "POST", body: JSON.stringify({ user: state.user, item: item.id, kind }) });
    say(`Noted: ${kind} “${item.title}”. Your list is updated.`);
    await refresh();
  } catch (error) { say(error.message); }
}

async function chooseUser(user) {
  state.user = user;
  $("viewer-name").textContent = user.startsWith("guest-") ? "a new viewer" : `viewer ${user}`;
  say("");
  try { await refresh(); } catch (error) { say(error.message); }
}

async function loadUsers() {
  const { users } = await api("/v1/users?n=20");
  const select = $("user");
  select.replaceChildren(...users.map((user) => new Option(`Viewer ${user}`, user)));
  if (users.length) await chooseUser(users[0]);
}

async function start() {
  state.key = readKey();
  if (!state.key) { showKeyForm(); say("Enter an API key (marquee keys create) or open the link marquee demo printed."); return; }
  try { await loadUsers(); } catch (error) { say(error.message); }
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  localStorage.setItem("marquee-key", $("key").value.trim());
  $("key-form").hidden = true;
  start();
});
$("user").addEventListener("change", (event) => chooseUser(event.target.value));
$("new-user").addEventListener("click", () => {
  const guest = `guest-${crypto.getRandomValues(new Uint32Array(1))[0].toString(16)}`;
  $("user").append(new Option("New viewer", guest));
  $("user").value = guest;
  chooseUser(guest);
});
$("diversity").addEventListener("change", (event) => {
  state.diversity = Number(event.target.value);
  $("diversity-value").textContent = state.diversity.toFixed(1);
  refresh().catch((error) => say(error.message));
});
$("mood-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = $("mood").value.trim();
  if (!text) return;
  try {
    render(await api("/v1/recommendations/text", { method: "POST", body: JSON.stringify({ text, n: 12 }) }));
    say(`Suggestions for “${text}”.`);
  } catch (error) { say(`Mood suggestions need the language model: ${error.message}`); }
});

start();
