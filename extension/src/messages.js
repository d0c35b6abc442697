/*
 * The one map of messages between the extension's pages and content scripts and the
 * background service worker. Every message is {type, payload}; every answer is
 * {ok: true, data} or {ok: false, error, message}. The background checks each payload
 * against this map before doing anything, since content scripts run next to web pages.
 *
 * Shapes (the fields a payload must have, and what `data` holds on success):
 *
 *   settings/get      {}                                  -> Settings (see settings.js, token never included)
 *   settings/set      {sites?, threshold?, serverUrl?}    -> Settings
 *   pair              {serverUrl, code}                   -> Settings   (POST /api/v1/pair)
 *   unpair            {}                                  -> Settings
 *   status            {}                                  -> {state: "connected"|"not_paired"|"unreachable"|"unauthorized", email}
 *   webmail/add       {origin}                            -> Settings   (host permission granted by the options page first)
 *   webmail/remove    {origin}                            -> Settings
 *   advice            {site, email: Email}                -> {show: "card"|"note"|"none", classification, message,
 *                                                             application, advice, serverUrl}   (POST /api/v1/advice)
 *   message/track     {email: Email}                      -> {message, application}            (POST /api/v1/classify track)
 *   message/not-rejection {message_id: int|null, email}   -> {message}      (PATCH /api/v1/messages/<id> label other)
 *   reflection/add    {application_id, went_well, to_change} -> reflection   (POST /api/v1/applications/<id>/reflections)
 *   follow-up/ics     {application_id, days}              -> {filename, text} (GET /api/v1/applications/<id>/follow-up.ics)
 *   history           {site, company, role, domain}       -> {company, applications, serverUrl} (GET /api/v1/companies/history)
 *   application/track {company, role}                     -> application    (POST /api/v1/applications)
 *   summary           {}                                  -> {summary, serverUrl}               (GET /api/v1/summary/weekly)
 *   checks            {}                                  -> {checks, serverUrl}   (GET /api/v1/checks: emails to check)
 *   check/answer      {message_id: int|null, rejection: boolean, email?: Email}
 *                                                         -> {message, application, advice}
 *                                                            (POST /api/v1/messages/<id>/check; tracks the email first without an id)
 *
 * Email = {subject, from_name, from_address, text, message_id?, link?}
 */
(function (root) {
  "use strict";
  const Onward = (root.Onward = root.Onward || {});

  const str = (max) => ({ type: "string", max });
  const EMAIL = {
    type: "object",
    fields: {
      subject: str(998), from_name: str(300), from_address: str(320), text: str(200000),
      message_id: { ...str(998), optional: true }, link: { ...str(2000), optional: true },
    },
  };
  const ID = { type: "integer" };

  /** Message type -> the payload's fields (each {type, max?, optional?}). */
  Onward.MESSAGES = Object.freeze({
    "settings/get": {},
    "settings/set": {
      sites: { type: "object", optional: true }, threshold: { type: "number", optional: true },
      serverUrl: { ...str(500), optional: true },
    },
    pair: { serverUrl: str(500), code: str(32) },
    unpair: {},
    status: {},
    "webmail/add": { origin: str(500) },
    "webmail/remove": { origin: str(500) },
    advice: { site: str(40), email: EMAIL },
    "message/track": { email: EMAIL },
    "message/not-rejection": { message_id: { type: "integer", nullable: true }, email: EMAIL },
    "reflection/add": { application_id: ID, went_well: str(5000), to_change: str(5000) },
    "follow-up/ics": { application_id: ID, days: ID },
    history: { site: str(40), company: str(300), role: str(300), domain: str(300) },
    "application/track": { company: str(300), role: str(300) },
    summary: {},
    checks: {},
    "check/answer": { message_id: { type: "integer", nullable: true }, rejection: { type: "boolean" }, email: { ...EMAIL, optional: true } },
  });

  /** Types only the extension's own pages (options, popup) may send, never a content script. */
  Onward.PAGE_ONLY = Object.freeze(new Set(["settings/set", "pair", "unpair", "webmail/add", "webmail/remove", "checks"]));

  function fits(spec, value) {
    if (value === null || value === undefined) return Boolean(spec.optional || (spec.nullable && value === null));
    switch (spec.type) {
      case "string": return typeof value === "string" && value.length <= spec.max;
      case "integer": return Number.isInteger(value);
      case "boolean": return typeof value === "boolean";
      case "number": return typeof value === "number" && Number.isFinite(value);
      case "object":
        if (typeof value !== "object" || Array.isArray(value)) return false;
        return !spec.fields || Object.entries(spec.fields).every(([k, s]) => fits(s, value[k]));
      default: return false;
    }
  }

  /** The reason a message does not match the map, or "" when it does. */
  Onward.checkMessage = function (msg) {
    if (!msg || typeof msg !== "object" || !Object.hasOwn(Onward.MESSAGES, msg.type)) return "unknown message type";
    const payload = msg.payload || {};
    for (const [name, spec] of Object.entries(Onward.MESSAGES[msg.type])) {
      if (!fits(spec, payload[name])) return `bad field ${name}`;
    }
    return "";
  };

  /** Send a message to the background and return its answer ({ok, data} or {ok: false, error, message}). */
  Onward.send = async function (type, payload = {}) {
    const api = root.browser || root.chrome;
    try {
      const answer = await api.runtime.sendMessage({ type, payload });
      return answer || { ok: false, error: "no_answer", message: "The extension did not answer." };
    } catch (err) {
      return { ok: false, error: "extension", message: String(err && err.message ? err.message : err) };
    }
  };
})(globalThis);
