/*
 * The background service worker: the only part that calls the server or touches storage.
 * It keeps nothing in globals (the browser may stop it at any time); every handler reads
 * the settings from storage afresh.
 */
/* global importScripts */
if (typeof importScripts === "function") {
  importScripts("../messages.js", "../settings.js", "api.js");
}

(function (root) {
  "use strict";
  const Onward = root.Onward;
  const api = root.browser || root.chrome;

  /** Labels that get a small note instead of the rejection card. */
  const NOTE_LABELS = new Set(["application_confirmation", "interview_invitation", "offer"]);

  /** What *Track* on a job board may record: an application sent, or a posting saved for later (not sent). */
  const TRACK_STATUSES = ["applied", "saved"];

  async function load() {
    return Onward.coerceSettings(await api.storage.local.get(null));
  }

  async function save(changes) {
    await api.storage.local.set(changes);
    return load();
  }

  /** Settings as pages may see them: never the token. */
  function visible(settings) {
    const { token, tokenId, ...rest } = settings;
    return { ...rest, paired: Boolean(token) };
  }

  function emailBody(email) {
    const out = { subject: email.subject, from_name: email.from_name, from_address: email.from_address, text: email.text };
    if (email.message_id) out.message_id = email.message_id;
    if (email.link && /^https?:\/\//.test(email.link)) out.link = email.link;
    if (!out.text.trim()) out.text = email.subject || " ";
    return out;
  }

  /** The stored message id of an email on screen, tracking it first; a failed answer when it cannot be stored. */
  async function storedId(settings, email) {
    const tracked = await Onward.request(settings, "POST", "/api/v1/classify", { body: { ...emailBody(email), track: true } });
    if (!tracked.ok) return tracked;
    return tracked.data.message ? tracked.data.message.id : Onward.fail("http", Onward.t("errNotStored"));
  }

  function siteOff(settings, site) {
    return Object.hasOwn(settings.sites, site) && !settings.sites[site];
  }

  function roundcubeScript() {
    return api.runtime.getManifest().content_scripts.find((cs) => cs.js.some((f) => f.endsWith("adapters/roundcube.js")));
  }

  function scriptId(origin) {
    return "webmail-" + origin.replace(/[^a-z0-9]/gi, "_");
  }

  const handlers = {
    "settings/get": async () => ({ ok: true, data: visible(await load()) }),

    "settings/set": async (p) => {
      const changes = {};
      if (p.sites) changes.sites = { ...(await load()).sites, ...p.sites };
      if (p.threshold !== undefined) changes.threshold = p.threshold;
      if (p.serverUrl !== undefined) {
        const origin = Onward.normalizeOrigin(p.serverUrl);
        if (!origin) return Onward.fail("invalid", Onward.t("serverAddressInvalid"));
        changes.serverUrl = origin;
      }
      return { ok: true, data: visible(await save(changes)) };
    },

    pair: async (p) => {
      const serverUrl = Onward.normalizeOrigin(p.serverUrl);
      if (!serverUrl) return Onward.fail("invalid", Onward.t("serverAddressInvalid"));
      const answer = await Onward.request({ serverUrl }, "POST", "/api/v1/pair", {
        auth: false, body: { code: p.code, name: "Browser extension" },
      });
      if (!answer.ok) return answer;
      const { token, token_id: tokenId, email } = answer.data;
      return { ok: true, data: visible(await save({ serverUrl, token, tokenId, email })) };
    },

    unpair: async () => {
      const settings = await load();
      if (settings.token && settings.tokenId) {
        await Onward.request(settings, "DELETE", `/api/v1/tokens/${settings.tokenId}`);
      }
      return { ok: true, data: visible(await save({ token: "", tokenId: 0, email: "" })) };
    },

    status: async () => {
      const settings = await load();
      if (!settings.token) return { ok: true, data: { state: "not_paired", email: "" } };
      let answer = await Onward.request(settings, "GET", "/api/v1/me");
      if (!answer.ok && answer.status === 404) answer = await Onward.request(settings, "GET", "/api/v1/applications?limit=1");
      if (answer.ok) return { ok: true, data: { state: "connected", email: settings.email } };
      const state = answer.error === "unauthorized" ? "unauthorized" : "unreachable";
      return { ok: true, data: { state, email: settings.email, message: answer.message } };
    },

    "webmail/add": async (p) => {
      const origin = Onward.normalizeOrigin(p.origin);
      if (!origin) return Onward.fail("invalid", Onward.t("webmailInvalid"));
      if (!(await api.permissions.contains({ origins: [Onward.matchPattern(origin)] }))) {
        return Onward.fail("permission", Onward.t("webmailNotAllowed"));
      }
      const base = roundcubeScript();
      const id = scriptId(origin);
      const known = await api.scripting.getRegisteredContentScripts({ ids: [id] });
      if (!known.length) {
        await api.scripting.registerContentScripts([{
          id, matches: [Onward.matchPattern(origin)], js: base.js, allFrames: true, runAt: "document_idle",
        }]);
      }
      const settings = await load();
      const hosts = settings.webmailHosts.includes(origin) ? settings.webmailHosts : [...settings.webmailHosts, origin];
      return { ok: true, data: visible(await save({ webmailHosts: hosts })) };
    },

    "webmail/remove": async (p) => {
      const settings = await load();
      const id = scriptId(p.origin);
      if ((await api.scripting.getRegisteredContentScripts({ ids: [id] })).length) {
        await api.scripting.unregisterContentScripts({ ids: [id] });
      }
      return { ok: true, data: visible(await save({ webmailHosts: settings.webmailHosts.filter((h) => h !== p.origin) })) };
    },

    advice: async (p) => {
      const settings = await load();
      if (siteOff(settings, p.site)) return Onward.fail("disabled", Onward.t("errSiteOff"));
      const answer = await Onward.request(settings, "POST", "/api/v1/advice", { body: emailBody(p.email) });
      if (!answer.ok) return answer;
      const { classification, advice, message } = answer.data;
      let show = "none";
      // A stored email the user confirmed, or one waiting for their check, gets its card whatever the threshold;
      // an email only classified on the spot needs the threshold's confidence.
      const stored = message && (message.label === "rejection" || message.label === "possible_rejection");
      if (advice && (stored || (classification.label === "rejection" && classification.confidence >= settings.threshold))) {
        show = "card";
      } else if (NOTE_LABELS.has(classification.label)) {
        show = "note";
      }
      return { ok: true, data: { ...answer.data, show, serverUrl: settings.serverUrl, cardOpen: settings.cardOpen } };
    },

    "card/open": async (p) => {
      await save({ cardOpen: p.open });
      return { ok: true, data: {} };
    },

    "message/track": async (p) => {
      const settings = await load();
      const answer = await Onward.request(settings, "POST", "/api/v1/classify", { body: { ...emailBody(p.email), track: true } });
      if (!answer.ok) return answer;
      const message = answer.data.message;
      let application = null;
      if (message && message.application_id) {
        const app = await Onward.request(settings, "GET", `/api/v1/applications/${message.application_id}`);
        if (app.ok) application = app.data;
      }
      return { ok: true, data: { message, application } };
    },

    "message/correct": async (p) => {
      const settings = await load();
      const id = p.message_id || (await storedId(settings, p.email));
      if (typeof id !== "number") return id;
      const body = { label: p.label };
      if (!p.about_job) body.about_job = false;
      const answer = await Onward.request(settings, "PATCH", `/api/v1/messages/${id}`, { body });
      if (!answer.ok) return answer;
      const { correction = null, ...message } = answer.data;
      return { ok: true, data: { message, correction } };
    },

    "correction/undo": async (p) => {
      const settings = await load();
      return Onward.request(settings, "POST", `/api/v1/corrections/${p.correction_id}/undo`);
    },

    "signin-link": async (p, sender) => {
      const settings = await load();
      const answer = await Onward.request(settings, "POST", "/api/v1/signin-links", { body: { next: p.path } });
      if (!answer.ok) return answer;
      // The link's path on the address this browser reaches the server at (a proxy may name the server otherwise).
      const url = settings.serverUrl + new URL(answer.data.url, settings.serverUrl).pathname;
      const at = sender && sender.tab ? { index: sender.tab.index + 1, openerTabId: sender.tab.id } : {};
      await api.tabs.create({ url, ...at });
      return { ok: true, data: { url } };
    },

    "me/name": async (p) => {
      const settings = await load();
      return Onward.request(settings, "PATCH", "/api/v1/me", { body: { display_name: p.display_name } });
    },

    "reflection/add": async (p) => {
      const settings = await load();
      return Onward.request(settings, "POST", `/api/v1/applications/${p.application_id}/reflections`, {
        body: { went_well: p.went_well, to_change: p.to_change },
      });
    },

    "follow-up/ics": async (p) => {
      const settings = await load();
      const days = Math.min(365, Math.max(1, p.days));
      const answer = await Onward.request(settings, "GET", `/api/v1/applications/${p.application_id}/follow-up.ics?days=${days}`, {
        as: "text",
      });
      return answer.ok ? { ok: true, data: { filename: `onward-follow-up-${p.application_id}.ics`, text: answer.data } } : answer;
    },

    history: async (p) => {
      const settings = await load();
      if (siteOff(settings, p.site)) return Onward.fail("disabled", Onward.t("errSiteOff"));
      const query = new URLSearchParams();
      if (p.company) query.set("name", p.company);
      if (p.domain) query.set("domain", p.domain);
      const answer = await Onward.request(settings, "GET", `/api/v1/companies/history?${query}`);
      if (!answer.ok) return answer;
      const applications = answer.data.applications.slice(0, 3);
      for (const app of applications) {
        if (app.status === "rejected" && app.last_message && app.last_message.label === "rejection") {
          const message = await Onward.request(settings, "GET", `/api/v1/messages/${app.last_message.id}`);
          if (message.ok) app.last_message.stage = message.data.stage;
        }
      }
      return { ok: true, data: { company: answer.data.company, applications, serverUrl: settings.serverUrl } };
    },

    "application/track": async (p) => {
      if (!TRACK_STATUSES.includes(p.status)) return Onward.fail("bad_request", "Say whether you applied or saved the posting.");
      const settings = await load();
      const body = { company: p.company, status: p.status };
      if (p.role) body.role = p.role;
      return Onward.request(settings, "POST", "/api/v1/applications", { body });
    },

    "application/applied": async (p) => {
      const settings = await load();
      return Onward.request(settings, "PATCH", `/api/v1/applications/${p.application_id}`, { body: { status: "applied" } });
    },

    checks: async () => {
      const settings = await load();
      const answer = await Onward.request(settings, "GET", "/api/v1/checks?limit=20");
      return answer.ok ? { ok: true, data: { checks: answer.data, serverUrl: settings.serverUrl } } : answer;
    },

    "check/answer": async (p) => {
      const settings = await load();
      if (!p.message_id && !p.email) return Onward.fail("invalid", "No email to answer for.");
      const id = p.message_id || (await storedId(settings, p.email));
      if (typeof id !== "number") return id;
      return Onward.request(settings, "POST", `/api/v1/messages/${id}/check`, { body: { rejection: p.rejection } });
    },

    summary: async () => {
      const settings = await load();
      const answer = await Onward.request(settings, "GET", "/api/v1/summary/weekly");
      return answer.ok ? { ok: true, data: { summary: answer.data, serverUrl: settings.serverUrl } } : answer;
    },
  };

  function fromExtensionPage(sender) {
    return typeof sender.url === "string" && sender.url.startsWith(api.runtime.getURL(""));
  }

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== api.runtime.id) return false;
    const problem = Onward.checkMessage(msg);
    if (problem) {
      sendResponse(Onward.fail("invalid", problem));
      return false;
    }
    if (Onward.PAGE_ONLY.has(msg.type) && !fromExtensionPage(sender)) {
      sendResponse(Onward.fail("forbidden", "Only the extension's own pages may send this."));
      return false;
    }
    handlers[msg.type](msg.payload || {}, sender).then(sendResponse, (err) => sendResponse(Onward.fail("extension", String(err))));
    return true;
  });
})(globalThis);
