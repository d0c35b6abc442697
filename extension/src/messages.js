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
 *                                                             application, advice, serverUrl, cardOpen}  (POST /api/v1/advice)
 *   card/open         {open: boolean}                     -> {}   (remembers whether the user left the card open)
 *   message/track     {email: Email}                      -> {message, application}            (POST /api/v1/classify track)
 *   message/correct   {message_id: int|null, email, label, about_job: boolean}
 *                                                         -> {message, correction: {id, undo_until}|null}
 *                                                            (PATCH /api/v1/messages/<id>; tracks the email first without an id)
 *   correction/undo   {correction_id}                     -> {message}      (POST /api/v1/corrections/<id>/undo)
 *   signin-link       {path}                              -> {url}          (POST /api/v1/signin-links, then opens it in a tab)
 *   me/name           {display_name}                      -> me             (PATCH /api/v1/me: the name drafts are signed with)
 *   reflection/add    {application_id, went_well, to_change} -> reflection   (POST /api/v1/applications/<id>/reflections)
 *   follow-up/ics     {application_id, days}              -> {filename, text} (GET /api/v1/applications/<id>/follow-up.ics)
 *   history           {site, company, role, domain}       -> {company, applications, serverUrl} (GET /api/v1/companies/history)
 *   application/track {company, role, status}             -> application    (POST /api/v1/applications; status
 *                                                            "applied" or "saved": a posting kept for later)
 *   application/applied {application_id}                  -> application    (PATCH /api/v1/applications/<id>: a saved
 *                                                            posting the user has now applied for)
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

  /** The labels *Not a rejection* may set (worker/contract.py LABELS without rejection). */
  const CORRECTABLE = Object.freeze(["application_confirmation", "interview_invitation", "offer", "job_alert",
    "recruiter_outreach", "other"]);

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
    "card/open": { open: { type: "boolean" } },
    "message/correct": {
      message_id: { type: "integer", nullable: true }, email: EMAIL, label: { type: "enum", of: CORRECTABLE },
      about_job: { type: "boolean" },
    },
    "correction/undo": { correction_id: ID },
    "signin-link": { path: { type: "string", max: 500, pattern: /^\/(?![/\\])[!-~]*$/ } },
    "me/name": { display_name: str(100) },
    "reflection/add": { application_id: ID, went_well: str(5000), to_change: str(5000) },
    "follow-up/ics": { application_id: ID, days: ID },
    history: { site: str(40), company: str(300), role: str(300), domain: str(300) },
    "application/track": { company: str(300), role: str(300), status: str(16) },
    "application/applied": { application_id: ID },
    summary: {},
    checks: {},
    "check/answer": { message_id: { type: "integer", nullable: true }, rejection: { type: "boolean" }, email: { ...EMAIL, optional: true } },
  });

  /** Types only the extension's own pages (options, popup) may send, never a content script. */
  Onward.PAGE_ONLY = Object.freeze(new Set(["settings/set", "pair", "unpair", "webmail/add", "webmail/remove", "checks"]));

  function fits(spec, value) {
    if (value === null || value === undefined) return Boolean(spec.optional || (spec.nullable && value === null));
    switch (spec.type) {
      case "string": return typeof value === "string" && value.length <= spec.max && (!spec.pattern || spec.pattern.test(value));
      case "enum": return spec.of.includes(value);
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

  /**
   * The extension's own text `key` in the browser's language (from _locales through i18n.getMessage), with
   * `subs` for its $1, $2... placeholders. Falls back to the key itself, so a missing text is visible, not blank.
   */
  Onward.t = function (key, ...subs) {
    const api = root.browser || root.chrome;
    const text = api && api.i18n ? api.i18n.getMessage(key, subs.map(String)) : "";
    return text || key;
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
