/*
 * The options page: the connection (its state, or the pairing form when there is none), disconnecting, switching sites
 * off one by one, the card's confidence threshold, and allowing a self-hosted Roundcube.
 * Host permissions for a server or webmail outside this computer are asked for here, on the
 * click, as browsers require.
 */
(function () {
  "use strict";
  const { el, send, t } = Onward;
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

  /** Connected: the state, *Open the dashboard* and *Disconnect*, no code field. Not paired, or no longer
   *  accepted by the server: the pairing form. Paired but the server does not answer: the state and *Disconnect*. */
  function showState(state) {
    $("connected").hidden = state === "not_paired";
    $("open-dashboard").hidden = state !== "connected";
    $("pair-form").hidden = !(state === "not_paired" || state === "unauthorized");
  }

  async function refreshStatus(settings) {
    if (!settings.paired) {
      showState("not_paired");
      return setStatus(t("notConnectedPair"), "problem");
    }
    setStatus(t("checkingServer", settings.serverUrl));
    const answer = await send("status");
    const state = answer.ok ? answer.data.state : "unreachable";
    showState(state);
    if (state === "connected") setStatus(t("connectedAs", settings.serverUrl, settings.email), "connected");
    else if (state === "unauthorized") setStatus(t("notAccepted"), "problem");
    else setStatus(t("notAnswering", settings.serverUrl), "problem");
  }

  function renderSites(settings) {
    const box = $("sites");
    box.replaceChildren(el("legend", {}, t("showOnwardOn")));
    for (const [id, name] of Object.entries(Onward.SITES)) {
      const input = el("input", { type: "checkbox", id: `site-${id}`, checked: settings.sites[id] });
      input.addEventListener("change", () => send("settings/set", { sites: { [id]: input.checked } }));
      box.append(el("label", { for: `site-${id}` }, input, ` ${t(`site_${id}`) === `site_${id}` ? name : t(`site_${id}`)}`));
    }
  }

  function renderHosts(settings) {
    $("webmail-hosts").replaceChildren(...settings.webmailHosts.map((origin) => {
      const remove = el("button", { type: "button", class: "secondary", "aria-label": t("stopUsing", origin) }, t("remove"));
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
    if (!origin) return setStatus(t("serverAddressInvalid"), "problem");
    allow(origin).then(async (granted) => {
      if (!granted) return setStatus(t("serverNotAllowed"), "problem");
      setStatus(t("pairing"));
      const answer = await send("pair", { serverUrl: origin, code: $("code").value.trim() });
      if (!answer.ok) return setStatus(t("notConnectedBecause", answer.message), "problem");
      $("code").value = "";
      render(answer.data);
    });
  });

  $("open-dashboard").addEventListener("click", () => send("signin-link", { path: "/" }));

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
      $("webmail-status").textContent = t("webmailInvalid");
      return;
    }
    api.permissions.request({ origins: [Onward.matchPattern(origin)] }).then(async (granted) => {
      if (!granted) {
        $("webmail-status").textContent = t("webmailNotAllowed");
        return;
      }
      const answer = await send("webmail/add", { origin });
      $("webmail-status").textContent = answer.ok ? t("webmailAdded", origin) : answer.message;
      if (answer.ok) {
        $("webmail-origin").value = "";
        renderHosts(answer.data);
      }
    });
  });

  Onward.localize(document);
  send("settings/get").then((answer) => {
    if (answer.ok) render(answer.data);
    else setStatus(answer.message, "problem");
  });
})();
