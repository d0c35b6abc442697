/*
 * The options page: server address and pairing, connection state, unpairing, switching sites
 * off one by one, the card's confidence threshold, and allowing a self-hosted Roundcube.
 * Host permissions for a server or webmail outside this computer are asked for here, on the
 * click, as browsers require.
 */
(function () {
  "use strict";
  const { el, send } = Onward;
  const api = globalThis.browser || globalThis.chrome;
  const $ = (id) => document.getElementById(id);

  function isLocal(origin) {
    return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(origin).hostname);
  }

  /** Ask for access to a host outside this computer; must run first thing in a click handler. */
  function allow(origin) {
    if (!origin || isLocal(origin)) return Promise.resolve(true);
    return api.permissions.request({ origins: [Onward.matchPattern(origin)] });
  }

  function setStatus(text, kind) {
    $("status").textContent = text;
    $("status").className = kind || "";
  }

  async function refreshStatus(settings) {
    $("unpair").hidden = !settings.paired;
    if (!settings.paired) return setStatus("Not connected: enter a pairing code to connect.", "problem");
    setStatus(`Checking ${settings.serverUrl}…`);
    const answer = await send("status");
    const state = answer.ok ? answer.data.state : "unreachable";
    if (state === "connected") setStatus(`Connected to ${settings.serverUrl} as ${settings.email}.`, "connected");
    else if (state === "unauthorized") setStatus("Not connected: the server no longer accepts this browser. Pair it again.", "problem");
    else setStatus(`Not connected: ${settings.serverUrl} does not answer.`, "problem");
  }

  function renderSites(settings) {
    const box = $("sites");
    box.replaceChildren(el("legend", {}, "Show Onward on"));
    for (const [id, name] of Object.entries(Onward.SITES)) {
      const input = el("input", { type: "checkbox", id: `site-${id}`, checked: settings.sites[id] });
      input.addEventListener("change", () => send("settings/set", { sites: { [id]: input.checked } }));
      box.append(el("label", { for: `site-${id}` }, input, ` ${name}`));
    }
  }

  function renderHosts(settings) {
    $("webmail-hosts").replaceChildren(...settings.webmailHosts.map((origin) => {
      const remove = el("button", { type: "button", class: "secondary", "aria-label": `Stop using ${origin}` }, "Remove");
      remove.addEventListener("click", async () => {
        const answer = await send("webmail/remove", { origin });
        if (answer.ok) renderHosts(answer.data);
        if (!isLocal(origin)) api.permissions.remove({ origins: [Onward.matchPattern(origin)] }).catch(() => {});
      });
      return el("li", {}, origin, " ", remove);
    }));
  }

  function render(settings) {
    $("server-url").value = settings.serverUrl;
    $("threshold").value = String(settings.threshold);
    renderSites(settings);
    renderHosts(settings);
    refreshStatus(settings);
  }

  $("pair-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const origin = Onward.normalizeOrigin($("server-url").value);
    if (!origin) return setStatus("The server address must start with http:// or https://.", "problem");
    allow(origin).then(async (granted) => {
      if (!granted) return setStatus("The browser did not allow the extension to reach this server.", "problem");
      setStatus("Pairing…");
      const answer = await send("pair", { serverUrl: origin, code: $("code").value.trim() });
      if (!answer.ok) return setStatus(`Not connected: ${answer.message}`, "problem");
      $("code").value = "";
      render(answer.data);
    });
  });

  $("unpair").addEventListener("click", async () => {
    const answer = await send("unpair");
    if (answer.ok) render(answer.data);
  });

  $("threshold").addEventListener("change", () => {
    const value = Number($("threshold").value);
    if (Number.isFinite(value) && value >= 0 && value <= 1) send("settings/set", { threshold: value });
  });

  $("webmail-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const origin = Onward.normalizeOrigin($("webmail-origin").value);
    if (!origin) {
      $("webmail-status").textContent = "The address must start with http:// or https://.";
      return;
    }
    api.permissions.request({ origins: [Onward.matchPattern(origin)] }).then(async (granted) => {
      if (!granted) {
        $("webmail-status").textContent = "The browser did not allow access to this webmail.";
        return;
      }
      const answer = await send("webmail/add", { origin });
      $("webmail-status").textContent = answer.ok ? `Onward now reads opened messages on ${origin}.` : answer.message;
      if (answer.ok) {
        $("webmail-origin").value = "";
        renderHosts(answer.data);
      }
    });
  });

  send("settings/get").then((answer) => {
    if (answer.ok) render(answer.data);
    else setStatus(answer.message, "problem");
  });
})();
